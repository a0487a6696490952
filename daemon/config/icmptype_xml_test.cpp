#include "config/icmptype_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

TEST(IcmpTypeXml, ReadsYesAndTrueInAnyCaseAndIgnoresOtherValues) {
  auto parsed = parse_icmptype(xml("<icmptype><destination ipv4=\"maybe\" "
                                   "ipv6=\"TRUE\"/><destination ipv4=\"Yes\"/></icmptype>"),
                               "i", "i.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.destinations, (std::vector<std::string>{"ipv6", "ipv4"}));
}

TEST(IcmpTypeXml, WritesDestinationsInListOrder) {
  model::IcmpType icmptype;
  icmptype.info.short_ = "S";
  icmptype.destinations = {"ipv6", "ipv4", "ipv6"};
  EXPECT_EQ(format_icmptype(icmptype),
            xml("<icmptype>\n  <short>S</short>\n  <destination ipv6=\"yes\" ipv4=\"yes\"/>\n"
                "</icmptype>\n"));
}

TEST(IcmpTypeXml, RejectsBadInput) {
  struct Case {
    const char* body;
    Code code;
    int line;
  };
  const Case cases[] = {
      {"<icmptype>\n<destination ipv5=\"yes\"/></icmptype>", Code::PARSE_ERROR, 3},
      {"<icmptype>\n<port port=\"1\" protocol=\"tcp\"/></icmptype>", Code::PARSE_ERROR, 3},
      {"<icmptype>\n<destination></icmptype>", Code::INVALID_ICMPTYPE, 3},
  };
  for (const Case& c : cases) {
    auto parsed = parse_icmptype(xml(c.body), "i", "i.xml");
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().code, c.code) << c.body << " " << parsed.error().message();
    EXPECT_EQ(parsed.error().line, c.line) << c.body;
  }
}

}  // namespace
}  // namespace fwctl::config
