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

// Removes `interface` from every zone of `bindings`.
void unbind_interface(compiler::RuntimeBindings& bindings, const std::string& interface) {
  for (auto& entry : bindings.interfaces) {
    auto& list = entry.second;
    list.erase(std::remove(list.begin(), list.end(), interface), list.end());
  }
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
  auto ruleset = compiler::compile(next.config, next.bindings);
  if (compile_failed) *compile_failed = !ruleset;
  if (!ruleset) return ruleset;
  if (Status st = kernel_.load(with_panic_state(std::move(*ruleset))); !st) return st;
  adopt(std::move(next), state);
  release_free_memory();  // the old runtime, the compile and the batch are gone
  return ok();
}

void Firewall::adopt(Loaded next, State state) {
  if (next.permanent) permanent_ = std::move(*next.permanent);
  runtime_ = std::move(next.config);
  runtime_.conf.default_zone = next.bindings.default_zone;
  bindings_ = std::move(next.bindings);
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
    keep_runtime_interfaces(*next);
    ipsets_.keep_entries(next->config.ipsets);
  } else {
    keep_nm_interfaces(*next);
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
  std::erase_if(nm_interfaces_, [this](const std::string& interface) {
    return zone_of_interface(interface).empty();
  });
  // firewalld's reload keeps what _start put in force when the direct rules fail, and fails.
  if (Status st = apply_direct(keep_runtime); !st) {
    state_ = State::Failed;
    failure_ = st.error();
    return st;
  }
  return ok();
}

// firewalld moves each runtime interface back into the zone it had (change_zone_of_interface).
void Firewall::keep_runtime_interfaces(Loaded& next) const {
  for (const auto& [zone, interfaces] : bindings_.interfaces) {
    if (!next.config.zones.count(zone)) continue;  // "Lost zone": its interfaces are dropped
    for (const auto& interface : interfaces) {
      unbind_interface(next.bindings, interface);
      next.bindings.interfaces[zone].push_back(interface);
    }
  }
}

// firewalld's reload then asks NetworkManager for the zone of each active connection and binds
// its interface again as NetworkManager's (fw.py, "Restore permanent interfaces from
// NetworkManager"). Those zones are the ones NetworkManager bound through us, so its bindings are
// kept: one made to "" follows the default zone of the new files, one to a zone gone is dropped.
void Firewall::keep_nm_interfaces(Loaded& next) const {
  for (const auto& interface : nm_interfaces_) {
    std::string zone = zone_of_interface(interface);
    if (std::count(default_zone_interfaces_.begin(), default_zone_interfaces_.end(), interface))
      zone = next.bindings.default_zone;
    if (zone.empty() || !next.config.zones.count(zone)) continue;
    unbind_interface(next.bindings, interface);
    next.bindings.interfaces[zone].push_back(interface);
  }
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

Result<std::string> Firewall::resolve_zone(const std::string& zone) const {
  const std::string& name = zone.empty() ? default_zone() : zone;
  if (!runtime_.zones.count(name)) return fail(Code::INVALID_ZONE, name);
  return name;
}

Result<ZoneSettings> Firewall::zone_settings(const std::string& zone) const {
  auto name = resolve_zone(zone);
  if (!name) return name;
  auto bound = [&](const auto& map) {
    auto it = map.find(*name);
    return it == map.end() ? std::vector<std::string>{} : it->second;
  };
  auto settings = make_zone_settings(runtime_.zones.at(*name).value, bound(bindings_.interfaces),
                                     bound(bindings_.sources));
  // firewalld lists a zone's runtime ICMP blocks sorted (fw_zone.list_icmp_blocks), unlike its
  // other elements, which keep the order they were added in.
  std::sort(settings.icmp_blocks.begin(), settings.icmp_blocks.end());
  return settings;
}

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

std::vector<ActiveZone> Firewall::active_zones() const {
  std::vector<ActiveZone> out;
  for (const auto& [zone, item] : runtime_.zones) {
    ActiveZone active{zone, {}, {}};
    if (auto it = bindings_.interfaces.find(zone); it != bindings_.interfaces.end()) {
      active.interfaces = it->second;
    }
    if (auto it = bindings_.sources.find(zone); it != bindings_.sources.end()) {
      active.sources = it->second;
    }
    if (!active.interfaces.empty() || !active.sources.empty()) out.push_back(std::move(active));
  }
  return out;
}

namespace {

std::string zone_holding(const std::map<std::string, std::vector<std::string>>& bound,
                         const std::string& id) {
  for (const auto& [zone, ids] : bound) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return zone;
  }
  return {};
}

}  // namespace

std::string Firewall::zone_of_interface(const std::string& interface) const {
  return zone_holding(bindings_.interfaces, interface);
}

std::string Firewall::zone_of_source(const std::string& source) const {
  return zone_holding(bindings_.sources, source);
}

}  // namespace fwctl::core
