#pragma once
// A focused compile: only the chains a runtime change can touch (issue 13). Adding a port to
// zone 'public' changes public's chains and nothing else, so compiling the other zones, the
// policies and every ipset's elements again would cost what the configuration holds, not what
// the change holds.
//
//   Focus focus{{"public"}, {}, false};
//   auto partial = compile_focused(config, bindings, focus);  // public's chains alone
//
// The chains a focus covers come out exactly as compile() makes them; the table has no sets
// and no other chains. The shared chains (base and dispatch chains of no zone or policy) need
// every zone's bindings and every policy's dispatch, which are emitted for them without the
// zones' and policies' elements.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "compiler/ir.hpp"
#include "model/config.hpp"

namespace fwctl::compiler {

struct Focus {
  // Zones whose chains are compiled: filter_IN_public, filter_FWD_public_allow, nat_PRE_public...
  std::vector<std::string> zones;
  // Real policies whose chains are compiled: filter_IN_policy_NAME, ...
  std::vector<std::string> policies;
  // The chains of no zone or policy: base chains, _ZONES and _POLICIES_pre/post dispatch.
  bool shared = false;

  bool has_zone(const std::string& zone) const;
  bool has_policy(const std::string& policy) const;
  // Also true, whatever the focus, for the chains StrictForwardPorts fills from every zone and
  // policy (filter_INPUT_dnat, filter_FORWARD_dnat).
  bool covers_chain(const std::string& chain) const;
};

// The zone or policy a chain belongs to: "public" for filter_IN_public_allow,
// "policy_allow-host-ipv6" for filter_IN_policy_allow-host-ipv6_pre; empty for the chains of no
// zone or policy (filter_INPUT, filter_INPUT_ZONES, nat_POSTROUTING_POLICIES_post).
std::string chain_owner(const std::string& chain);

// Focus::covers_chain for a focus given by its parts (core::ChangeScope).
bool chain_covered(const std::string& chain, const std::vector<std::string>& zones,
                   const std::vector<std::string>& policies, bool shared);

// The chains `focus` covers, as compile() would make them (same errors), and the ct helpers
// their rules use (the table's helper objects are shared by all zones: which of the others are
// still used is the caller's to tell). nullopt when a focused compile cannot stand for the
// whole one: StrictForwardPorts (its dnat chains gather every zone's forward ports). The caller
// then compiles everything. `duplicated`, when given, receives the names of the chains where a
// rule was left out as equal to one already there (TableBuilder::duplicated()).
Result<std::optional<Table>> compile_focused(const model::Config& config,
                                             const RuntimeBindings& bindings, const Focus& focus,
                                             std::set<std::string>* duplicated = nullptr);

}  // namespace fwctl::compiler
