#pragma once
// Integers read the way firewalld reads them: with Python's int().
//
// firewalld validates rich-rule numbers (priority, limit rates, nflog group, marks) by calling
// int(text) or int(text, 0), so it accepts what those accept: surrounding blanks, a sign, digit
// groups separated by single underscores ("1_000"), and for base 0 the 0x/0o/0b prefixes.
// Matching that keeps the same rules valid in fwctl. Non-ASCII digits, which Python also
// accepts, are not supported.

#include <optional>
#include <string_view>

namespace fwctl::model {

enum class PythonIntBase {
  Decimal,  // int(text): decimal only, leading zeros allowed ("007")
  Literal,  // int(text, 0): 0x/0o/0b prefixes, no leading zeros on a decimal ("010" is invalid)
};

// The value of `text`, or nullopt where Python raises ValueError. Huge values are approximate
// (long double) but every value below 2^64 is exact.
std::optional<long double> parse_python_int(std::string_view text, PythonIntBase base);

}  // namespace fwctl::model
