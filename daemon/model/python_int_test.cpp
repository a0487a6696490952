// parse_python_int() against Python 3.11's int(text) and int(text, 0) on the same inputs.

#include "model/python_int.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

constexpr auto kDecimal = PythonIntBase::Decimal;
constexpr auto kLiteral = PythonIntBase::Literal;

TEST(RichRulePythonInt, ReadsDecimalsWithSignsBlanksZerosAndUnderscores) {
  EXPECT_EQ(parse_python_int("42", kDecimal), 42);
  EXPECT_EQ(parse_python_int("+5", kDecimal), 5);
  EXPECT_EQ(parse_python_int(" -5 ", kDecimal), -5);
  EXPECT_EQ(parse_python_int("007", kDecimal), 7);
  EXPECT_EQ(parse_python_int("1_000", kDecimal), 1000);
}

TEST(RichRulePythonInt, StripsUnicodeBlanksAsStrStripDoes) {
  EXPECT_EQ(parse_python_int("1\xc2\xa0", kDecimal), 1);           // U+00A0
  EXPECT_EQ(parse_python_int("\xe3\x80\x80 0x2\t", kLiteral), 2);  // U+3000
  EXPECT_FALSE(
      parse_python_int("1\xc2\xa0"
                       "2",
                       kDecimal));
}

TEST(RichRulePythonInt, RefusesWhatIntRefusesInBaseTen) {
  for (const char* bad : {"", "-", "_1", "1_", "1__0", "1 0", "0x10", "1.5", "1e3", "- 5"}) {
    EXPECT_FALSE(parse_python_int(bad, kDecimal)) << bad;
  }
}

TEST(RichRulePythonInt, ReadsPrefixedLiteralsInBaseZero) {
  EXPECT_EQ(parse_python_int("0x10", kLiteral), 16);
  EXPECT_EQ(parse_python_int("0X1F", kLiteral), 31);
  EXPECT_EQ(parse_python_int("0o17", kLiteral), 15);
  EXPECT_EQ(parse_python_int("0b101", kLiteral), 5);
  EXPECT_EQ(parse_python_int("0x_1", kLiteral), 1);
  EXPECT_EQ(parse_python_int("-0x10", kLiteral), -16);
  EXPECT_EQ(parse_python_int(" 0x10 ", kLiteral), 16);
  EXPECT_EQ(parse_python_int("0_0", kLiteral), 0);
  EXPECT_EQ(parse_python_int("00", kLiteral), 0);
  EXPECT_EQ(parse_python_int("0xffffffff", kLiteral), 4294967295.0L);
}

TEST(RichRulePythonInt, RefusesWhatIntRefusesInBaseZero) {
  for (const char* bad : {"010", "0x", "0b12", "0o8", "0x1__0", "0x_", "08", "abc"}) {
    EXPECT_FALSE(parse_python_int(bad, kLiteral)) << bad;
  }
}

TEST(RichRulePythonInt, ReadsHugeNumbersApproximately) {
  auto value = parse_python_int("1" + std::string(400, '0'), kDecimal);
  ASSERT_TRUE(value);
  EXPECT_GT(*value, 1e399L);
}

}  // namespace
}  // namespace fwctl::model
