#include "config/xml_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fwctl::config {
namespace {

TEST(XmlText, DecodesTextWithoutReferencesAsItIs) {
  EXPECT_EQ(decode_entities(""), "");
  EXPECT_EQ(decode_entities("plain text; 1 < 2 is written elsewhere"),
            "plain text; 1 < 2 is written elsewhere");
}

TEST(XmlText, DecodesReferencesBetweenPlainRuns) {
  EXPECT_EQ(decode_entities("&amp;"), "&");
  EXPECT_EQ(decode_entities("a&lt;b&gt;c&quot;d&apos;e"), "a<b>c\"d'e");
  EXPECT_EQ(decode_entities("&#65;&#x42;C&#x20AC;"), "ABC\xE2\x82\xAC");
  EXPECT_EQ(decode_entities("tail after &amp; stays"), "tail after & stays");
}

TEST(XmlText, ReportsTheFirstBadReferenceWhereItsAmpersandIs) {
  DecodeFailure failure;
  EXPECT_FALSE(decode_entities("ok &amp; then &nbsp; here", &failure));
  EXPECT_EQ(failure.offset, 14u);
  EXPECT_EQ(failure.reason, "undefined entity");
  EXPECT_FALSE(decode_entities("abc & def", &failure));
  EXPECT_EQ(failure.offset, 4u);
  EXPECT_EQ(failure.reason, "not well-formed (invalid token)");
  EXPECT_FALSE(decode_entities("x&#0;", &failure));
  EXPECT_EQ(failure.offset, 1u);
  EXPECT_EQ(failure.reason, "reference to invalid character number");
  EXPECT_FALSE(decode_entities("unterminated &amp", &failure));
  EXPECT_EQ(failure.offset, 13u);
}

TEST(XmlText, FindsTheFirstForbiddenControlCharacterOrBadUtf8) {
  EXPECT_EQ(find_invalid_char("tabs\tnew\nlines\r\n"), std::string::npos);
  EXPECT_EQ(find_invalid_char("caf\xC3\xA9 \xE2\x82\xAC ok"), std::string::npos);
  EXPECT_EQ(find_invalid_char("ab\x01-cd"), 2u);
  EXPECT_EQ(find_invalid_char("ab\xFF-cd"), 2u);
  // Whichever comes first, in either order, with valid UTF-8 before both.
  EXPECT_EQ(find_invalid_char("\xC3\xA9\x02 \xFF"), 2u);
  EXPECT_EQ(find_invalid_char("\xC3\xA9\xFF \x02"), 2u);
  // A sequence cut by a control character is itself the first fault.
  EXPECT_EQ(find_invalid_char("ab\xC3\x03"), 2u);
  EXPECT_EQ(find_invalid_char("ab\xE2\x82"), 2u);  // cut by the end
  // Past a long ASCII run.
  std::string text(5000, 'a');
  EXPECT_EQ(find_invalid_char(text + "\x1F"), 5000u);
  EXPECT_EQ(find_invalid_char(text + "\xC3\xA9" + text + "\xED\xA0\x80"), 10002u);  // surrogate
}

TEST(XmlText, MapsOffsetsToLinesAndColumns) {
  LineMap lines("ab\ncd\n\nef");
  EXPECT_EQ(lines.line(0), 1);
  EXPECT_EQ(lines.line(2), 1);  // the newline ends its line
  EXPECT_EQ(lines.line(3), 2);
  EXPECT_EQ(lines.column(4), 1);
  EXPECT_EQ(lines.line(6), 3);
  EXPECT_EQ(lines.line(7), 4);
  EXPECT_EQ(lines.column(8), 1);
}

}  // namespace
}  // namespace fwctl::config
