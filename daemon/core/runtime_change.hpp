#pragma once
// A runtime change as the one commit point takes it (Firewall::commit_runtime): what the change
// makes of the runtime state, and what it can touch. Every runtime change of the firewall
// (zone and policy elements, bindings, the default zone, a zone's settings, ipset entries,
// timeout expiry, panic mode) is one RuntimeChange: the commit point derives the kernel's part
// from it (a focused compile, an element delta or, failing those, the whole IR), sends it as one
// batch and changes the runtime state only once the kernel accepted it.
//
//   RuntimeChange change;
//   change.zones.emplace("public", edited_public);   // the zone as it will be
//   change.scope.zones.push_back("public");
//   Status st = commit_runtime(std::move(change));
//
//   change.in_place = InPlaceEdit{"public", plan_zone_item(...)};   // one element, no copy

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/bindings.hpp"
#include "compiler/element_delta.hpp"
#include "core/change_scope.hpp"
#include "core/zone_elements.hpp"
#include "model/config.hpp"

namespace fwctl::core {

// A change of one ipset's entries (model strings, as normalized and checked by the caller):
// an element delta, nothing compiled.
struct EntryEdit {
  std::string set;
  std::vector<std::string> gone;  // in the set now
  std::vector<std::string> come;  // not in it now
  // The whole list afterwards when the caller has it (set_ipset_entries); otherwise `gone` is
  // taken out of the list and `come` appended, without copying it.
  std::optional<std::vector<std::string>> list;
};

// One element of a zone added or removed in place: the commit point makes the edit on the
// runtime zone while it compiles and sends the change, and takes it back unless the kernel
// accepted the batch. The zone is not copied.
struct InPlaceEdit {
  std::string zone;
  ZoneItemEdit edit;
};

struct RuntimeChange {
  // The next value of each zone and policy the change edits (they exist).
  std::map<std::string, model::Zone> zones;
  std::optional<InPlaceEdit> in_place;  // not a zone of `zones`
  std::map<std::string, model::Policy> policies;
  // The next bindings, default zone included; none: unchanged.
  std::optional<compiler::RuntimeBindings> bindings;
  std::optional<EntryEdit> entries;
  std::optional<bool> panic;  // panic mode turned on or off: the panic table alone
  // The one zone element the change adds or removes, when it is one (splice_change.hpp):
  // then tried as rule splices first, before a focused compile of the zone.
  std::optional<compiler::ZoneElementEdit> element;
  // The chains the change can touch. A focused compile (compiler/focus.hpp) builds only these.
  ChangeScope scope;
  // Compile and compare everything instead (a zone's settings replaced as a whole).
  bool whole = false;
  // firewalld's check_panic: zone, binding and policy changes are refused in panic mode.
  bool refused_in_panic = true;
};

}  // namespace fwctl::core
