#pragma once
// Small string helpers shared by the layers.

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>

namespace fwctl {

// ASCII lower case, as python's str.lower() acts on firewalld's ASCII keywords.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

inline bool one_of(std::string_view value, std::initializer_list<std::string_view> valid) {
  return std::find(valid.begin(), valid.end(), value) != valid.end();
}

}  // namespace fwctl
