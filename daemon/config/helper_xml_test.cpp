#include "config/helper_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

TEST(HelperXml, ReadsAndWritesAHelperWithModuleFirst) {
  std::string text =
      xml("<helper module=\"nf_conntrack_ftp\" version=\"1\" family=\"ipv4\">\n"
          "  <short>FTP</short>\n"
          "  <port port=\"21\" protocol=\"tcp\"/>\n"
          "</helper>\n");
  auto parsed = parse_helper(text, "ftp", "ftp.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.module, "nf_conntrack_ftp");
  EXPECT_EQ(parsed->item.family, "ipv4");
  EXPECT_EQ(format_helper(parsed->item), text);
}

TEST(HelperXml, RejectsBadInput) {
  struct Case {
    const char* body;
    Code code;
    int line;
    const char* detail;
  };
  const Case cases[] = {
      {"\n<helper/>", Code::PARSE_ERROR, 3, "Missing attribute module for helper"},
      {"\n<helper module=\"ftp\"/>", Code::INVALID_MODULE, 3,
       "'ftp' does not start with 'nf_conntrack_'"},
      {"\n<helper module=\"nf_conntrack_\"/>", Code::INVALID_MODULE, 3,
       "Module name 'nf_conntrack_' too short"},
      {"\n<helper module=\"nf_conntrack_ftp\" family=\"ipv5\"/>", Code::INVALID_IPV, 3,
       "'ipv5' not in '['ipv4', 'ipv6']'"},
      {"<helper module=\"nf_conntrack_ftp\">\n<port port=\"99999\" protocol=\"tcp\"/></helper>",
       Code::INVALID_PORT, 3, "port number in '99999' is too big"},
      {"<helper module=\"nf_conntrack_ftp\">\n<port port=\"21\"/></helper>", Code::PARSE_ERROR, 3,
       "Missing attribute protocol for port"},
      {"<helper module=\"nf_conntrack_ftp\">\n<helper>", Code::INVALID_HELPER, 3, nullptr},
  };
  for (const Case& c : cases) {
    auto parsed = parse_helper(xml(c.body), "h", "h.xml");
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().code, c.code) << c.body << " " << parsed.error().message();
    EXPECT_EQ(parsed.error().line, c.line) << c.body;
    if (c.detail) {
      EXPECT_EQ(parsed.error().detail, c.detail) << c.body;
    }
  }
}

}  // namespace
}  // namespace fwctl::config
