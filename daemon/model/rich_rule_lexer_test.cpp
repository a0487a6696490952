// The rich-rule lexer against Python's shlex.split() and firewalld's _lexer(); expected values
// were obtained by running both on the same input.

#include "model/rich_rule_lexer.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

using Words = std::vector<std::string>;

Words split(std::string_view text) {
  auto words = split_shell_words(text);
  return words ? *words : Words{"error: " + words.error().message()};
}

TEST(RichRuleLexer, SplitsOnBlanksAndJoinsQuotedParts) {
  EXPECT_EQ(split("  a   b "), (Words{"a", "b"}));
  EXPECT_EQ(split(R"(name="a b" x='c d')"), (Words{"name=a b", "x=c d"}));
  EXPECT_EQ(split(R"(a"b"'c'd)"), (Words{"abcd"}));
  EXPECT_EQ(split(R"("" '' x)"), (Words{"", "", "x"}));
  EXPECT_EQ(split(""), Words{});
}

TEST(RichRuleLexer, HandlesBackslashesLikeAPosixShell) {
  EXPECT_EQ(split(R"(a\ b)"), (Words{"a b"}));
  EXPECT_EQ(split(R"(\"a)"), (Words{"\"a"}));
  EXPECT_EQ(split(R"("a\"b")"), (Words{"a\"b"}));
  EXPECT_EQ(split(R"("a\\b")"), (Words{"a\\b"}));
  EXPECT_EQ(split(R"("a\b")"), (Words{"a\\b"}));  // kept: only \" and \\ escape in "…"
  EXPECT_EQ(split(R"('a\b')"), (Words{"a\\b"}));
}

TEST(RichRuleLexer, FailsLikeShlexOnUnbalancedInput) {
  EXPECT_EQ(split(R"(a "b)"), Words{"error: UNKNOWN_ERROR: No closing quotation"});
  EXPECT_EQ(split(R"(a 'b)"), Words{"error: UNKNOWN_ERROR: No closing quotation"});
  EXPECT_EQ(split(R"(a\)"), Words{"error: UNKNOWN_ERROR: No escaped character"});
  EXPECT_EQ(split(R"("a\)"), Words{"error: UNKNOWN_ERROR: No escaped character"});
}

TEST(RichRuleLexer, StripsC0AndC1ControlsAndDelButKeepsOtherText) {
  EXPECT_EQ(strip_control_characters("a\tb\nc\x7f"
                                     "d\x01"),
            "abcd");
  EXPECT_EQ(strip_control_characters("a\xc2\x80"
                                     "b\xc2\x9f"
                                     "c"),
            "abc");
  EXPECT_EQ(strip_control_characters("\xc2\xa0\xc3\xa9"), "\xc2\xa0\xc3\xa9");
}

TEST(RichRuleLexer, MakesAttributesOfWordsWithOneEqualsSign) {
  auto tokens = lex_rich_rule(R"(rule family="ipv4" accept)");
  ASSERT_TRUE(tokens);
  EXPECT_EQ(*tokens,
            (std::vector<RichToken>{
                {"rule", "", ""}, {"", "family", "ipv4"}, {"accept", "", ""}, {"EOL", "", ""}}));
}

TEST(RichRuleLexer, RefusesMalformedAttributes) {
  for (const char* bad : {"a=b=c", "a=", "=b", "="}) {
    auto tokens = lex_rich_rule(std::string("rule ") + bad);
    ASSERT_FALSE(tokens) << bad;
    EXPECT_EQ(tokens.error().code, Code::INVALID_RULE);
    EXPECT_EQ(tokens.error().detail, std::string("internal error in _lexer(): ") + bad);
  }
}

}  // namespace
}  // namespace fwctl::model
