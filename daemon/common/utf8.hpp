#pragma once
// UTF-8 validation. Text that reaches firewalld is always valid UTF-8 (D-Bus refuses anything
// else and its XML parser does too); fwctl's readers that see raw bytes check it themselves.

#include <cstddef>
#include <string_view>

namespace fwctl {

// The offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view text);

inline bool is_valid_utf8(std::string_view text) {
  return find_invalid_utf8(text) == std::string_view::npos;
}

}  // namespace fwctl
