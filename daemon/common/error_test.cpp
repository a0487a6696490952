#include "common/error.hpp"

#include <gtest/gtest.h>

#include "common/result.hpp"

namespace fwctl {
namespace {

TEST(Error, CodesKeepFirewalldNumbers) {
  EXPECT_EQ(static_cast<int>(Code::ALREADY_ENABLED), 11);
  EXPECT_EQ(static_cast<int>(Code::COMMAND_FAILED), 13);
  EXPECT_EQ(static_cast<int>(Code::INVALID_SERVICE), 101);
  EXPECT_EQ(static_cast<int>(Code::INVALID_PORT), 102);
  EXPECT_EQ(static_cast<int>(Code::INVALID_ZONE), 112);
  EXPECT_EQ(static_cast<int>(Code::INVALID_NFLOG_QUEUE), 143);
  EXPECT_EQ(static_cast<int>(Code::MISSING_FAMILY), 207);
  EXPECT_EQ(static_cast<int>(Code::NOT_RUNNING), 252);
  EXPECT_EQ(static_cast<int>(Code::UNKNOWN_ERROR), 254);
}

TEST(Error, NameAndCodeRoundTrip) {
  for (int n = 0; n < 256; ++n) {
    auto code = static_cast<Code>(n);
    auto name = to_string(code);
    auto back = parse_code(name);
    ASSERT_TRUE(back.has_value()) << name;
    if (name != "UNKNOWN_ERROR") {
      EXPECT_EQ(*back, code) << name;
    }
  }
  EXPECT_EQ(parse_code("INVALID_ICMPTYPE"), Code::INVALID_ICMPTYPE);
  EXPECT_FALSE(parse_code("NO_SUCH_CODE").has_value());
}

TEST(Error, MessageIsCodeColonDetail) {
  EXPECT_EQ((Error{Code::INVALID_PORT, "65536", {}, 0}).message(), "INVALID_PORT: 65536");
  EXPECT_EQ((Error{Code::NOT_RUNNING, {}, {}, 0}).message(), "NOT_RUNNING");
  EXPECT_EQ((Error{Code::INVALID_PORT, "x", "zones/a.xml", 4}).located_message(),
            "zones/a.xml:4: INVALID_PORT: x");
}

TEST(Result, CarriesValueOrError) {
  Result<int> good = 3;
  ASSERT_TRUE(good);
  EXPECT_EQ(*good, 3);
  Result<int> bad = fail(Code::INVALID_ZONE, "nope");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "INVALID_ZONE: nope");
  Status s = fail(Code::INVALID_TYPE);
  EXPECT_FALSE(s);
  EXPECT_TRUE(ok());
}

}  // namespace
}  // namespace fwctl
