#pragma once
// Low-level text helpers of the XML reader: entity decoding, UTF-8 validation, offset → line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fwctl::config {

// Why decode_entities() failed, in expat's words ("undefined entity", …), and where.
struct DecodeFailure {
  std::size_t offset = 0;  // of the '&' in raw
  std::string_view reason;
};

// Decodes the five predefined entities and character references (&#10; &#x41;). nullopt when
// `raw` holds a reference expat would reject.
std::optional<std::string> decode_entities(std::string_view raw, DecodeFailure* failure = nullptr);

// The offset of the first byte that is not valid UTF-8 or is a control character XML forbids
// (anything below 0x20 but tab, newline and carriage return), or npos.
std::size_t find_invalid_char(std::string_view text);

// Maps byte offsets of a text to 1-based lines and 0-based columns.
class LineMap {
 public:
  explicit LineMap(std::string_view text);
  int line(std::size_t offset) const;
  int column(std::size_t offset) const;

 private:
  std::vector<std::size_t> newlines_;
};

}  // namespace fwctl::config
