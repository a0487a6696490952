#pragma once
// Panic mode, as firewalld 1.3.3's enable_panic_mode/disable_panic_mode (core/fw.py): table inet
// firewalld_policy_drop (compiler/panic.hpp) drops every packet. The one owner of whether it is
// on. It turns on or off only through the firewall's commit point: change_to() describes the
// change, Firewall::commit_runtime sends the panic table's batch and, once the kernel accepted
// it, adopt()s the new value. The panic table survives reloads and runtime changes.
//
//   auto change = panic.change_to(true);   // ALREADY_ENABLED when it is on
//   if (change) commit_runtime(std::move(*change));

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "core/runtime_change.hpp"

namespace fwctl::core {

class PanicMode {
 public:
  bool on() const { return on_; }
  // PANIC_MODE while on: firewalld refuses zone and policy changes then.
  Status check() const;
  // The runtime change that turns panic mode on (off): the panic table alone, allowed in panic
  // mode. ALREADY_ENABLED "panic mode already enabled" / NOT_ENABLED "panic mode is not enabled"
  // when it already is.
  Result<RuntimeChange> change_to(bool on) const;
  // `ruleset` with the panic table when on (first: a reload recreates firewalld's table after
  // it, as firewalld does).
  compiler::Ruleset with_state(compiler::Ruleset ruleset) const;
  // By the commit point only, once the kernel accepted the change.
  void adopt(bool on) { on_ = on; }

 private:
  bool on_ = false;
};

}  // namespace fwctl::core
