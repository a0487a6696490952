#pragma once
// Group commit of runtime changes (issue 13): what Firewall keeps while a group is open
// (Firewall::begin_group() to end_group(), core/change_group.cpp). A group is several runtime
// changes sent to the kernel as one batch; from each caller's point of view a change is still
// all or nothing: when the kernel refuses the group's batch, everything the group staged is
// undone and the caller makes each change again alone (bus/change_queue.hpp).

#include <vector>

#include "core/firewall_zone_timers.hpp"
#include "core/runtime_change.hpp"

namespace fwctl::core {

struct ChangeGroup {
  // The staged changes in order, each holding what its zones were before it (the Overlay swap
  // of commit_runtime, kept): undone in reverse by swapping back.
  std::vector<RuntimeChange> staged;
  ZoneTimers timers;      // as at begin_group(): a staged remove cancels a timer
  bool unstaged = false;  // the last change could not join the group
};

}  // namespace fwctl::core
