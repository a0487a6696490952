// Firewall's group commit (issue 13, core/change_group.hpp): zone element changes that splice
// (core/splice_change.hpp) staged into one kernel batch. Everything else goes through
// commit_runtime alone. Kept out of firewall_commit.cpp: commit_runtime only hands a change
// here while a group is open.

#include <utility>

#include "core/firewall.hpp"
#include "core/splice_change.hpp"

namespace fwctl::core {
namespace {

// Only a zone element edit that splices joins a group: its undo is a swap of the zone and the
// splices' own undo. Bindings, policies, entries, panic and whole compiles go alone.
bool groupable(const RuntimeChange& change) {
  return change.element && !change.whole && !change.bindings && change.policies.empty() &&
         !change.entries && !change.panic;
}

void swap_zones(model::Config& runtime, RuntimeChange& change) {
  for (auto& [name, zone] : change.zones) std::swap(runtime.zones.at(name).value, zone);
}

}  // namespace

void Firewall::begin_group() {
  group_.emplace();
  group_->timers = timers_;
  kernel_.begin_group();
}

bool Firewall::unstaged() const { return group_ && group_->unstaged; }

Status Firewall::end_group() {
  if (!group_) return ok();
  ChangeGroup group = std::move(*group_);
  group_.reset();
  Status sent = kernel_.end_group();
  if (sent) return ok();
  for (auto change = group.staged.rbegin(); change != group.staged.rend(); ++change) {
    swap_zones(runtime_, *change);
  }
  timers_ = std::move(group.timers);
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
  swap_zones(runtime_, change);
  // IP forwarding is written once the kernel accepted a change; a change that needs it goes alone.
  if (!sysctl_dir_.empty() && forwarding_needs() != before) {
    swap_zones(runtime_, change);
    return unstage();
  }
  auto sent = send_zone_element(kernel_, runtime_, bindings_, *change.element);
  if (!sent || !*sent) {
    swap_zones(runtime_, change);
    return sent ? unstage() : Status{sent};
  }
  group_->staged.push_back(std::move(change));
  return ok();
}

}  // namespace fwctl::core
