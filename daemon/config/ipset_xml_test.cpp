#include "config/ipset_xml.hpp"

#include <gtest/gtest.h>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::xml;

TEST(IpSetXml, ReadsAndWritesAnIpSet) {
  std::string text =
      xml("<ipset type=\"hash:net\" version=\"1\">\n"
          "  <short>S &amp; T</short>\n"
          "  <option name=\"family\" value=\"inet6\"/>\n"
          "  <option name=\"maxelem\" value=\"4096\"/>\n"
          "  <entry>2001:db8::/32</entry>\n"
          "  <entry>fd00::1</entry>\n"
          "</ipset>\n");
  auto parsed = parse_ipset(text, "s", "s.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.options.size(), 2u);
  EXPECT_EQ(parsed->item.entries.size(), 2u);
  EXPECT_EQ(format_ipset(parsed->item), text);
}

TEST(IpSetXml, DropsBadAndRepeatedEntriesWithWarnings) {
  auto parsed = parse_ipset(xml("<ipset type=\"hash:ip\">\n<entry>1.2.3.4</entry>\n"
                                "<entry>1.2.3.4</entry>\n<entry>00:11:22:33:44:55</entry>\n"
                                "<entry>5.6.7.8</entry>\n</ipset>"),
                            "s", "s.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.entries, (std::vector<std::string>{"1.2.3.4", "5.6.7.8"}));
  ASSERT_EQ(parsed->warnings.size(), 2u);
  EXPECT_EQ(parsed->warnings[0].code, Code::ALREADY_ENABLED);
  EXPECT_EQ(parsed->warnings[0].line, 4);
  EXPECT_EQ(parsed->warnings[1].code, Code::INVALID_ENTRY);
  EXPECT_EQ(parsed->warnings[1].line, 5);
}

TEST(IpSetXml, DropsTheEntriesOfASetWithATimeout) {
  auto parsed = parse_ipset(xml("<ipset type=\"hash:ip\"><option name=\"timeout\" value=\"600\"/>"
                                "<entry>1.2.3.4</entry></ipset>"),
                            "s", "s.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_TRUE(parsed->item.entries.empty());
  ASSERT_EQ(parsed->warnings.size(), 1u);
  EXPECT_EQ(parsed->warnings[0].code, Code::IPSET_WITH_TIMEOUT);
}

TEST(IpSetXml, KeepsTheFirstOfARepeatedOption) {
  auto parsed = parse_ipset(xml("<ipset type=\"hash:ip\"><option name=\"maxelem\" value=\"1\"/>"
                                "<option name=\"maxelem\" value=\"2\"/></ipset>"),
                            "s", "s.xml");
  ASSERT_TRUE(parsed) << parsed.error().located_message();
  EXPECT_EQ(parsed->item.options,
            (std::vector<std::pair<std::string, std::string>>{{"maxelem", "1"}}));
}

TEST(IpSetXml, RejectsBadInput) {
  struct Case {
    const char* body;
    Code code;
    int line;
  };
  const Case cases[] = {
      {"\n<ipset/>", Code::PARSE_ERROR, 3},
      {"<ipset type=\"hash:ip\">\n<entries/></ipset>", Code::PARSE_ERROR, 3},
      {"\n<ipset type=\"hash:foo\"/>", Code::INVALID_TYPE, 3},
      {"<ipset type=\"hash:ip\">\n<option name=\"bogus\" value=\"1\"/></ipset>",
       Code::INVALID_OPTION, 3},
      {"<ipset type=\"hash:ip\">\n<option name=\"maxelem\" value=\"lots\"/></ipset>",
       Code::INVALID_VALUE, 3},
      {"<ipset type=\"hash:ip\">\n<option name=\"family\" value=\"inet7\"/></ipset>",
       Code::INVALID_FAMILY, 3},
      {"<ipset type=\"hash:mac\">\n<option name=\"family\" value=\"inet\"/></ipset>",
       Code::INVALID_OPTION, 3},
      {"<ipset type=\"hash:ip\">\n<entry></ipset>", Code::INVALID_IPSET, 3},
  };
  for (const Case& c : cases) {
    auto parsed = parse_ipset(xml(c.body), "s", "s.xml");
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().code, c.code) << c.body << " " << parsed.error().message();
    EXPECT_EQ(parsed.error().line, c.line) << c.body;
  }
}

}  // namespace
}  // namespace fwctl::config
