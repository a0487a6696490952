#include "config/direct_xml.hpp"

#include <gtest/gtest.h>

namespace fwctl::config {
namespace {

// What firewalld 1.3.3 wrote after: --permanent --direct --add-chain ipv4 filter c1,
// ipv6 filter c2, ipv4 filter c3, ipv4 filter INPUT, --add-rule ipv4 filter c1 -5 -s 1.2.3.4
// -m comment --comment "a b'c<d>&" -j ACCEPT, --add-passthrough ipv4 -A c1 -j ACCEPT and -L.
constexpr const char* kFirewalldFile = R"(<?xml version="1.0" encoding="utf-8"?>
<direct>
  <chain ipv="ipv4" table="filter" chain="c1"/>
  <chain ipv="ipv4" table="filter" chain="c3"/>
  <chain ipv="ipv4" table="filter" chain="INPUT"/>
  <chain ipv="ipv6" table="filter" chain="c2"/>
  <rule ipv="ipv4" table="filter" chain="c1" priority="-5">-s 1.2.3.4 -m comment --comment 'a b'"'"'c&lt;d&gt;&amp;' -j ACCEPT</rule>
  <passthrough ipv="ipv4">-A c1 -j ACCEPT</passthrough>
  <passthrough ipv="ipv4">-L</passthrough>
</direct>
)";

model::DirectConfig firewalld_config() {
  model::DirectConfig c;
  c.add(model::DirectChain{"ipv4", "filter", "c1"});
  c.add(model::DirectChain{"ipv6", "filter", "c2"});
  c.add(model::DirectChain{"ipv4", "filter", "c3"});
  c.add(model::DirectChain{"ipv4", "filter", "INPUT"});
  c.add(model::DirectRule{
      "ipv4",
      "filter",
      "c1",
      -5,
      {"-s", "1.2.3.4", "-m", "comment", "--comment", "a b'c<d>&", "-j", "ACCEPT"}});
  c.add(model::DirectPassthrough{"ipv4", {"-A", "c1", "-j", "ACCEPT"}});
  c.add(model::DirectPassthrough{"ipv4", {"-L"}});
  return c;
}

TEST(DirectXml, WritesWhatFirewalldWrites) {
  EXPECT_EQ(format_direct(firewalld_config()), kFirewalldFile);
  EXPECT_EQ(format_direct({}), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<direct>\n</direct>\n");
}

TEST(DirectXml, ReadsWhatFirewalldWrites) {
  DirectFile read = parse_direct(kFirewalldFile, "/etc/firewalld/direct.xml");
  EXPECT_FALSE(read.error) << read.error->located_message();
  EXPECT_EQ(read.config, firewalld_config());
}

TEST(DirectXml, KeepsWhatCameBeforeAnError) {
  DirectFile read = parse_direct(R"(<direct>
  <chain ipv="ipv4" table="filter" chain="ok"/>
  <chain ipv="ipv4" table="nope" chain="bad"/>
  <chain ipv="ipv4" table="filter" chain="after"/>
</direct>)",
                                 "direct.xml");
  ASSERT_TRUE(read.error);
  EXPECT_EQ(read.error->code, Code::INVALID_TABLE);
  EXPECT_EQ(read.error->line, 3);
  ASSERT_EQ(read.config.chains.size(), 1u);
  EXPECT_EQ(read.config.chains[0].chain, "ok");
}

TEST(DirectXml, RefusesWhatFirewalldRefuses) {
  auto error_of = [](const char* xml) {
    DirectFile read = parse_direct(xml, "direct.xml");
    return read.error ? read.error->message() : std::string("no error");
  };
  EXPECT_EQ(
      error_of(
          R"(<direct><rule ipv="ip" table="filter" chain="c" priority="0">-j A</rule></direct>)"),
      "INVALID_IPV: 'ip' not from {'ipv4'|'ipv6'|'eb'}");
  EXPECT_EQ(error_of(R"(<direct><chain ipv="ipv4" table="filter"/></direct>)"),
            "PARSE_ERROR: Missing attribute chain for chain");
  EXPECT_EQ(error_of(R"(<direct><foo/></direct>)"), "PARSE_ERROR: Unexpected element foo");
  EXPECT_EQ(error_of(R"(<direct><direct/></direct>)"), "PARSE_ERROR: More than one direct tag.");
  EXPECT_EQ(error_of("<direct><chain ipv='ipv4' table='filter' chain='c'></direct>"),
            "INVALID_TYPE: Not a valid file: mismatched tag: line 1, column 53");
}

TEST(DirectXml, IgnoresWhatFirewalldOnlyLogs) {
  DirectFile read = parse_direct(R"(<direct>
  <rule ipv="ipv4" table="filter" chain="c" priority="x">-j DROP</rule>
  <rule ipv="ipv4" table="filter" chain="c" priority="1"></rule>
  <passthrough ipv="ipv4">-A c
 -j DROP</passthrough>
  <passthrough ipv="ipv4">-A c -j DROP</passthrough>
</direct>)",
                                 "direct.xml");
  EXPECT_FALSE(read.error);
  EXPECT_TRUE(read.config.rules.empty());
  ASSERT_EQ(read.config.passthroughs.size(), 1u);
  EXPECT_EQ(read.config.passthroughs[0].args, (std::vector<std::string>{"-A", "c", "-j", "DROP"}));
  EXPECT_EQ(read.warnings.size(), 3u);
}

}  // namespace
}  // namespace fwctl::config
