#include "options.hpp"

#include <gtest/gtest.h>

#include "checks.hpp"

namespace fwctl::cli {
namespace {

std::string parse_error(const std::vector<std::string>& argv) {
  auto r = parse_command_line(argv);
  return r ? "" : r.error().detail;
}

// Messages as Python 3.11's argparse prints them for firewall-cmd's parser.
TEST(CliOptions, ArgparseErrors) {
  EXPECT_EQ(parse_error({"--state", "--reload"}),
            "argument --reload: not allowed with argument --state");
  EXPECT_EQ(parse_error({"--zone"}), "argument --zone: expected one argument");
  EXPECT_EQ(parse_error({"--state=1"}), "argument --state: ignored explicit argument '1'");
  EXPECT_EQ(parse_error({"-qv"}), "argument -v/--verbose: not allowed with argument -q/--quiet");
  EXPECT_EQ(parse_error({"-qx"}), "argument -q/--quiet: ignored explicit argument 'x'");
  EXPECT_EQ(parse_error({"foo", "--state"}), "unrecognized arguments: foo");
  EXPECT_EQ(parse_error({"--add-chain", "ipv4", "filter"}),
            "argument --add-chain: expected 3 arguments");
  EXPECT_EQ(parse_error({"--add-lockdown-whitelist-uid=x"}),
            "argument --add-lockdown-whitelist-uid: invalid int value: 'x'");
  EXPECT_EQ(parse_error({"--get-zo"}),
            "ambiguous option: --get-zo could match --get-zones, --get-zone-of-interface, "
            "--get-zone-of-source");
}

TEST(CliOptions, AbbreviationsAndValues) {
  auto a = parse_command_line({"--stat"});
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->t("state"));
  a = parse_command_line({"--zone=", "--add-port", "80/tcp", "--add-port=81/tcp"});
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->given("zone"));
  EXPECT_FALSE(a->t("zone"));  // Python: "" is falsy
  EXPECT_EQ(a->list("add_port"), (std::vector<std::string>{"80/tcp", "81/tcp"}));
  EXPECT_EQ(a->str("timeout"), "0");
}

TEST(CliOptions, PassthroughArgumentsAreJoinedAndSplitBack) {
  auto argv = join_remainder_args({"--direct", "--passthrough", "ipv4", "-A", "IN PUT", "it's"});
  ASSERT_EQ(argv.size(), 4u);
  EXPECT_EQ(argv[3], "-A 'IN PUT' 'it'\"'\"'s'");
  auto split = argparse::split_args(argv[3]);
  ASSERT_TRUE(split);
  EXPECT_EQ(*split, (std::vector<std::string>{"-A", "IN PUT", "it's"}));
  auto a = parse_command_line({"--direct", "--passthrough", "ipv4", "-nL"});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->list("passthrough"), (std::vector<std::string>{"ipv4", "-nL"}));
}

std::string check(const std::vector<std::string>& argv, int* timeout = nullptr) {
  auto a = parse_command_line(argv);
  if (!a) return "parse error";
  auto r = check_combinations(*a, classify(*a), "fwctl");
  if (timeout) *timeout = r.timeout;
  return r.failure.value_or("");
}

TEST(CliChecks, FirewallCmdCombinationRules) {
  const std::string usage =
      "usage: 'fwctl --help' for usage information or see fwctl(1) man page\n";
  EXPECT_EQ(check({"--zone=public", "--state"}),
            usage + "Can't use stand-alone options with other options.");
  EXPECT_EQ(check({"--get-target"}), usage + "Option can be used only with --permanent.");
  EXPECT_EQ(check({"--add-entry=1.2.3.4"}), usage + "No ipset specified.");
  EXPECT_EQ(check({"--timeout=5", "--list-ports"}), usage + "Wrong --timeout usage");
  EXPECT_EQ(check({"--timeout=5x", "--add-port=1/tcp"}),
            usage + "'5x' is wrong timeout value. Use for example '2m' or '1h'");
  EXPECT_EQ(check({"-q", "--list-all"}), "-q/--quiet can't be used with this option(s)");
  EXPECT_EQ(check({"--add-ingress-zone=x"}), usage + "Must use --policy with policy only options.");
  EXPECT_EQ(check({"--direct"}), usage + "Wrong usage of 'direct' options.");
  int timeout = 0;
  EXPECT_EQ(check({"--timeout=2m", "--add-port=1/tcp"}, &timeout), "");
  EXPECT_EQ(timeout, 120);
  EXPECT_EQ(check({"--timeout=1H", "--add-service=ssh"}, &timeout), "");
  EXPECT_EQ(timeout, 3600);
  EXPECT_EQ(check({"--permanent", "--zone=public", "--add-port=1/tcp"}), "");
}

}  // namespace
}  // namespace fwctl::cli
