#include "config/rich_rule_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"
#include "config/zone_xml.hpp"

namespace fwctl::config {
namespace {

// Reads one zone holding `rules` and returns it.
Parsed<model::Zone> zone_with(std::string_view rules) {
  auto parsed =
      parse_zone(testing::xml("<zone>\n" + std::string(rules) + "</zone>\n"), "z", "z.xml");
  EXPECT_TRUE(parsed) << rules << (parsed ? "" : parsed.error().located_message());
  return parsed ? *parsed : Parsed<model::Zone>{};
}

std::string written(const model::RichRule& rule) {
  XmlWriter w;
  write_rule(w, rule);
  std::string out = w.take();
  return out.substr(out.find('\n') + 1);  // without the declaration
}

TEST(RichRuleXml, ReadsEveryPartOfARule) {
  auto z = zone_with(
      "<rule family=\"ipv4\" priority=\"-5\">\n"
      "  <source mac=\"aa:bb:cc:dd:ee:ff\" invert=\"yes\"/>\n"
      "  <destination address=\"10.0.0.1\" invert=\"no\"/>\n"
      "  <service name=\"ssh\"/>\n"
      "  <log prefix=\"p\" level=\"info\"><limit value=\"3/minute\"/></log>\n"
      "  <audit><limit value=\"1/s\"/></audit>\n"
      "  <reject type=\"icmp-host-prohibited\"><limit value=\"2/hour\"/></reject>\n"
      "</rule>\n");
  ASSERT_EQ(z.item.rules.size(), 1u);
  EXPECT_TRUE(z.warnings.empty());
  EXPECT_EQ(model::to_string(z.item.rules[0]),
            "rule priority=\"-5\" family=\"ipv4\" source NOT mac=\"AA:BB:CC:DD:EE:FF\" "
            "destination address=\"10.0.0.1\" service name=\"ssh\" "
            "log prefix=\"p\" level=\"info\" limit value=\"3/m\" audit limit value=\"1/s\" "
            "reject type=\"icmp-host-prohibited\" limit value=\"2/h\"");
}

TEST(RichRuleXml, WritesLimitsOnTheirOwnLines) {
  auto z = zone_with(
      "<rule family=\"ipv4\" priority=\"-5\"><source address=\"1.2.3.4\" invert=\"true\"/>"
      "<service name=\"ssh\"/><nflog group=\"5\" prefix=\"n\" queue-size=\"10\"><limit "
      "value=\"1/m\"/></nflog>"
      "<audit/><drop/></rule>\n");
  ASSERT_EQ(z.item.rules.size(), 1u);
  EXPECT_EQ(written(z.item.rules[0]),
            "  <rule family=\"ipv4\" priority=\"-5\">\n"
            "    <source address=\"1.2.3.4\" invert=\"True\"/>\n"
            "    <service name=\"ssh\"/>\n"
            "    <nflog group=\"5\" prefix=\"n\" queue-size=\"10\">\n"
            "      <limit value=\"1/m\"/>\n"
            "    </nflog>\n"
            "    <audit/>\n"
            "    <drop/>\n"
            "  </rule>\n");
}

// firewalld 2.2: <limit value="1/m" burst="10"/>.
TEST(RichRuleXml, ReadsAndWritesALimitsBurst) {
  auto z = zone_with(
      "<rule>\n  <service name=\"ssh\"/>\n"
      "  <accept><limit value=\"1/minute\" burst=\"10\"/></accept>\n</rule>\n");
  ASSERT_EQ(z.item.rules.size(), 1u);
  EXPECT_EQ(model::to_string(z.item.rules[0]),
            "rule service name=\"ssh\" accept limit value=\"1/m\" burst=10");
  EXPECT_NE(written(z.item.rules[0]).find("<limit value=\"1/m\" burst=\"10\"/>"), std::string::npos)
      << written(z.item.rules[0]);
  auto bad = zone_with(
      "<rule>\n  <service name=\"ssh\"/>\n"
      "  <accept><limit value=\"1/m\" burst=\"0\"/></accept>\n</rule>\n");
  EXPECT_TRUE(bad.item.rules.empty());
}

TEST(RichRuleXml, WritesTcpMssClampPmtuWithoutValue) {
  auto z =
      zone_with("<rule><tcp-mss-clamp/></rule>\n<rule><tcp-mss-clamp value=\"1400\"/></rule>\n");
  ASSERT_EQ(z.item.rules.size(), 2u);
  EXPECT_EQ(std::get<model::RichTcpMssClamp>(*z.item.rules[0].element).value, "pmtu");
  EXPECT_EQ(written(z.item.rules[0]), "  <rule>\n    <tcp-mss-clamp/>\n  </rule>\n");
  EXPECT_EQ(written(z.item.rules[1]), "  <rule>\n    <tcp-mss-clamp value=\"1400\"/>\n  </rule>\n");
}

TEST(RichRuleXml, DropsARepeatedRuleWithAWarning) {
  auto z =
      zone_with("<rule><tcp-mss-clamp/></rule>\n<rule><tcp-mss-clamp value=\"pmtu\"/></rule>\n");
  EXPECT_EQ(z.item.rules.size(), 1u);
  ASSERT_EQ(z.warnings.size(), 1u);
  EXPECT_EQ(z.warnings[0].code, Code::ALREADY_ENABLED);
  EXPECT_EQ(z.warnings[0].line, 4);
}

TEST(RichRuleXml, DropsASpoiledRuleAndKeepsReading) {
  struct Case {
    const char* rule;
    Code code;
  };
  const Case cases[] = {
      {"<rule family=\"ipv5\"><service name=\"ssh\"/><accept/></rule>", Code::INVALID_RULE},
      {"<rule><service name=\"ssh\"/><port port=\"1\" protocol=\"tcp\"/><accept/></rule>",
       Code::INVALID_RULE},
      {"<rule><service name=\"ssh\"/><accept/><drop/></rule>", Code::INVALID_RULE},
      {"<rule><service name=\"ssh\"/><log level=\"loud\"/><accept/></rule>",
       Code::INVALID_LOG_LEVEL},
      {"<rule><service name=\"ssh\"/><log prefix=\"\"/><accept/></rule>", Code::INVALID_LOG_PREFIX},
      {"<rule><service name=\"ssh\"/><nflog group=\"70000\"/><accept/></rule>",
       Code::INVALID_NFLOG_GROUP},
      {"<rule><service name=\"ssh\"/><limit value=\"1/s\"/><accept/></rule>", Code::INVALID_RULE},
      {"<rule><service name=\"ssh\"/><accept><limit value=\"1/d\"/></accept></rule>",
       Code::INVALID_LIMIT},
      {"<rule priority=\"40000\"><service name=\"ssh\"/><accept/></rule>", Code::INVALID_PRIORITY},
      {"<rule><interface name=\"eth0\"/><accept/></rule>", Code::INVALID_RULE},
      {"<rule family=\"ipv4\"><source address=\"1.2.3.4\" "
       "mac=\"00:11:22:33:44:55\"/><accept/></rule>",
       Code::INVALID_RULE},
  };
  for (const Case& c : cases) {
    auto z = zone_with(std::string(c.rule) + "\n<service name=\"after\"/>\n");
    EXPECT_TRUE(z.item.rules.empty()) << c.rule;
    EXPECT_EQ(z.item.services, std::vector<std::string>{"after"}) << c.rule;
    ASSERT_FALSE(z.warnings.empty()) << c.rule;
    EXPECT_EQ(z.warnings[0].code, c.code) << c.rule;
    EXPECT_EQ(z.warnings[0].line, 3) << c.rule;
  }
}

TEST(RichRuleXml, KeepsTheFirstOfTwoDestinations) {
  auto z = zone_with(
      "<rule family=\"ipv4\"><destination address=\"1.1.1.1\"/><destination address=\"2.2.2.2\"/>"
      "<accept/></rule>\n");
  ASSERT_EQ(z.item.rules.size(), 1u);
  EXPECT_EQ(z.item.rules[0].destination->address, "1.1.1.1");
  EXPECT_EQ(z.warnings.size(), 1u);
}

TEST(RichRuleXml, AttachesALimitAfterNflogToTheNflog) {
  // firewalld forgets to reset its limit target after </nflog>.
  auto z =
      zone_with("<rule><service name=\"ssh\"/><nflog/><limit value=\"2/s\"/><accept/></rule>\n");
  ASSERT_EQ(z.item.rules.size(), 1u);
  EXPECT_EQ(model::to_string(z.item.rules[0]),
            "rule service name=\"ssh\" nflog limit value=\"2/s\" accept");
}

TEST(RichRuleXml, NormalizesLongLimitUnits) {
  EXPECT_EQ(normalize_limit("5/minute"), "5/m");
  EXPECT_EQ(normalize_limit("1/second"), "1/s");
  EXPECT_EQ(normalize_limit("1/day"), "1/d");
  EXPECT_EQ(normalize_limit("1/fortnight"), "1/fortnight");
  EXPECT_EQ(normalize_limit("1/m/x"), "1/m/x");
}

}  // namespace
}  // namespace fwctl::config
