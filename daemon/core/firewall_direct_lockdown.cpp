// Firewall's part in the direct interface and lockdown: when they load and re-apply (the state
// is theirs: core/direct.hpp, core/lockdown.hpp).
#include "core/firewall.hpp"
#include "core/permanent_direct.hpp"

namespace fwctl::core {

// firewalld's _start_load_direct_rules and _start_load_lockdown_whitelist: a file that fails to
// read is logged and what came before the failure is used.
void Firewall::load_direct_lockdown() {
  direct_.load_permanent(warnings_);
  lockdown_.load(runtime_.conf.lockdown, warnings_);
}

// firewalld's _start_apply_direct_rules, then (reload with FlushAllOnReload=no) the runtime-only
// entries put back as reload's set_config does, whether the permanent ones went in or not.
Status Firewall::apply_direct(bool keep_runtime) {
  model::DirectConfig kept;
  if (keep_runtime) kept = direct_.runtime_only();
  direct_.clear(warnings_);
  // No iptables rule of ours uses them now; the direct entries create them again.
  ipsets_.destroy_native(warnings_);
  load_direct_lockdown();
  Status applied = direct_.apply_all(direct_.permanent(), warnings_);
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
  ipsets_.destroy_native(ignored);
}

}  // namespace fwctl::core
