#pragma once
// Small helpers on lists (vectors) shared by the layers.

#include <algorithm>
#include <iterator>
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

}  // namespace fwctl
