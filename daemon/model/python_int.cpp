#include "model/python_int.hpp"

namespace fwctl::model {
namespace {

// The characters Python's str.strip() removes: ASCII blanks and the Unicode spaces, here as
// UTF-8.
// clang-format off
constexpr std::string_view kBlanks[] = {
    " ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x1f",
    "\xc2\x85", "\xc2\xa0", "\xe1\x9a\x80", "\xe2\x80\x80", "\xe2\x80\x81", "\xe2\x80\x82",
    "\xe2\x80\x83", "\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86", "\xe2\x80\x87",
    "\xe2\x80\x88", "\xe2\x80\x89", "\xe2\x80\x8a", "\xe2\x80\xa8", "\xe2\x80\xa9",
    "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80"};
// clang-format on

std::string_view strip_blanks(std::string_view s) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (auto blank : kBlanks) {
      if (s.starts_with(blank)) {
        s.remove_prefix(blank.size());
        stripped = true;
      }
      if (s.ends_with(blank)) {
        s.remove_suffix(blank.size());
        stripped = true;
      }
    }
  }
  return s;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Digits of `radix` where single underscores may separate digits. With `leading_underscore`
// (after a 0x/0o/0b prefix) one underscore may also come first, as Python allows "0x_ff".
std::optional<long double> parse_digits(std::string_view s, int radix, bool leading_underscore) {
  if (leading_underscore && !s.empty() && s.front() == '_') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  long double value = 0;
  bool after_digit = false;
  for (char c : s) {
    if (c == '_') {
      if (!after_digit) return std::nullopt;
      after_digit = false;
      continue;
    }
    int d = digit_value(c);
    if (d >= radix) return std::nullopt;
    value = value * radix + d;
    after_digit = true;
  }
  if (!after_digit) return std::nullopt;  // a trailing underscore
  return value;
}

int prefix_radix(std::string_view s) {
  if (s.size() < 2 || s[0] != '0') return 0;
  switch (s[1]) {
    case 'x':
    case 'X':
      return 16;
    case 'o':
    case 'O':
      return 8;
    case 'b':
    case 'B':
      return 2;
    default:
      return 0;
  }
}

std::optional<long double> parse_literal(std::string_view s) {
  if (int radix = prefix_radix(s)) return parse_digits(s.substr(2), radix, true);
  auto value = parse_digits(s, 10, false);
  // Python forbids leading zeros on a non-zero decimal literal ("010"), but "0_0" is zero.
  if (value && s.front() == '0' && *value != 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<long double> parse_python_int(std::string_view text, PythonIntBase base) {
  std::string_view s = strip_blanks(text);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  auto value = base == PythonIntBase::Decimal ? parse_digits(s, 10, false) : parse_literal(s);
  if (value && negative) *value = -*value;
  return value;
}

}  // namespace fwctl::model
