#pragma once
// What a runtime change can touch, as the caller knows it: adding a port to zone 'public'
// changes only public's chains. The commit point compiles only those (focus(), a focused
// compile) and KernelRuleset compares only the chains and sets in it, so the change costs what
// those chains hold, not what the whole ruleset holds.
//
// Chain and set *names* are still compared across the whole table (cheap), so chains or sets
// that appear or disappear are always created or deleted. Content outside the scope is taken
// to be unchanged: it is neither sent nor recorded, so the recorded state still mirrors the
// kernel even when a caller's scope was too narrow (the change is then only partly applied).

#include <string>
#include <vector>

#include "compiler/focus.hpp"

namespace fwctl::core {

struct ChangeScope {
  // Zones whose chains may have changed: filter_IN_public, filter_IN_public_allow,
  // filter_FWD_public_deny, nat_PRE_public, mangle_PRE_public_pre, ...
  std::vector<std::string> zones;
  // Policies whose chains may have changed: filter_IN_policy_NAME, filter_FWD_policy_NAME_allow.
  std::vector<std::string> policies;
  // Named sets whose elements may have changed (ipset entries).
  std::vector<std::string> sets;
  // The chains of no zone or policy: base chains and the dispatch chains that interface and
  // source bindings, the default zone and policy priorities change (filter_INPUT_ZONES, ...).
  bool shared_chains = false;

  // Also true, whatever the scope, for the chains StrictForwardPorts fills from every zone and
  // policy (filter_INPUT_dnat, filter_FORWARD_dnat).
  bool covers_chain(const std::string& chain) const;
  bool covers_set(const std::string& set) const;
  // The same zones, policies and shared chains, for a focused compile (compiler/focus.hpp).
  compiler::Focus focus() const;
};

// The zone or policy a chain belongs to (compiler/focus.hpp).
using compiler::chain_owner;

}  // namespace fwctl::core
