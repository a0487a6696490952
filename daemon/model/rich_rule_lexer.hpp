#pragma once
// The first stage of rich-rule parsing: text → tokens, exactly as firewalld 1.3.3 tokenises.
//
// firewalld removes control characters (C0 and C1), splits the rest with Python's
// shlex.split() (POSIX shell words: blanks separate, '…' and "…" quote, backslash escapes), and
// turns every word containing '=' into an attribute. Quoting therefore only groups characters:
// `"name=ssh"`, `name="ssh"` and `name=ssh` are the same token.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace fwctl::model {

struct RichToken {
  std::string element;  // an element word ("rule", "accept", "not", …), empty for an attribute
  std::string name;     // an attribute's name, empty for an element
  std::string value;    // an attribute's value
  bool is_attribute() const { return !name.empty(); }
  bool operator==(const RichToken&) const = default;
};

// The end marker that firewalld appends to every token list. The word "EOL" in a rule is the
// same token, and firewalld stops reading there.
inline constexpr std::string_view kRichEol = "EOL";

// `text` without C0 (0-31) and C1 (U+0080-U+009F) control characters and DEL.
std::string strip_control_characters(std::string_view text);

// Python's shlex.split(text). Fails with UNKNOWN_ERROR "No closing quotation" or "No escaped
// character", the ValueError firewalld lets through to its D-Bus caller.
Result<std::vector<std::string>> split_shell_words(std::string_view text);

// All tokens of `text` followed by an EOL element. A word with '=' must be `name=value` with
// both sides non-empty and no second '=' (INVALID_RULE otherwise).
Result<std::vector<RichToken>> lex_rich_rule(std::string_view text);

}  // namespace fwctl::model
