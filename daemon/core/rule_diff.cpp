#include "core/rule_diff.hpp"

#include <algorithm>
#include <optional>

namespace fwctl::core {
namespace {

using compiler::Rule;

enum class Op : uint8_t { Keep, Del, Add };

// The middle part of the two sequences, where they differ.
struct Middle {
  const Rule* a;
  int n;
  const Rule* b;
  int m;
};

// Walks the search's trace back from (n, m) to (0, 0): the edit path, from the end.
std::vector<Op> backtrack(const std::vector<std::vector<int>>& trace, const Middle& mid,
                          int offset) {
  std::vector<Op> ops;
  int x = mid.n;
  int y = mid.m;
  for (int d = static_cast<int>(trace.size()) - 1; d > 0; --d) {
    const auto& v = trace[d];
    int k = x - y;
    bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
    int prev_k = down ? k + 1 : k - 1;
    int prev_x = v[offset + prev_k];
    int snake_start = down ? prev_x : prev_x + 1;
    for (; x > snake_start; --x, --y) ops.push_back(Op::Keep);
    ops.push_back(down ? Op::Add : Op::Del);
    x = prev_x;
    y = prev_x - prev_k;
  }
  for (; x > 0; --x) ops.push_back(Op::Keep);
  std::reverse(ops.begin(), ops.end());
  return ops;
}

// Myers' greedy search for the shortest edit script; nullopt beyond kMaxDiffEdits edits.
std::optional<std::vector<Op>> shortest_script(const Middle& mid) {
  int max = std::min(mid.n + mid.m, kMaxDiffEdits);
  int offset = max + 1;
  std::vector<int> v(2 * static_cast<size_t>(max) + 3, 0);
  std::vector<std::vector<int>> trace;  // v before each round, for the way back
  for (int d = 0; d <= max; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
      int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < mid.n && y < mid.m && mid.a[x] == mid.b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= mid.n && y >= mid.m) return backtrack(trace, mid, offset);
    }
  }
  return std::nullopt;
}

// Consecutive edits become one hunk; `first` is where the middle starts on both sides.
std::vector<Hunk> hunks(const std::vector<Op>& ops, size_t first) {
  std::vector<Hunk> out;
  size_t i = first;
  size_t j = first;
  bool open = false;
  for (Op op : ops) {
    if (op == Op::Keep) {
      open = false;
      ++i, ++j;
      continue;
    }
    if (!open) out.push_back({i, i, j, j});
    open = true;
    if (op == Op::Del) out.back().old_end = ++i;
    else out.back().new_end = ++j;
  }
  return out;
}

}  // namespace

std::vector<Hunk> diff_rules(const std::vector<Rule>& old, const std::vector<Rule>& next) {
  size_t prefix = 0;
  while (prefix < old.size() && prefix < next.size() && old[prefix] == next[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < old.size() - prefix && suffix < next.size() - prefix &&
         old[old.size() - 1 - suffix] == next[next.size() - 1 - suffix]) {
    ++suffix;
  }
  Middle mid{old.data() + prefix, static_cast<int>(old.size() - prefix - suffix),
             next.data() + prefix, static_cast<int>(next.size() - prefix - suffix)};
  if (mid.n == 0 && mid.m == 0) return {};
  if (mid.n > 0 && mid.m > 0) {
    if (auto ops = shortest_script(mid)) return hunks(*ops, prefix);
  }
  // Only additions, only deletions, or too different for the search: one hunk.
  return {{prefix, prefix + mid.n, prefix, prefix + mid.m}};
}

}  // namespace fwctl::core
