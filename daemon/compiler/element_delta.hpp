#pragma once
// One element of a zone added or removed at runtime, compiled alone (issue 13): the rules of
// that element and where they go in the chains the kernel holds, instead of the zone's chains
// compiled whole and diffed. Adding port 8080/tcp to a zone with 10,000 rich rules compiles one
// rule and finds its place by a binary search over the chain.
//
//   ZoneElementEdit edit{"public", ZoneElementEdit::Kind::Port, true};
//   edit.port = {"8080", "tcp"};
//   auto splices = compile_zone_element(config, bindings, edit, kernel_table);
//
// The splices make the chains exactly what compile() makes of `config` (which already holds
// the zone as it will be): the full compile emits a zone's elements kind by kind (services,
// ports, ..., rich rules, protocols) in list order, appending to _log/_deny/_allow and placing
// rich rules of non-zero priority in _pre/_post by priority; an element added at runtime is the
// last of its kind. Each rule carries its element in its origin ("zone public, port 80/tcp"),
// which tells the element's kind and a rich rule's priority without compiling it again.
//
// nullopt when a splice cannot stand for the compile, and the caller compiles the zone's chains
// instead: an element whose rules leave filter_IN_<zone>_* (masquerade, forward ports, ICMP
// blocks, rich rules towards other zones), that needs a ct helper, a zone that is not active,
// StrictForwardPorts, an added rule equal to one the chain holds (the full compile adds it once),
// a removed element whose rules are not found as the compile would have placed them.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "compiler/ir.hpp"
#include "model/config.hpp"

namespace fwctl::compiler {

struct ZoneElementEdit {
  enum class Kind { Service, Port, SourcePort, Protocol, RichRule };
  std::string zone;
  Kind kind = Kind::Port;
  bool added = true;
  std::string name;                     // Service, Protocol
  model::PortProto port;                // Port, SourcePort
  std::optional<model::RichRule> rule;  // RichRule
  // A removal: the element's index in its list before the edit, where its rules most likely
  // are among those of its kind (found by a search outwards from there).
  size_t index = 0;
};

// In `chain`, `removed` rules from index `at` go and `added` come in their place.
struct RuleSplice {
  std::string chain;
  size_t at = 0;
  size_t removed = 0;
  std::vector<Rule> added;
};

// The splices of table `current` (the kernel's copy of fwctl's inet table) for `edit`, one per
// chain at most. `config` holds the zone as it will be after the edit.
Result<std::optional<std::vector<RuleSplice>>> compile_zone_element(const model::Config& config,
                                                                    const RuntimeBindings& bindings,
                                                                    const ZoneElementEdit& edit,
                                                                    const Table& current);

// `chain` with `splices` applied (tests and the Check build's cross-check).
void apply_splices(Table& table, const std::vector<RuleSplice>& splices);

}  // namespace fwctl::compiler
