// Firewall's group commit (issue 13, core/change_group.hpp): zone element changes that splice
// (core/splice_change.hpp) staged into one kernel batch. Everything else goes through
// commit_runtime alone. Kept out of firewall_commit.cpp: commit_runtime only hands a change
// here while a group is open.

#include <utility>

#include "core/firewall.hpp"
#include "core/splice_change.hpp"

namespace fwctl::core {
namespace {

// Only a zone element edit that splices joins a group: its undo is the zone edit's own undo
// (InPlaceEdit) and the splices'. Bindings, policies, entries, panic and whole compiles go alone.
bool groupable(const RuntimeChange& change) {
  return change.element && !change.whole && !change.bindings && change.policies.empty() &&
         !change.entries && !change.panic;
}

// The change made on `runtime` (as commit_runtime's Overlay makes it while it compiles).
void make(model::Config& runtime, RuntimeChange& change) {
  for (auto& [name, zone] : change.zones) std::swap(runtime.zones.at(name).value, zone);
  if (change.in_place)
    core::apply(runtime.zones.at(change.in_place->zone).value, change.in_place->edit);
}

// make() taken back: the zones as they were before it.
void unmake(model::Config& runtime, RuntimeChange& change) {
  if (change.in_place)
    core::undo(runtime.zones.at(change.in_place->zone).value, change.in_place->edit);
  for (auto& [name, zone] : change.zones) std::swap(runtime.zones.at(name).value, zone);
}

}  // namespace

void Firewall::begin_group() {
  group_.emplace();
  group_->zones = zones_.saved();
  kernel_.begin_group();
}

bool Firewall::unstaged() const { return group_ && group_->unstaged; }

Status Firewall::end_group() {
  if (!group_) return ok();
  ChangeGroup group = std::move(*group_);
  group_.reset();
  Status sent = kernel_.end_group();  // refused: the kernel's record undone there
  if (sent) return ok();
  for (auto change = group.staged.rbegin(); change != group.staged.rend(); ++change) {
    unmake(runtime_, *change);
  }
  zones_.restore(std::move(group.zones));
  return sent;
}

// commit_runtime's part while a group is open: the change made to the runtime at once and its
// splices staged in the group's batch; refused with unstaged() when it cannot join.
Status Firewall::stage_runtime(RuntimeChange change) {
  group_->unstaged = false;
  auto unstage = [this] {
    group_->unstaged = true;
    return fail(Code::COMMAND_FAILED, "the change cannot join the group");
  };
  if (change.refused_in_panic) {
    if (Status st = check_panic(); !st) return st;
  }
  if (!groupable(change)) return unstage();
  auto before = sysctl_dir_.empty() ? std::set<std::string>{} : forwarding_needs();
  make(runtime_, change);
  // IP forwarding is written once the kernel accepted a change; a change that needs it goes alone.
  if (!sysctl_dir_.empty() && forwarding_needs() != before) {
    unmake(runtime_, change);
    return unstage();
  }
  auto sent = send_zone_element(kernel_, runtime_, zones_.bindings(), *change.element);
  if (!sent || !*sent) {
    unmake(runtime_, change);
    return sent ? unstage() : Status{sent};
  }
  group_->staged.push_back(std::move(change));
  return ok();
}

}  // namespace fwctl::core
