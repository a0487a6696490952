#include "config/policy_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

TEST(PolicyXml, ReadsAndWritesAPolicy) {
  std::string text =
      xml("<policy version=\"1\" priority=\"-100\" target=\"ACCEPT\">\n"
          "  <short>P</short>\n"
          "  <service name=\"ssh\"/>\n"
          "  <port port=\"80\" protocol=\"tcp\"/>\n"
          "  <masquerade/>\n"
          "  <rule family=\"ipv4\">\n"
          "    <source address=\"10.0.0.0/8\"/>\n"
          "    <accept/>\n"
          "  </rule>\n"
          "  <ingress-zone name=\"ANY\"/>\n"
          "  <egress-zone name=\"public\"/>\n"
          "</policy>\n");
  auto parsed = parse_policy(text, "p", "p.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.priority, -100);
  EXPECT_EQ(parsed->item.target, "ACCEPT");
  EXPECT_EQ(parsed->item.ingress_zones, std::vector<std::string>{"ANY"});
  EXPECT_EQ(format_policy(parsed->item), text);
}

TEST(PolicyXml, LeavesOutTheDefaultPriorityButNotTheTarget) {
  model::Policy policy;
  EXPECT_EQ(format_policy(policy), xml("<policy target=\"CONTINUE\">\n</policy>\n"));
}

TEST(PolicyXml, RejectsBadInput) {
  struct Case {
    const char* body;
    Code code;
    int line;
  };
  const Case cases[] = {
      {"<policy>\n</policy>", Code::PARSE_ERROR, 2},  // no target
      {"<policy target=\"DROP\">\n<interface name=\"x\"/></policy>", Code::PARSE_ERROR, 3},
      {"<policy target=\"DROP\">\n<forward/></policy>", Code::PARSE_ERROR, 3},
      {"\n<policy target=\"%%REJECT%%\"/>", Code::INVALID_TARGET, 3},
      {"\n<policy target=\"DROP\" priority=\"high\"/>", Code::INVALID_PRIORITY, 3},
      {"<policy target=\"DROP\">\n<port port=\"0-99999\" protocol=\"tcp\"/></policy>",
       Code::INVALID_PORT, 3},
      {"<policy target=\"DROP\">\n<policy>", Code::INVALID_POLICY, 3},
      {"<policy target=\"DROP\" priority=\"40000\"/>", Code::INVALID_PRIORITY, 0},
  };
  for (const Case& c : cases) {
    auto parsed = parse_policy(xml(c.body), "p", "p.xml");
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().code, c.code) << c.body << " " << parsed.error().message();
    EXPECT_EQ(parsed.error().line, c.line) << c.body;
    EXPECT_EQ(parsed.error().file, "p.xml") << c.body;
  }
}

TEST(PolicyXml, SpoilsRulesAfterASourceOutsideARule) {
  auto parsed = parse_policy(
      xml("<policy target=\"DROP\">\n<source address=\"1.2.3.4\"/>\n<service name=\"a\"/>\n"
          "<rule><service name=\"b\"/><accept/></rule>\n<service name=\"c\"/>\n</policy>"),
      "p", "p.xml");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->item.services, std::vector<std::string>{"c"});
  EXPECT_EQ(parsed->warnings.front().line, 3);
}

}  // namespace
}  // namespace fwctl::config
