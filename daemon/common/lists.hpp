#pragma once
// Small helpers on lists (vectors) shared by the layers.

#include <algorithm>
#include <string>
#include <vector>

namespace fwctl {

template <typename T>
bool contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

inline std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace fwctl
