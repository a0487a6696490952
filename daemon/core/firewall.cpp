#include "core/firewall.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "compiler/compiler.hpp"
#include "compiler/panic.hpp"
#include "config/combined_zones.hpp"
#include "config/port_range.hpp"
#include "core/free_memory.hpp"
#include "model/config_check.hpp"
#include "model/port.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::core {
namespace {

// firewalld reads a boolean firewalld.conf value as false when it is "no" or "false" in any case.
bool conf_false(const std::string& value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "no" || lower == "false";
}

template <typename T>
std::vector<std::string> names(const std::map<std::string, model::Item<T>>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& entry : items) out.push_back(entry.first);
  return out;
}

// firewalld's _start_check: an unknown default zone is logged and replaced by public, external
// or block, the first that exists.
std::string effective_default_zone(const model::Config& config) {
  for (const std::string& zone :
       {config.conf.default_zone, std::string("public"), std::string("external")}) {
    if (config.zones.count(zone)) return zone;
  }
  return "block";
}

}  // namespace

const char* to_string(State state) {
  switch (state) {
    case State::Init:
      return "INIT";
    case State::Running:
      return "RUNNING";
    case State::Failed:
      return "FAILED";
  }
  return "INIT";
}

// What firewalld refuses to start with: a file that does not load (its readers raise and abort
// _start) and a failed start-up check. What it only logs becomes a warning.
Result<Firewall::Loaded> Firewall::prepare(config::LoadResult loaded) {
  if (!loaded.errors.empty()) return Unexpected{loaded.errors.front()};
  auto problems = model::check_references(loaded.config);
  if (!problems.empty()) return Unexpected{problems.front()};
  Loaded next;
  next.warnings = std::move(loaded.warnings);
  if (loaded.conf_open_failure) {
    // firewalld's _start_load_firewalld_conf, after read() logged the failure (the first warning).
    Error why{Code::COMMAND_FAILED, *loaded.conf_open_failure, {}, 0};
    why.log_text = *loaded.conf_open_failure;
    std::string text = "Using fallback firewalld configuration settings.";
    Error fallback{Code::COMMAND_FAILED, text, {}, 0};
    fallback.log_text = text;
    auto at = next.warnings.begin() + (next.warnings.empty() ? 0 : 1);
    next.warnings.insert(at, {std::move(why), std::move(fallback)});
  }
  for (auto& w : model::check_runtime_references(loaded.config)) next.warnings.push_back(w);
  next.config = config::combine_zones(loaded.config);
  next.permanent = std::move(loaded.config);
  next.bindings = compiler::bindings_from_config(next.config);
  next.bindings.default_zone = effective_default_zone(next.config);
  return next;
}

Result<Firewall::Loaded> Firewall::load(const config::Paths& paths) const {
  return prepare(config::load_config(paths));
}

// firewalld's _start_failsafe: the stock configuration with firewalld.conf's built-in defaults
// and nothing from the system tree. The default tree is read as both trees, so that nothing of
// the system tree can come in; every item then counts as stock.
Result<Firewall::Loaded> Firewall::load_failsafe() const {
  config::LoadResult loaded = config::load_config({paths_.default_dir, paths_.default_dir});
  loaded.config.conf = model::FirewalldConf{};
  loaded.warnings.clear();
  auto as_default = [](auto& items) {
    for (auto& entry : items) entry.second.origin = model::Origin::Default;
  };
  as_default(loaded.config.zones);
  as_default(loaded.config.services);
  as_default(loaded.config.policies);
  as_default(loaded.config.ipsets);
  as_default(loaded.config.icmptypes);
  as_default(loaded.config.helpers);
  return prepare(std::move(loaded));
}

// The whole-load commit point: one batch, the whole table replaced (the panic table kept as it
// is), its rule handles tracked for later deltas; the runtime swapped only after that.
Status Firewall::load_runtime(Loaded next, State state, bool* compile_failed) {
  std::set<std::string> duplicated;
  auto ruleset = compiler::compile(next.config, next.bindings, &duplicated);
  if (compile_failed) *compile_failed = !ruleset;
  if (!ruleset) return ruleset;
  if (Status st = kernel_.load(with_panic_state(std::move(*ruleset))); !st) return st;
  kernel_.compiled_whole(compiler::kTableName, duplicated);
  adopt(std::move(next), state);
  release_free_memory();  // the old runtime, the compile and the batch are gone
  return ok();
}

void Firewall::adopt(Loaded next, State state) {
  if (next.permanent) permanent_ = std::move(*next.permanent);
  runtime_ = std::move(next.config);
  runtime_.conf.default_zone = next.bindings.default_zone;
  zones_.loaded(std::move(next.bindings));
  ipsets_.replaced();
  warnings_ = std::move(next.warnings);
  state_ = state;
  enable_ip_forwarding({});  // firewalld applies everything anew
}

Status Firewall::start() {
  auto next = load(paths_);
  if (next) check_table_owner(next->config, next->warnings);
  Status applied = next ? load_runtime(std::move(*next), State::Running) : Status{next};
  if (applied) {
    failure_.reset();
    applied = apply_direct(false);
    if (applied) return ok();
  }
  failure_ = applied.error();
  state_ = State::Failed;
  auto fallback = load_failsafe();
  if (!fallback) return fallback;
  auto& warnings = fallback->warnings;  // the first attempt's still count
  warnings.insert(warnings.begin(), warnings_.begin(), warnings_.end());
  if (Status st = load_runtime(std::move(*fallback), State::Failed); !st) return st;
  // firewalld's _start_failsafe: no direct entries (the permanent ones stay loaded), so no
  // native ipsets either (the failed attempt may have created them).
  direct_.clear(warnings_);
  ipsets_.destroy_native(warnings_);
  load_direct_lockdown();
  return ok();
}

Status Firewall::reload() {
  auto next = load(paths_);
  if (!next) return next;
  check_table_owner(next->config, next->warnings);
  // check_on_disk_config reads direct.xml and lockdown-whitelist.xml too.
  if (Status st = check_direct_lockdown_files(); !st) return st;
  // firewalld reads FlushAllOnReload before it reloads: the value in force decides, not the new
  // one.
  bool keep_runtime = conf_false(runtime_.conf.flush_all_on_reload);
  if (keep_runtime) {
    zones_.keep_interfaces(next->config, next->bindings);
    ipsets_.keep_entries(next->config.ipsets);
  } else {
    zones_.keep_nm_interfaces(next->config, next->bindings);
  }
  bool compile_failed = false;
  if (Status st = load_runtime(std::move(*next), State::Running, &compile_failed); !st) {
    // firewalld's reload ends in state FAILED when the files hold what it cannot apply (a rich
    // rule whose destination conflicts with its service's). Unlike firewalld, which has flushed
    // its rules by then, we leave the ruleset in force in the kernel.
    if (compile_failed) {
      state_ = State::Failed;
      failure_ = st.error();
    }
    return st;
  }
  failure_.reset();
  // firewalld's reload keeps what _start put in force when the direct rules fail, and fails.
  if (Status st = apply_direct(keep_runtime); !st) {
    state_ = State::Failed;
    failure_ = st.error();
    return st;
  }
  return ok();
}

Status Firewall::stop() {
  if (conf_false(runtime_.conf.cleanup_on_exit)) return ok();
  stop_direct();
  nft::Batch batch;
  if (Status st = nft::add_remove_table(batch, {"inet", compiler::kTableName}); !st) return st;
  if (panic_.on()) {  // firewalld's stop sets the policy back to ACCEPT: the panic table goes too
    Status st =
        nft::add_remove_table(batch, {compiler::kPanicTableFamily, compiler::kPanicTableName});
    if (!st) return st;
  }
  auto replies = netlink_.send(batch);
  if (!replies) return replies;
  return ok();
}

bool Firewall::ipv6_rpfilter() const { return !conf_false(runtime_.conf.ipv6_rpfilter); }

std::vector<std::string> Firewall::zone_names() const { return names(runtime_.zones); }
std::vector<std::string> Firewall::service_names() const { return names(runtime_.services); }
std::vector<std::string> Firewall::icmptype_names() const { return names(runtime_.icmptypes); }
std::vector<std::string> Firewall::policy_names() const { return names(runtime_.policies); }
std::vector<std::string> Firewall::ipset_names() const { return names(runtime_.ipsets); }
std::vector<std::string> Firewall::helper_names() const { return names(runtime_.helpers); }

Result<const model::Service*> Firewall::service(const std::string& name) const {
  auto it = runtime_.services.find(name);
  if (it == runtime_.services.end()) return fail(Code::INVALID_SERVICE, name);
  return &it->second.value;
}

Result<const model::IcmpType*> Firewall::icmptype(const std::string& name) const {
  auto it = runtime_.icmptypes.find(name);
  if (it == runtime_.icmptypes.end()) return fail(Code::INVALID_ICMPTYPE, name);
  return &it->second.value;
}

Result<const model::Helper*> Firewall::helper(const std::string& name) const {
  auto it = runtime_.helpers.find(name);
  if (it == runtime_.helpers.end()) return fail(Code::INVALID_HELPER, name);
  return &it->second.value;
}

}  // namespace fwctl::core
