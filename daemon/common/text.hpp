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

// 'text', as firewalld quotes names and values in its messages (python's repr of a str). An
// object rather than a function, so that a call never finds std::quoted by argument-dependent
// lookup (which wins for a std::string argument when <iomanip> is in the translation unit).
struct Quote {
  std::string operator()(std::string_view s) const { return "'" + std::string(s) + "'"; }
};
inline constexpr Quote quoted{};

}  // namespace fwctl
