#include "model/rich_rule_lexer.hpp"

namespace fwctl::model {
namespace {

bool is_shell_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// In UTF-8 the C1 controls U+0080…U+009F are the two bytes C2 80 … C2 9F.
bool is_c1_control(std::string_view text, std::size_t i) {
  return text[i] == '\xc2' && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9f;
}

// Reads one shell word starting at text[i] (not a blank) into `word`; returns the index after it.
Result<std::size_t> read_word(std::string_view text, std::size_t i, std::string& word) {
  const std::size_t n = text.size();
  while (i < n && !is_shell_blank(text[i])) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 >= n) return fail(Code::UNKNOWN_ERROR, "No escaped character");
      word += text[i + 1];
      i += 2;
    } else if (c == '\'' || c == '"') {
      for (++i;; ++i) {
        if (i >= n) return fail(Code::UNKNOWN_ERROR, "No closing quotation");
        if (text[i] == c) break;
        // Inside double quotes a backslash escapes only '"' and itself, and is kept otherwise.
        if (c == '"' && text[i] == '\\') {
          if (i + 1 >= n) return fail(Code::UNKNOWN_ERROR, "No escaped character");
          if (text[i + 1] != '"' && text[i + 1] != '\\') word += '\\';
          ++i;
        }
        word += text[i];
      }
      ++i;
    } else {
      word += c;
      ++i;
    }
  }
  return i;
}

Result<RichToken> make_token(const std::string& word) {
  auto eq = word.find('=');
  if (eq == std::string::npos) return RichToken{word, {}, {}};
  bool two_parts = word.find('=', eq + 1) == std::string::npos;
  if (!two_parts || eq == 0 || eq + 1 == word.size()) {
    return fail(Code::INVALID_RULE, "internal error in _lexer(): " + word);
  }
  return RichToken{{}, word.substr(0, eq), word.substr(eq + 1)};
}

}  // namespace

std::string strip_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) continue;
    if (is_c1_control(text, i)) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

Result<std::vector<std::string>> split_shell_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_shell_blank(text[i])) {
      ++i;
      continue;
    }
    std::string word;
    auto next = read_word(text, i, word);
    if (!next) return next;
    i = *next;
    words.push_back(std::move(word));
  }
  return words;
}

Result<std::vector<RichToken>> lex_rich_rule(std::string_view text) {
  auto words = split_shell_words(strip_control_characters(text));
  if (!words) return words;
  std::vector<RichToken> tokens;
  for (const auto& word : *words) {
    auto token = make_token(word);
    if (!token) return token;
    tokens.push_back(std::move(*token));
  }
  tokens.push_back(RichToken{std::string(kRichEol), {}, {}});
  return tokens;
}

}  // namespace fwctl::model
