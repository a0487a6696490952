#pragma once
// Small helpers on lists (vectors) shared by the layers.

#include <algorithm>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

namespace fwctl {

// Any list (vector, array, C array) and any value its elements compare equal with, so that a
// list of strings can be searched with a string_view.
template <typename List, typename T>
bool contains(const List& list, const T& value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

inline std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// The first of each value, in order: firewalld's uniqify(). Values with operator< take
// n log n (a request of 100,000 ports or entries must not take minutes); others are compared
// pairwise.
template <typename T>
std::vector<T> unique_in_order(const std::vector<T>& list) {
  std::vector<T> out;
  if constexpr (requires(const T& a, const T& b) { a < b; }) {
    std::vector<size_t> order(list.size());
    std::iota(order.begin(), order.end(), size_t{0});
    // Stable: among equal values the first in the list comes first, and is the one kept.
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return list[a] < list[b]; });
    std::vector<bool> keep(list.size(), false);
    for (size_t i = 0; i < order.size(); ++i) {
      keep[order[i]] = i == 0 || list[order[i - 1]] < list[order[i]];
    }
    for (size_t i = 0; i < list.size(); ++i) {
      if (keep[i]) out.push_back(list[i]);
    }
  } else {
    for (const T& value : list) {
      if (!contains(out, value)) out.push_back(value);
    }
  }
  return out;
}

}  // namespace fwctl
