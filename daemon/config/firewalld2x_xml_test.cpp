// firewalld 2.x's XML additions: a zone's ingress-priority/egress-priority attributes (2.0) and
// a policy's <disable/> (2.4). Written only when not at their default, so 1.3.3's files stay.

#include <gtest/gtest.h>

#include "config/policy_xml.hpp"
#include "config/test_support.hpp"
#include "config/zone_xml.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

TEST(ZonePriorityXml, ReadsAndWritesBothAttributes) {
  auto parsed = parse_zone(xml("<zone ingress-priority=\"-2\" egress-priority=\"30000\">\n"
                               "  <short>Z</short>\n</zone>\n"),
                           "z", "z.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.ingress_priority, -2);
  EXPECT_EQ(parsed->item.egress_priority, 30000);
  EXPECT_TRUE(parsed->warnings.empty());
  EXPECT_EQ(format_zone(parsed->item),
            xml("<zone ingress-priority=\"-2\" egress-priority=\"30000\">\n"
                "  <short>Z</short>\n</zone>\n"));
}

TEST(ZonePriorityXml, ZeroIsNotWritten) {
  model::Zone zone;
  zone.info.name = "z";
  EXPECT_EQ(format_zone(zone).find("priority"), std::string::npos);
  zone.egress_priority = 5;
  EXPECT_NE(format_zone(zone).find("<zone egress-priority=\"5\">"), std::string::npos);
}

TEST(ZonePriorityXml, OutOfRangeOrNotANumberIsInvalidPriority) {
  for (const char* value : {"32768", "-32769", "abc", "1.5"}) {
    auto parsed =
        parse_zone(xml("<zone ingress-priority=\"" + std::string(value) + "\"/>\n"), "z", "z.xml");
    ASSERT_FALSE(parsed) << value;
    EXPECT_EQ(parsed.error().code, Code::INVALID_PRIORITY) << value;
  }
  auto edge = parse_zone(xml("<zone ingress-priority=\"-32768\" egress-priority=\"32767\"/>\n"),
                         "z", "z.xml");
  EXPECT_TRUE(edge);
}

TEST(ZonePriorityXml, RangeErrorNamesTheZoneInFirewalld2Words) {
  auto parsed = parse_zone(xml("<zone egress-priority=\"40000\"/>\n"), "foo", "foo.xml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().detail,
            "Zone 'foo': 40000 is an invalid priority value. Must be in range [-32768, 32767].");
}

TEST(PolicyDisableXml, ReadsAndWritesDisable) {
  std::string text =
      xml("<policy target=\"CONTINUE\">\n"
          "  <ingress-zone name=\"public\"/>\n"
          "  <egress-zone name=\"ANY\"/>\n"
          "  <disable/>\n"
          "</policy>\n");
  auto parsed = parse_policy(text, "p", "p.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_TRUE(parsed->item.disable);
  EXPECT_TRUE(parsed->warnings.empty());
  EXPECT_EQ(format_policy(parsed->item), text);
  parsed->item.disable = false;
  EXPECT_EQ(format_policy(parsed->item).find("disable"), std::string::npos);
}

}  // namespace
}  // namespace fwctl::config
