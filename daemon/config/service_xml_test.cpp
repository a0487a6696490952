#include "config/service_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

TEST(ServiceXml, ReadsAndWritesAService) {
  std::string text =
      xml("<service version=\"2\">\n"
          "  <short>S</short>\n"
          "  <description>D</description>\n"
          "  <port port=\"21\" protocol=\"tcp\"/>\n"
          "  <port port=\"http\" protocol=\"tcp\"/>\n"
          "  <protocol value=\"gre\"/>\n"
          "  <source-port port=\"1024-65535\" protocol=\"tcp\"/>\n"
          "  <module name=\"ftp\"/>\n"
          "  <destination ipv4=\"224.0.0.251\" ipv6=\"ff02::fb\"/>\n"
          "  <include service=\"ssh\"/>\n"
          "  <helper name=\"ftp\"/>\n"
          "</service>\n");
  auto parsed = parse_service(text, "s", "s.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_TRUE(parsed->warnings.empty());
  // Services keep ports as written ("http"), unlike zones.
  EXPECT_EQ(parsed->item.ports, (std::vector<model::PortProto>{{"21", "tcp"}, {"http", "tcp"}}));
  EXPECT_EQ(parsed->item.destination_ipv6, "ff02::fb");
  EXPECT_EQ(format_service(parsed->item), text);
}

TEST(ServiceXml, ReadsAPortlessPortAsAProtocolAndShortensModules) {
  auto parsed = parse_service(
      xml("<service><port port=\"\" protocol=\"gre\"/><module name=\"nf_conntrack_netbios_ns\"/>"
          "<module name=\"netbios-ns\"/></service>"),
      "s", "s.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_TRUE(parsed->item.ports.empty());
  EXPECT_EQ(parsed->item.protocols, std::vector<std::string>{"gre"});
  EXPECT_EQ(parsed->item.modules, std::vector<std::string>{"netbios-ns"});
  ASSERT_EQ(parsed->warnings.size(), 1u);
  EXPECT_EQ(parsed->warnings[0].code, Code::ALREADY_ENABLED);
}

// firewalld joins a text's pieces and turns its newlines into spaces, in CDATA too.
TEST(ServiceXml, JoinsTextPiecesWithNewlinesAsSpaces) {
  auto parsed = parse_service(
      "<service><short>a\nb</short><description>one &amp;\ntwo<![CDATA[ <3\n]]>three"
      "</description></service>",
      "s", "s.xml");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->item.info.short_, "a b");
  EXPECT_EQ(parsed->item.info.description, "one & two <3 three");
}

TEST(ServiceXml, WritesDestinationsIpv4First) {
  model::Service service;
  service.destination_ipv6 = "::1";
  service.destination_ipv4 = "1.2.3.4";
  EXPECT_EQ(format_service(service),
            xml("<service>\n  <destination ipv4=\"1.2.3.4\" ipv6=\"::1\"/>\n</service>\n"));
}

TEST(ServiceXml, RejectsBadInput) {
  struct Case {
    const char* body;
    Code code;
    int line;
  };
  const Case cases[] = {
      {"<service>\n<rule/></service>", Code::PARSE_ERROR, 3},
      {"<service>\n<port port=\"80\"/></service>", Code::PARSE_ERROR, 3},
      {"<service>\n<port port=\"80\" protocol=\"tcp\" x=\"1\"/></service>", Code::PARSE_ERROR, 3},
      {"<service>\n<port port=\"65536\" protocol=\"tcp\"/></service>", Code::INVALID_PORT, 3},
      {"<service>\n<protocol value=\"nope\"/></service>", Code::INVALID_PROTOCOL, 3},
      {"<service>\n<destination ipv4=\"2001:db8::1\"/></service>", Code::INVALID_ADDR, 3},
      {"<service>\n<source-port port=\"1\" protocol=\"gre\"/></service>", Code::INVALID_PROTOCOL,
       3},
      {"<service>\n<short></service>", Code::INVALID_SERVICE, 3},
  };
  for (const Case& c : cases) {
    auto parsed = parse_service(xml(c.body), "s", "s.xml");
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().code, c.code) << c.body << " " << parsed.error().message();
    EXPECT_EQ(parsed.error().line, c.line) << c.body;
  }
}

}  // namespace
}  // namespace fwctl::config
