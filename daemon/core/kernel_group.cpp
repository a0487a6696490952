// KernelRuleset's group commit (issue 13): rule splices of several runtime changes staged into
// one batch, sent once. A batch costs the kernel work that grows with the table, whatever its
// size (nf_tables_commit validates the table's chains and rebuilds each touched chain's rule
// blob): 20 port changes in one batch pay that once instead of 20 times.
//
// While staged, a rule added in the group holds a provisional handle (kPending | n, above any
// handle the kernel gives); once the kernel accepted the batch, its echo of message n replaces
// it. A refused batch is undone splice by splice, in reverse, from what each took out.

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "core/kernel_ruleset.hpp"

namespace fwctl::core {
namespace {

constexpr uint64_t kPending = uint64_t{1} << 63;

bool pending(uint64_t handle) { return (handle & kPending) != 0; }

}  // namespace

// One staged splice: where it went and what it took out, to undo it.
struct KernelRuleset::Group {
  struct Undo {
    int table;
    SpliceTarget target;
    size_t at;
    std::vector<compiler::Rule> removed_rules;
    std::vector<uint64_t> removed_handles;
    size_t added;
  };
  nft::Batch batch;
  std::vector<Undo> undo;
  // Each provisional handle's message in `batch`: placeholder kPending | i is added[i].
  std::vector<size_t> added;
};

KernelRuleset::KernelRuleset(nft::Netlink& netlink) : netlink_(netlink) {}
KernelRuleset::~KernelRuleset() = default;

void KernelRuleset::begin_group() { group_ = std::make_unique<Group>(); }

Result<bool> KernelRuleset::stage_splices(int t, const std::string& table,
                                          const std::vector<SpliceTarget>& targets,
                                          std::vector<compiler::RuleSplice> splices) {
  // A handle the kernel has not given yet cannot be named in the batch.
  for (size_t i = 0; i < splices.size(); ++i) {
    const auto& handles = *targets[i].handles;
    size_t end = splices[i].at + splices[i].removed;
    for (size_t r = splices[i].at; r < end; ++r) {
      if (pending(handles[r])) return false;
    }
    bool placed = !splices[i].added.empty() && end < handles.size();  // in front of that rule
    if (placed && pending(handles[end])) return false;
  }
  Group& group = *group_;
  size_t first_message = group.batch.size();
  size_t adding = 0;
  if (auto s = add_splice_messages(group.batch, table, splices, targets, &adding); !s) return s;
  last_compared_.clear();
  // The add messages, in order: each splice's deletions come before its additions.
  size_t message = first_message;
  for (size_t i = 0; i < splices.size(); ++i) {
    auto& splice = splices[i];
    auto& rules = targets[i].chain->rules;
    auto& handles = *targets[i].handles;
    auto at = static_cast<std::ptrdiff_t>(splice.at);
    auto end = at + static_cast<std::ptrdiff_t>(splice.removed);
    Group::Undo undo{t, targets[i], splice.at, {}, {}, splice.added.size()};
    undo.removed_rules.assign(std::make_move_iterator(rules.begin() + at),
                              std::make_move_iterator(rules.begin() + end));
    undo.removed_handles.assign(handles.begin() + at, handles.begin() + end);
    rules.erase(rules.begin() + at, rules.begin() + end);
    handles.erase(handles.begin() + at, handles.begin() + end);
    message += splice.removed;
    std::vector<uint64_t> provisional;
    for (size_t k = 0; k < splice.added.size(); ++k) {
      provisional.push_back(kPending | group.added.size());
      group.added.push_back(message++);
    }
    rules.insert(rules.begin() + at, std::make_move_iterator(splice.added.begin()),
                 std::make_move_iterator(splice.added.end()));
    handles.insert(handles.begin() + at, provisional.begin(), provisional.end());
    group.undo.push_back(std::move(undo));
  }
  return true;
}

Status KernelRuleset::end_group() {
  std::unique_ptr<Group> group = std::move(group_);
  if (!group || group->batch.empty()) return ok();
  auto replies = netlink_.send(group->batch);
  if (!replies) {
    for (auto undo = group->undo.rbegin(); undo != group->undo.rend(); ++undo) {
      auto& rules = undo->target.chain->rules;
      auto& handles = *undo->target.handles;
      auto at = static_cast<std::ptrdiff_t>(undo->at);
      auto end = at + static_cast<std::ptrdiff_t>(undo->added);
      rules.erase(rules.begin() + at, rules.begin() + end);
      handles.erase(handles.begin() + at, handles.begin() + end);
      rules.insert(rules.begin() + at, std::make_move_iterator(undo->removed_rules.begin()),
                   std::make_move_iterator(undo->removed_rules.end()));
      handles.insert(handles.begin() + at, undo->removed_handles.begin(),
                     undo->removed_handles.end());
    }
    return Status{replies};
  }
  // Provisional handles replaced by the kernel's, chain by chain (a chain's scan is cheap next
  // to the batch's round trip).
  std::unordered_map<std::vector<uint64_t>*, int> touched;
  for (const auto& undo : group->undo) {
    if (undo.added > 0) touched.emplace(undo.target.handles, undo.table);
  }
  for (auto& [handles, t] : touched) {
    for (auto& handle : *handles) {
      if (!pending(handle)) continue;
      size_t message = group->added[handle & ~kPending];
      auto echoed = message < replies->size() ? (*replies)[message].handle : std::nullopt;
      if (!echoed) handles_[t].complete = false;  // the next apply replaces the table
      handle = echoed.value_or(0);
    }
  }
  return ok();
}

}  // namespace fwctl::core
