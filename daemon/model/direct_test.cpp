#include "model/direct.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

TEST(DirectConfig, GroupsEntriesAsFirewalldsDictionariesDo) {
  DirectConfig config;
  EXPECT_TRUE(config.add(DirectChain{"ipv4", "filter", "a"}));
  EXPECT_TRUE(config.add(DirectChain{"ipv6", "filter", "b"}));
  EXPECT_TRUE(config.add(DirectChain{"ipv4", "filter", "c"}));
  EXPECT_FALSE(config.add(DirectChain{"ipv4", "filter", "a"}));
  std::vector<DirectChain> expected{
      {"ipv4", "filter", "a"}, {"ipv4", "filter", "c"}, {"ipv6", "filter", "b"}};
  EXPECT_EQ(config.chains, expected);
  // A group that empties is forgotten: its next entry goes to the end.
  EXPECT_TRUE(config.remove(DirectChain{"ipv4", "filter", "a"}));
  EXPECT_TRUE(config.remove(DirectChain{"ipv4", "filter", "c"}));
  EXPECT_FALSE(config.remove(DirectChain{"ipv4", "filter", "c"}));
  config.add(DirectChain{"ipv4", "filter", "d"});
  expected = {{"ipv6", "filter", "b"}, {"ipv4", "filter", "d"}};
  EXPECT_EQ(config.chains, expected);
}

TEST(DirectConfig, RulesDifferByPriorityAndArgs) {
  DirectConfig config;
  EXPECT_TRUE(config.add(DirectRule{"ipv4", "filter", "INPUT", 0, {"-j", "ACCEPT"}}));
  EXPECT_TRUE(config.add(DirectRule{"ipv4", "filter", "INPUT", 1, {"-j", "ACCEPT"}}));
  EXPECT_FALSE(config.add(DirectRule{"ipv4", "filter", "INPUT", 1, {"-j", "ACCEPT"}}));
  EXPECT_TRUE(config.has(DirectRule{"ipv4", "filter", "INPUT", 0, {"-j", "ACCEPT"}}));
  EXPECT_FALSE(config.has(DirectRule{"ipv4", "filter", "INPUT", 2, {"-j", "ACCEPT"}}));
}

TEST(DirectChecks, FirewalldsMessages) {
  EXPECT_TRUE(check_ipv_table("eb", "broute"));
  Status st = check_ipv("ipv5");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message(), "INVALID_IPV: 'ipv5' not in '['ipv4', 'ipv6', 'eb']'");
  st = check_ipv_table("ipv4", "foo");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message(),
            "INVALID_TABLE: 'foo' not in 'dict_keys(['security', 'raw', 'mangle', 'nat', "
            "'filter'])'");
  st = check_ipv_table("eb", "raw");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().detail, "'raw' not in 'dict_keys(['broute', 'nat', 'filter'])'");
  EXPECT_TRUE(is_builtin_chain("ipv6", "mangle", "POSTROUTING"));
  EXPECT_FALSE(is_builtin_chain("ipv4", "filter", "PREROUTING"));
  EXPECT_TRUE(is_builtin_chain("eb", "broute", "BROUTING"));
}

TEST(ShellWords, SplitsLikeShlex) {
  auto words = split_args(R"(-s 1.2.3.4 -m comment --comment 'a b'"'"'c' "x\"y\z" e\ f '' )");
  ASSERT_TRUE(words);
  std::vector<std::string> expected{"-s",    "1.2.3.4", "-m",  "comment", "--comment",
                                    "a b'c", "x\"y\\z", "e f", ""};
  EXPECT_EQ(*words, expected);
  EXPECT_EQ(split_args("'open").error().detail, "No closing quotation");
  EXPECT_EQ(split_args("end\\").error().detail, "No escaped character");
  EXPECT_TRUE(split_args("   ")->empty());
}

TEST(ShellWords, JoinsLikeShlexQuote) {
  EXPECT_EQ(join_args({"-s", "1.2.3.4/24", "--comment", "a b'c<d>&", "", "x@y%z+=:,./-_"}),
            "-s 1.2.3.4/24 --comment 'a b'\"'\"'c<d>&' '' x@y%z+=:,./-_");
  std::vector<std::string> args{"a b", "it's", "$x", "plain"};
  EXPECT_EQ(*split_args(join_args(args)), args);
}

TEST(PythonRepr, QuotesAndEscapesAsPython) {
  EXPECT_EQ(python_repr("abc"), "'abc'");
  EXPECT_EQ(python_repr("a'b"), "\"a'b\"");
  EXPECT_EQ(python_repr("a'b\"c"), "'a\\'b\"c'");
  EXPECT_EQ(python_repr("t\tn\n\\\x01"), "'t\\tn\\n\\\\\\x01'");
  EXPECT_EQ(python_list_repr({"-j", "ACCEPT"}), "['-j', 'ACCEPT']");
  EXPECT_EQ(python_list_repr({}), "[]");
  EXPECT_EQ(python_tuple_repr({"-j"}), "('-j',)");
  EXPECT_EQ(python_tuple_repr({"-j", "DROP"}), "('-j', 'DROP')");
}

}  // namespace
}  // namespace fwctl::model
