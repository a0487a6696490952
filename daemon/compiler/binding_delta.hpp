#pragma once
// One interface or source bound to a zone or unbound at runtime, compiled alone (issue 13): its
// dispatch rules and its zone's forward rule, and where they go in the chains the kernel holds,
// instead of every zone's dispatch compiled again and the zone's chains with it.
//
//   BindingEdit edit{"public", "eth7", false, true};   // interface eth7 bound to public
//   auto splices = compile_binding(config, next_bindings, edit, kernel_table);
//
// What compile() makes of the _ZONES chains, with every zone at priority 0 and every source in
// every chain: the sources' dispatch rules first, by zone name and within a zone in binding
// order, then the interfaces', the newest binding first, then the default zone's catch-all;
// filter_FWD_<zone>_allow ends with the zone's interfaces' then sources' forward rules, in
// binding order. Each rule's origin names its binding ("zone public, source 10.0.0.0/8").
//
// nullopt, and the caller compiles the shared chains and the zone's instead, for: a zone that
// gets or loses its chains (active or not, the default zone always has them), a zone a policy
// names (its dispatch follows the zone's bindings), zone priorities, the catch-all interface,
// a chain lacking a source's rule (a MAC source has none in nat_POSTROUTING_ZONES), an added
// rule equal to one the chain holds, a removed binding's rules not where the compile put them,
// StrictForwardPorts.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "compiler/element_delta.hpp"
#include "compiler/ir.hpp"
#include "model/config.hpp"

namespace fwctl::compiler {

struct BindingEdit {
  std::string zone;
  std::string name;  // the interface or source
  bool source = false;
  bool added = true;
};

// The splices of table `current` for `edit`; `bindings` are the bindings after it.
Result<std::optional<std::vector<RuleSplice>>> compile_binding(const model::Config& config,
                                                               const RuntimeBindings& bindings,
                                                               const BindingEdit& edit,
                                                               const Table& current);

}  // namespace fwctl::compiler
