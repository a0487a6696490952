#pragma once
// Group commit of runtime changes (issue 13): what Firewall keeps while a group is open
// (Firewall::begin_group() to end_group(), core/change_group.cpp). A group is several runtime
// changes sent to the kernel as one batch; from each caller's point of view a change is still
// all or nothing: when the kernel refuses the group's batch, everything the group staged is
// undone and the caller makes each change again alone (bus/change_queue.hpp).

#include <vector>

#include "core/runtime_change.hpp"
#include "core/runtime_zones.hpp"

namespace fwctl::core {

struct ChangeGroup {
  // The staged changes in order, each made in place (its InPlaceEdit apply()ed, or its zones
  // swapped in as commit_runtime's Overlay does, kept): undone in reverse, each edit undo()ne
  // on the zone as the later ones left it.
  std::vector<RuntimeChange> staged;
  // RuntimeZones' timers and lists as at begin_group(): a staged add starts a timer, a staged
  // remove cancels one.
  RuntimeZones::Saved zones;
  bool unstaged = false;  // the last change could not join the group
};

}  // namespace fwctl::core
