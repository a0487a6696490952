#include "config/zone_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

Parsed<model::Zone> parse_ok(std::string_view body) {
  auto parsed = parse_zone(xml(body), "z", "z.xml");
  EXPECT_TRUE(parsed) << body << "\n" << (parsed ? "" : parsed.error().located_message());
  return parsed ? *parsed : Parsed<model::Zone>{};
}

Error parse_error(std::string_view body, std::string_view name = "z") {
  auto parsed = parse_zone(xml(body), name, "z.xml");
  EXPECT_FALSE(parsed) << body;
  return parsed ? Error{} : parsed.error();
}

TEST(ZoneXml, ReadsEveryZoneElement) {
  auto z = parse_ok(
      "<zone version=\"2\" target=\"DROP\">\n"
      "  <short>S</short>\n  <description>D</description>\n"
      "  <service name=\"ssh\"/>\n  <port port=\"http\" protocol=\"tcp\"/>\n"
      "  <protocol value=\"gre\"/>\n  <icmp-block name=\"echo-request\"/>\n  <masquerade/>\n"
      "  <forward-port port=\"90-80\" protocol=\"tcp\" to-port=\"8080\" to-addr=\"10.0.0.1\"/>\n"
      "  <source-port port=\"53\" protocol=\"udp\"/>\n"
      "  <interface name=\"eth0\"/>\n  <source address=\"10.0.0.0/8\"/>\n"
      "  <source address=\"00:11:22:33:44:55\"/>\n  <source ipset=\"blocked\"/>\n"
      "  <icmp-block-inversion/>\n  <forward/>\n</zone>\n");
  const model::Zone& zone = z.item;
  EXPECT_TRUE(z.warnings.empty());
  EXPECT_EQ(zone.info.name, "z");
  EXPECT_EQ(zone.info.version, "2");
  EXPECT_EQ(zone.info.short_, "S");
  EXPECT_EQ(zone.info.description, "D");
  EXPECT_EQ(zone.target, "DROP");
  EXPECT_EQ(zone.services, std::vector<std::string>{"ssh"});
  EXPECT_EQ(zone.ports, (std::vector<model::PortProto>{{"80", "tcp"}}));  // canonical, as firewalld
  EXPECT_EQ(zone.protocols, std::vector<std::string>{"gre"});
  EXPECT_EQ(zone.icmp_blocks, std::vector<std::string>{"echo-request"});
  EXPECT_TRUE(zone.masquerade);
  EXPECT_EQ(zone.forward_ports,
            (std::vector<model::ForwardPort>{{"80-90", "tcp", "8080", "10.0.0.1"}}));
  EXPECT_EQ(zone.source_ports, (std::vector<model::PortProto>{{"53", "udp"}}));
  EXPECT_EQ(zone.interfaces, std::vector<std::string>{"eth0"});
  ASSERT_EQ(zone.sources.size(), 3u);
  EXPECT_EQ(zone.sources[0].address, "10.0.0.0/8");
  EXPECT_EQ(zone.sources[1].mac, "00:11:22:33:44:55");
  EXPECT_EQ(zone.sources[2].ipset, "blocked");
  EXPECT_TRUE(zone.icmp_block_inversion);
  EXPECT_TRUE(zone.forward);
}

TEST(ZoneXml, WithoutForwardElementForwardIsOff) { EXPECT_FALSE(parse_ok("<zone/>").item.forward); }

TEST(ZoneXml, ReadsTheInternalDefaultTargetAsDefault) {
  EXPECT_EQ(parse_ok("<zone target=\"{chain}_{zone}\"/>").item.target, "default");
  EXPECT_EQ(parse_ok("<zone/>").item.target, "default");
}

TEST(ZoneXml, TurnsNewlinesInTextIntoSpaces) {
  auto z = parse_ok("<zone><short>a\nb</short><description>x\r\ny  z</description></zone>");
  EXPECT_EQ(z.item.info.short_, "a b");
  EXPECT_EQ(z.item.info.description, "x y  z");
}

TEST(ZoneXml, WritesEveryElementInFirewalldsOrder) {
  model::Zone zone;
  zone.info = {"z", "1.0", "Short & <sweet>", "Desc"};
  zone.target = "%%REJECT%%";
  zone.services = {"ssh", "http", "ssh"};
  zone.ports = {{"80", "tcp"}};
  zone.protocols = {"gre"};
  zone.icmp_blocks = {"echo-request"};
  zone.masquerade = true;
  zone.forward_ports = {{"22", "tcp", "", "10.0.0.2"}, {"80", "tcp", "8080", ""}};
  zone.source_ports = {{"53", "udp"}};
  model::RichRule rule;
  rule.family = "ipv4";
  rule.source = model::RichSource{"10.0.0.0/8", "", "", true};
  rule.element = model::RichService{"ssh"};
  rule.action = model::RichAction{};
  zone.rules = {rule};
  zone.interfaces = {"eth0"};
  zone.sources = {{"10.1.0.0/16", "", ""}, {"", "AA:BB:CC:DD:EE:FF", ""}, {"", "", "set"}};
  zone.icmp_block_inversion = true;
  zone.forward = true;
  EXPECT_EQ(format_zone(zone),
            xml("<zone version=\"1.0\" target=\"%%REJECT%%\">\n"
                "  <short>Short &amp; &lt;sweet&gt;</short>\n"
                "  <description>Desc</description>\n"
                "  <service name=\"ssh\"/>\n"
                "  <service name=\"http\"/>\n"
                "  <port port=\"80\" protocol=\"tcp\"/>\n"
                "  <protocol value=\"gre\"/>\n"
                "  <icmp-block name=\"echo-request\"/>\n"
                "  <masquerade/>\n"
                "  <forward-port port=\"22\" protocol=\"tcp\" to-addr=\"10.0.0.2\"/>\n"
                "  <forward-port port=\"80\" protocol=\"tcp\" to-port=\"8080\"/>\n"
                "  <source-port port=\"53\" protocol=\"udp\"/>\n"
                "  <rule family=\"ipv4\">\n"
                "    <source address=\"10.0.0.0/8\" invert=\"True\"/>\n"
                "    <service name=\"ssh\"/>\n"
                "    <accept/>\n"
                "  </rule>\n"
                "  <interface name=\"eth0\"/>\n"
                "  <source address=\"10.1.0.0/16\"/>\n"
                "  <source address=\"AA:BB:CC:DD:EE:FF\"/>\n"
                "  <source ipset=\"set\"/>\n"
                "  <icmp-block-inversion/>\n"
                "  <forward/>\n"
                "</zone>\n"));
}

TEST(ZoneXml, WritesAnEmptyZoneWithoutSelfClosingTheRoot) {
  model::Zone zone;
  EXPECT_EQ(format_zone(zone), xml("<zone>\n</zone>\n"));
}

TEST(ZoneXml, RejectsAnUnknownElementAtItsLine) {
  Error e = parse_error("<zone>\n  <service name=\"ssh\"/>\n  <bogus/>\n</zone>\n");
  EXPECT_EQ(e.code, Code::PARSE_ERROR);
  EXPECT_EQ(e.detail, "Unexpected element bogus");
  EXPECT_EQ(e.file, "z.xml");
  EXPECT_EQ(e.line, 4);  // the declaration is line 1
}

TEST(ZoneXml, RejectsAMissingAttributeAtItsLine) {
  Error e = parse_error("<zone>\n\n  <port port=\"80\"/>\n</zone>\n");
  EXPECT_EQ(e.code, Code::PARSE_ERROR);
  EXPECT_EQ(e.detail, "Missing attribute protocol for port");
  EXPECT_EQ(e.line, 4);
}

// (ingress-priority was 1.3.3's example; fwctl takes it as firewalld 2.0 does.)
TEST(ZoneXml, RejectsAnUnexpectedAttribute) {
  Error e = parse_error("<zone priority=\"1\"/>");
  EXPECT_EQ(e.code, Code::PARSE_ERROR);
  EXPECT_EQ(e.detail, "zone: Unexpected attribute priority");
  EXPECT_EQ(e.line, 2);
}

TEST(ZoneXml, RejectsBadValuesWithFirewalldsCodes) {
  struct Case {
    const char* body;
    Code code;
    const char* detail;
  };
  const Case cases[] = {
      {"<zone>\n<port port=\"99999\" protocol=\"tcp\"/></zone>", Code::INVALID_PORT,
       "port number in '99999' is too big"},
      {"<zone>\n<port port=\"80\" protocol=\"icmp\"/></zone>", Code::INVALID_PROTOCOL,
       "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}"},
      {"<zone>\n<protocol value=\"nope\"/></zone>", Code::INVALID_PROTOCOL, "nope"},
      {"\n<zone target=\"REJECT\"/>", Code::INVALID_TARGET, "REJECT"},
      {"<zone>\n<source address=\"300.1.2.3\"/></zone>", Code::INVALID_ADDR, "300.1.2.3"},
      {"<zone>\n<forward-port port=\"80\" protocol=\"tcp\" to-addr=\"1.2.3.4/8\"/></zone>",
       Code::INVALID_ADDR, "to-addr '1.2.3.4/8' is not a valid address"},
      {"<zone>\n<interface name=\"eth0/1\"/></zone>", Code::INVALID_INTERFACE, nullptr},
      {"<zone>\n<source-port port=\"1-2-3\" protocol=\"tcp\"/></zone>", Code::INVALID_PORT,
       nullptr},
      {"<zone>\n<rule priority=\"high\"><service name=\"ssh\"/><accept/></rule></zone>",
       Code::INVALID_PRIORITY, nullptr},
      {"<zone>\n<rule><source/><accept/></rule></zone>", Code::INVALID_RULE,
       "no address, mac and ipset"},
  };
  for (const Case& c : cases) {
    Error e = parse_error(c.body);
    EXPECT_EQ(e.code, c.code) << c.body;
    EXPECT_EQ(e.line, 3) << c.body;
    if (c.detail) {
      EXPECT_EQ(e.detail, c.detail) << c.body;
    }
  }
}

TEST(ZoneXml, RejectsMalformedXmlAsInvalidZone) {
  Error e = parse_error("<zone>\n  <service name=\"ssh\">\n</zone>\n");
  EXPECT_EQ(e.code, Code::INVALID_ZONE);
  EXPECT_EQ(e.line, 4);
}

TEST(ZoneXml, RejectsABadName) {
  Error e = parse_error("<zone/>", "foo@bar");
  EXPECT_EQ(e.code, Code::INVALID_NAME);
  EXPECT_EQ(e.detail, "'@' is not allowed in 'foo@bar'");
}

TEST(ZoneXml, ChecksTheWholeZoneLikeFirewalldsStartup) {
  Error e = parse_error("<zone>\n<forward-port port=\"80\" protocol=\"tcp\"/></zone>");
  EXPECT_EQ(e.code, Code::INVALID_FORWARD);
}

TEST(ZoneXml, WarnsAboutWhatFirewalldIgnores) {
  auto z = parse_ok(
      "<zone name=\"old\">\n"
      "<service name=\"ssh\"/>\n<service name=\"ssh\"/>\n"
      "<port port=\"80-90\" protocol=\"tcp\"/>\n<port port=\"85\" protocol=\"tcp\"/>\n"
      "<source address=\"10.0.0.1\" ipset=\"x\"/>\n"
      "<source address=\"10.0.0.2\" invert=\"yes\"/>\n"
      "<icmp-type name=\"echo-request\"/>\n"
      "<masquerade/><masquerade/>\n"
      "</zone>");
  EXPECT_EQ(z.item.services, std::vector<std::string>{"ssh"});
  EXPECT_EQ(z.item.ports, (std::vector<model::PortProto>{{"80-90", "tcp"}}));
  EXPECT_TRUE(z.item.sources.empty());
  std::vector<std::pair<Code, int>> seen;
  for (const Error& w : z.warnings) seen.emplace_back(w.code, w.line);
  std::vector<std::pair<Code, int>> expected = {
      {Code::PARSE_ERROR, 2},      {Code::ALREADY_ENABLED, 4}, {Code::ALREADY_ENABLED, 6},
      {Code::INVALID_ADDR, 7},     {Code::INVALID_ADDR, 8},    {Code::INVALID_RULE, 9},
      {Code::ALREADY_ENABLED, 10},
  };
  EXPECT_EQ(seen, expected);
  for (const Error& w : z.warnings) EXPECT_EQ(w.file, "z.xml");
}

TEST(ZoneXml, DropsAnInvalidRichRuleWithAWarning) {
  auto z = parse_ok(
      "<zone>\n"
      "  <rule family=\"ipv4\">\n    <source address=\"2001:db8::1\"/>\n    <accept/>\n  </rule>\n"
      "  <rule>\n    <service name=\"ssh\"/>\n    <accept/>\n  </rule>\n"
      "</zone>");
  ASSERT_EQ(z.item.rules.size(), 1u);
  ASSERT_EQ(z.warnings.size(), 1u);
  EXPECT_EQ(z.warnings[0].code, Code::INVALID_ADDR);
  EXPECT_EQ(z.warnings[0].line, 3);
}

// Suite case 184 (tcp-mss-clamp) greps firewalld's line: log.warning("%s: %s", error, rule).
TEST(ZoneXml, WordsAnInvalidRichRuleAsFirewalldLogsIt) {
  auto z = parse_ok(
      "<zone>\n  <rule>\n    <tcp-mss-clamp value=\"thisdoesnotexist\"/>\n  </rule>\n</zone>");
  EXPECT_TRUE(z.item.rules.empty());
  ASSERT_EQ(z.warnings.size(), 1u);
  EXPECT_EQ(z.warnings[0].log_line(),
            "INVALID_RULE: thisdoesnotexist: rule tcp-mss-clamp value=\"thisdoesnotexist\"");
  EXPECT_EQ(z.warnings[0].log_level, Error::LogLevel::Warning);
  EXPECT_EQ(z.warnings[0].line, 3);  // the <rule> tag (after the XML declaration)
}

// Suite case 143 greps this line, without our file and line in it.
TEST(ZoneXml, WordsAnOverlappingPortAsFirewalldLogsIt) {
  auto z = parse_ok(
      "<zone>\n<port port=\"1000-2000\" protocol=\"tcp\"/>\n"
      "<port port=\"1234\" protocol=\"tcp\"/>\n</zone>");
  ASSERT_EQ(z.warnings.size(), 1u);
  EXPECT_EQ(z.warnings[0].log_line(), "ALREADY_ENABLED: '1234:tcp' already in 'z'");
}

TEST(ZoneXml, SkipsEverythingUpToTheNextRuleEndAfterAnActionOutsideARule) {
  // firewalld's _rule_error survives until the next </rule>: the services in between are lost.
  auto z = parse_ok(
      "<zone>\n<accept/>\n<service name=\"a\"/>\n"
      "<rule><service name=\"b\"/><accept/></rule>\n<service name=\"c\"/>\n</zone>");
  EXPECT_EQ(z.item.services, std::vector<std::string>{"c"});
  EXPECT_TRUE(z.item.rules.empty());
  EXPECT_GE(z.warnings.size(), 2u);
}

TEST(ZoneXml, TreatsARootElementOfAnotherKindAsFirewalldDoes) {
  // The root element's name is not checked: <service name="ssh"/> reads as a zone's service.
  auto z = parse_ok("<service name=\"ssh\"/>");
  EXPECT_EQ(z.item.services, std::vector<std::string>{"ssh"});
}

}  // namespace
}  // namespace fwctl::config
