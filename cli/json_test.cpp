#include "json.hpp"

#include <gtest/gtest.h>

namespace fwctl::cli {
namespace {

TEST(Json, PrintsLikeJqWithMembersInInsertionOrder) {
  Json j = Json::object();
  j.set("zone", "public").set("ports", Json::array().push(Json::array().push("80").push("tcp")));
  j.set("masquerade", false).set("priority", -1).set("sources", Json::array());
  j.set("options", Json::object());
  EXPECT_EQ(j.dump(),
            "{\n"
            "  \"zone\": \"public\",\n"
            "  \"ports\": [\n"
            "    [\n"
            "      \"80\",\n"
            "      \"tcp\"\n"
            "    ]\n"
            "  ],\n"
            "  \"masquerade\": false,\n"
            "  \"priority\": -1,\n"
            "  \"sources\": [],\n"
            "  \"options\": {}\n"
            "}");
}

TEST(Json, SettingAKeyAgainReplacesItInPlace) {
  Json j = Json::object();
  j.set("a", 1).set("b", 2).set("a", 3);
  EXPECT_EQ(j.dump(), "{\n  \"a\": 3,\n  \"b\": 2\n}");
}

TEST(Json, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_quote("rule family=\"ipv4\" \\ x\n\x01"),
            "\"rule family=\\\"ipv4\\\" \\\\ x\\n\\u0001\"");
  EXPECT_EQ(json_quote("żółw"), "\"żółw\"");  // UTF-8 is left alone
}

TEST(Json, ScalarsAndStringLists) {
  EXPECT_EQ(Json(true).dump(), "true");
  EXPECT_EQ(Json().dump(), "null");
  EXPECT_EQ(Json(std::vector<std::string>{"a", "b"}).dump(), "[\n  \"a\",\n  \"b\"\n]");
}

}  // namespace
}  // namespace fwctl::cli
