#pragma once
// One table's part of a batch: the messages that bring the kernel from the table it holds to
// the next one, and what fwctl will know of the table once the kernel accepted them.
//
// plan_delta() sends the smallest change it can express: per chain, the rules deleted (by
// handle) and added (in front of the kept rule that follows them, or at the end); per set, the
// elements deleted and added; chains, sets and ct helpers created or deleted. Whatever a delta
// cannot express in place (a ct helper's, a set's type or flags, or a base chain's hook
// changed under the same name; rule handles unknown) makes the table's plan a whole-table replace,
// still in the same batch.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "core/change_scope.hpp"
#include "nft/batch.hpp"

namespace fwctl::core {

// Chain name -> the kernel handle of each of its rules, in rule order.
using ChainHandles = std::unordered_map<std::string, std::vector<uint64_t>>;

struct TablePlan {
  compiler::Table table;  // the table once the batch is accepted (see `unchanged_*`)
  ChainHandles handles;   // of the chains the plan computed; 0 for rules the batch adds
  // (chain index, rule index) of every rule the batch adds with echo, in message order: the
  // replies' handles fill them in this order. A replace echoes only its first and last rule,
  // whose predicted handles the echo must confirm.
  std::vector<std::pair<size_t, size_t>> added;
  // Chains and sets (indices into `table`) whose content is the old table's (equal, or out of
  // the change's scope): moved over from the old table at commit instead of being copied.
  std::vector<size_t> unchanged_chains;
  std::vector<size_t> unchanged_sets;
  // The kept chains whose rules were compared (in the scope): KernelRuleset::last_compared().
  std::vector<std::string> compared_chains;
  bool replaced = false;  // the whole table is created anew: its rule handles start over
};

// Replaces (or creates) the whole table; the handles of its rules predicted, the first and
// last rule echoed to confirm them. `next` is moved from only when it succeeds.
Result<TablePlan> plan_replace(nft::Batch& batch, compiler::Table&& next);

// The change from `old` (whose rules have `old_handles`) to `next`, compared only within
// `scope` when one is given.
Result<TablePlan> plan_delta(nft::Batch& batch, const compiler::Table& old,
                             const ChainHandles& old_handles, compiler::Table next,
                             const ChangeScope* scope);

// After the kernel accepted the batch: takes the handles of the plan's added rules from
// `echoed` (every echoed handle of the batch, in message order) starting at `next_echo`,
// advancing it, and moves the unchanged content over from `old`, which is left hollow.
// False when the replies ran out of handles (the plan's table then has handles of 0) or
// contradict a predicted one: the table's handles are then not to be used.
bool commit_plan(TablePlan& plan, const std::vector<uint64_t>& echoed, size_t& next_echo,
                 compiler::Table* old, ChainHandles* old_handles);

}  // namespace fwctl::core
