// Panic mode, as firewalld 1.3.3's enable_panic_mode/disable_panic_mode (core/fw.py), and the
// one path every runtime change of this area takes to the kernel.

#include "compiler/compiler.hpp"
#include "compiler/panic.hpp"
#include "compiler/policy_order.hpp"
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

// The panic table is added or deleted on its own; firewalld's table is not touched (an empty
// scope compares none of its chains or sets).
Status Firewall::enable_panic_mode() {
  if (panic_) return fail(Code::ALREADY_ENABLED, "panic mode already enabled");
  ChangeScope nothing;
  if (Status st = kernel_.apply(compiler::with_panic(kernel_.ruleset()), &nothing); !st) {
    return fail(Code::COMMAND_FAILED, st.error().detail);
  }
  panic_ = true;
  return ok();
}

Status Firewall::disable_panic_mode() {
  if (!panic_) return fail(Code::NOT_ENABLED, "panic mode is not enabled");
  ChangeScope nothing;
  if (Status st = kernel_.apply(compiler::without_panic(kernel_.ruleset()), &nothing); !st) {
    return fail(Code::COMMAND_FAILED, st.error().detail);
  }
  panic_ = false;
  return ok();
}

Status Firewall::apply_runtime_change(model::Config next, const ChangeScope& scope) {
  compiler::RuntimeBindings bindings = bindings_;
  compiler::order_policy_elements(runtime_, next, bindings);
  auto ruleset = compiler::compile(next, bindings);
  if (!ruleset) return ruleset;
  if (Status st = kernel_.apply(with_panic_state(std::move(*ruleset)), &scope); !st) return st;
  auto before = forwarding_needs();
  runtime_ = std::move(next);
  bindings_ = std::move(bindings);
  enable_ip_forwarding(before);
  return ok();
}

}  // namespace fwctl::core
