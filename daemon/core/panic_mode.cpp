#include "core/panic_mode.hpp"

#include <utility>

#include "compiler/panic.hpp"

namespace fwctl::core {

Status PanicMode::check() const {
  if (on_) return fail(Code::PANIC_MODE);
  return ok();
}

// The panic table is added or deleted on its own; firewalld's table is not touched.
Result<RuntimeChange> PanicMode::change_to(bool on) const {
  if (on && on_) return fail(Code::ALREADY_ENABLED, "panic mode already enabled");
  if (!on && !on_) return fail(Code::NOT_ENABLED, "panic mode is not enabled");
  RuntimeChange change;
  change.panic = on;
  change.refused_in_panic = false;
  return change;
}

compiler::Ruleset PanicMode::with_state(compiler::Ruleset ruleset) const {
  if (!on_) return ruleset;
  compiler::Ruleset out;
  out.tables.reserve(ruleset.tables.size() + 1);
  out.tables.push_back(compiler::panic_table());
  for (auto& table : ruleset.tables) out.tables.push_back(std::move(table));
  return out;
}

}  // namespace fwctl::core
