// Firewall's direct interface and lockdown members (see the block in firewall.hpp).
#include "core/firewall.hpp"
#include "core/permanent_direct.hpp"

namespace fwctl::core {
namespace {

// What of `runtime` is not in `permanent`: the runtime-only entries a reload keeps.
model::DirectConfig runtime_only(const model::DirectConfig& runtime,
                                 const model::DirectConfig& permanent) {
  model::DirectConfig out;
  for (const auto& c : runtime.chains) {
    if (!permanent.has(c)) out.add(c);
  }
  for (const auto& r : runtime.rules) {
    if (!permanent.has(r)) out.add(r);
  }
  for (const auto& p : runtime.passthroughs) {
    if (!permanent.has(p)) out.add(p);
  }
  return out;
}

}  // namespace

// firewalld's _start_load_direct_rules and _start_load_lockdown_whitelist: a file that fails to
// read is logged and what came before the failure is used.
void Firewall::load_direct_lockdown() {
  permanent_direct_ = load_permanent_direct(paths_, warnings_);
  bool enabled = lockdown_from_conf(runtime_.conf.lockdown);
  permanent_whitelist_ = load_permanent_whitelist(paths_, warnings_, enabled);
  lockdown_.reset(enabled, permanent_whitelist_);
}

// firewalld's _start_apply_direct_rules, then (reload with FlushAllOnReload=no) the runtime-only
// entries put back as reload's set_config does, whether the permanent ones went in or not.
Status Firewall::apply_direct(bool keep_runtime) {
  model::DirectConfig kept;
  if (keep_runtime) kept = runtime_only(direct_.config(), permanent_direct_);
  direct_.clear(warnings_);
  // No iptables rule of ours uses them now; the direct entries create them again.
  native_ipsets_.destroy_all(warnings_);
  load_direct_lockdown();
  Status applied = direct_.apply_all(permanent_direct_, warnings_);
  if (keep_runtime) direct_.apply(kept, warnings_);
  if (applied) return ok();
  // "since direct rules are easy to make syntax errors lets highlight the cause"
  Error error = applied.error();
  error.detail = "Direct: " + error.detail;
  return Unexpected{std::move(error)};
}

Status Firewall::check_direct_lockdown_files() const {
  return check_direct_lockdown_files_in(paths_);
}

void Firewall::stop_direct() {
  std::vector<Error> ignored;  // at exit nobody is left to tell
  direct_.clear(ignored);
  native_ipsets_.destroy_all(ignored);
}

Status Firewall::create_native_ipsets() {
  for (const auto& [name, item] : runtime_.ipsets) {
    if (Status st = native_ipsets_.create(name, item.value); !st) return st;
  }
  return ok();
}

Status Firewall::set_permanent_direct(const model::DirectConfig& config) {
  auto saved = save_permanent_direct(paths_, config);
  if (!saved) return saved;
  permanent_direct_ = std::move(*saved);
  return ok();
}

Status Firewall::set_permanent_whitelist(const model::LockdownWhitelist& whitelist) {
  auto saved = save_permanent_whitelist(paths_, whitelist);
  if (!saved) return saved;
  permanent_whitelist_ = std::move(*saved);
  return ok();
}

}  // namespace fwctl::core
