// Panic mode, as firewalld 1.3.3's enable_panic_mode/disable_panic_mode (core/fw.py).

#include "compiler/panic.hpp"
#include "core/firewall.hpp"

namespace fwctl::core {

Status Firewall::check_panic() const {
  if (panic_) return fail(Code::PANIC_MODE);
  return ok();
}

compiler::Ruleset Firewall::with_panic_state(compiler::Ruleset ruleset) const {
  if (!panic_) return ruleset;
  compiler::Ruleset out;
  out.tables.reserve(ruleset.tables.size() + 1);
  out.tables.push_back(compiler::panic_table());
  for (auto& table : ruleset.tables) out.tables.push_back(std::move(table));
  return out;
}

// The panic table is added or deleted on its own; firewalld's table is not touched.
Status Firewall::enable_panic_mode() {
  if (panic_) return fail(Code::ALREADY_ENABLED, "panic mode already enabled");
  RuntimeChange change;
  change.panic = true;
  change.refused_in_panic = false;
  return commit_runtime(std::move(change));
}

Status Firewall::disable_panic_mode() {
  if (!panic_) return fail(Code::NOT_ENABLED, "panic mode is not enabled");
  RuntimeChange change;
  change.panic = false;
  change.refused_in_panic = false;
  return commit_runtime(std::move(change));
}

}  // namespace fwctl::core
