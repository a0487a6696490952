#pragma once
// The difference between a chain's rules in the kernel and the rules it should have: the
// hunks of a shortest edit script (Myers' O(ND) algorithm, after trimming the common prefix
// and suffix, so a one-rule change costs one pass of comparisons over the chain).
//
// Rules are compared whole (operator==): a changed rule is a deletion plus an addition, which
// is also all the kernel offers (there is no in-place replace that keeps a handle).

#include <cstddef>
#include <vector>

#include "compiler/ir.hpp"

namespace fwctl::core {

// old[old_begin, old_end) goes, next[new_begin, new_end) comes in its place. Between hunks,
// and before the first and after the last, both sides hold the same rules: so old[old_end],
// when it exists, is a kept rule, the one the hunk's additions are inserted in front of.
struct Hunk {
  size_t old_begin = 0;
  size_t old_end = 0;
  size_t new_begin = 0;
  size_t new_end = 0;
  bool operator==(const Hunk&) const = default;
};

// Above this many edits in the middle part the search stops and the whole middle becomes one
// hunk: still correct, no longer minimal, and time and memory stay bounded (the search keeps
// one row of 2 * kMaxDiffEdits + 3 integers per edit).
inline constexpr int kMaxDiffEdits = 256;

// Hunks in ascending order; empty when the rules are equal.
std::vector<Hunk> diff_rules(const std::vector<compiler::Rule>& old,
                             const std::vector<compiler::Rule>& next);

}  // namespace fwctl::core
