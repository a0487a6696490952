#include "common/utf8.hpp"

#include <gtest/gtest.h>

namespace fwctl {
namespace {

TEST(Utf8, AcceptsAsciiAndMultiByteCharacters) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ssh"));
  EXPECT_TRUE(is_valid_utf8("Zone für Gäste \xe2\x82\xac \xf0\x9f\x94\xa5"));
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);            // never a lead byte
  EXPECT_EQ(find_invalid_utf8("a\xc2"), 1u);             // truncated
  EXPECT_EQ(find_invalid_utf8("a\xc2\x41"), 1u);         // bad continuation
  EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xed\xa0\x80"), 1u);     // a surrogate
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);              // a lone continuation
}

}  // namespace
}  // namespace fwctl
