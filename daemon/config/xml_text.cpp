#include "config/xml_text.hpp"

#include <algorithm>
#include <cstdint>

#include "common/utf8.hpp"

namespace fwctl::config {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// XML 1.0's Char production: what a character reference may name.
bool is_xml_char(std::uint32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

// "#65" or "#x41" → code point; nullopt when not a number at all.
std::optional<std::uint32_t> parse_char_ref(std::string_view body) {
  int radix = 10;
  body.remove_prefix(1);  // '#'
  if (!body.empty() && body.front() == 'x') {
    radix = 16;
    body.remove_prefix(1);
  }
  if (body.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : body) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : 99;
    if (d >= radix) return std::nullopt;
    value = value * radix + d;
    if (value > 0x10FFFF) value = 0x110000;  // stays invalid, no overflow
  }
  return static_cast<std::uint32_t>(value);
}

std::optional<char> predefined_entity(std::string_view name) {
  if (name == "amp") return '&';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  return std::nullopt;
}

}  // namespace

std::optional<std::string> decode_entities(std::string_view raw, DecodeFailure* failure) {
  std::string out;
  out.reserve(raw.size());
  // Text between references is copied in one piece: most values have no reference at all.
  for (std::size_t i = 0;;) {
    std::size_t amp = raw.find('&', i);
    out.append(raw.substr(i, amp - i));
    if (amp == std::string_view::npos) return out;
    i = amp;
    std::size_t end = raw.find(';', i);
    std::string_view body = end == std::string_view::npos ? "" : raw.substr(i + 1, end - i - 1);
    std::string_view reason = "undefined entity";
    if (end == std::string_view::npos || body.empty() ||
        body.find_first_of(" \t\r\n&<\"'") != std::string_view::npos) {
      reason = "not well-formed (invalid token)";
    } else if (body.front() == '#') {
      auto cp = parse_char_ref(body);
      if (cp && is_xml_char(*cp)) {
        append_utf8(out, *cp);
        i = end + 1;
        continue;
      }
      reason = cp ? "reference to invalid character number" : "not well-formed (invalid token)";
    } else if (auto c = predefined_entity(body)) {
      out += *c;
      i = end + 1;
      continue;
    }
    if (failure) *failure = DecodeFailure{i, reason};
    return std::nullopt;
  }
}

std::size_t find_invalid_char(std::string_view text) {
  // One pass for the control characters; UTF-8 is checked only from the first byte above ASCII
  // on (firewalld's files are ASCII but for a few descriptions).
  std::size_t high = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      if (high == std::string_view::npos) return i;
      std::size_t invalid = find_invalid_utf8(text.substr(high, i - high));
      return invalid == std::string_view::npos ? i : high + invalid;
    }
    if (c >= 0x80 && high == std::string_view::npos) high = i;
  }
  if (high == std::string_view::npos) return std::string_view::npos;
  std::size_t invalid = find_invalid_utf8(text.substr(high));
  return invalid == std::string_view::npos ? invalid : high + invalid;
}

LineMap::LineMap(std::string_view text) {
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    newlines_.push_back(i);
  }
}

int LineMap::line(std::size_t offset) const {
  auto it = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
  return static_cast<int>(it - newlines_.begin()) + 1;
}

int LineMap::column(std::size_t offset) const {
  int l = line(offset);
  std::size_t start = l == 1 ? 0 : newlines_[static_cast<std::size_t>(l) - 2] + 1;
  return static_cast<int>(offset - start);
}

}  // namespace fwctl::config
