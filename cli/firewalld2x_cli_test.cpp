// firewalld 2.x's options on firewall-cmd 1.3.3's command line: zone priorities (2.0), the
// policy disable flag and --policy-set (2.4); their checks, and the listing lines shown only
// when set.

#include <gtest/gtest.h>

#include "checks.hpp"
#include "info_format.hpp"
#include "options.hpp"

namespace fwctl::cli {
namespace {

std::string check_2x(const std::vector<std::string>& argv) {
  auto a = parse_command_line(argv);
  if (!a) return "parse error: " + a.error().detail;
  return check_combinations(*a, classify(*a), "fwctl").failure.value_or("");
}

const std::string kUsage2x =
    "usage: 'fwctl --help' for usage information or see fwctl(1) man page\n";

TEST(Firewalld2xCli, ZonePrioritiesArePermanentZoneOptions) {
  EXPECT_EQ(check_2x({"--permanent", "--zone=a", "--set-ingress-priority=-5"}), "");
  EXPECT_EQ(check_2x({"--permanent", "--get-egress-priority"}), "");
  EXPECT_EQ(check_2x({"--zone=a", "--set-ingress-priority=5"}),
            kUsage2x + "Option can be used only with --permanent.");
  EXPECT_EQ(check_2x({"--permanent", "--policy=p", "--get-ingress-priority"}),
            kUsage2x + "Can't use --policy with zone only options.");
  EXPECT_EQ(
      check_2x({"--permanent", "--zone=a", "--set-ingress-priority=1", "--set-egress-priority=1"}),
      "parse error: argument --set-egress-priority: not allowed with argument "
      "--set-ingress-priority");
}

// 1.3.3's abbreviations and its ambiguity list stay: the 2.x options match only in full.
TEST(Firewalld2xCli, TwoXOptionsAreNeverAbbreviations) {
  auto a = parse_command_line({"--permanent", "--service=s", "--add-d=ipv4:10.0.0.1"});
  ASSERT_TRUE(a) << a.error().detail;
  EXPECT_TRUE(a->t("add_destination"));
  a = parse_command_line({"--policy-s=gw", "--add-disable"});
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().detail, "unrecognized arguments: --policy-s=gw");
  auto get = parse_command_line({"--get"});
  ASSERT_FALSE(get);
  EXPECT_EQ(get.error().detail.find("ingress"), std::string::npos) << get.error().detail;
  a = parse_command_line({"--permanent", "--zone=z", "--set-ingress-priority", "-3"});
  ASSERT_TRUE(a) << a.error().detail;
  EXPECT_EQ(a->str("set_ingress_priority"), "-3");
}

TEST(Firewalld2xCli, DisableIsPolicyOnly) {
  EXPECT_EQ(check_2x({"--policy=p", "--add-disable"}), "");
  EXPECT_EQ(check_2x({"--permanent", "--policy=p", "--query-disable"}), "");
  EXPECT_EQ(check_2x({"--zone=a", "--add-disable"}),
            kUsage2x + "Can't use --zone with policy only options.");
  EXPECT_EQ(check_2x({"--remove-disable"}),
            kUsage2x + "Must use --policy with policy only options.");
}

TEST(Firewalld2xCli, PolicySetTakesOnlyAddAndRemoveDisable) {
  EXPECT_EQ(check_2x({"--policy-set=gateway", "--add-disable"}), "");
  EXPECT_EQ(check_2x({"--permanent", "--policy-set=gateway", "--remove-disable"}), "");
  const std::string only =
      kUsage2x + "Option --policy-set may only be used with --add-disable or --remove-disable.";
  EXPECT_EQ(check_2x({"--policy-set=gateway", "--add-service=ssh"}), only);
  EXPECT_EQ(check_2x({"--policy-set=gateway", "--query-disable"}), only);
  // 1.3.3's "--policy" stays exact next to 2.4's "--policy-set".
  auto a = parse_command_line({"--policy=p", "--list-all"});
  ASSERT_TRUE(a);
  EXPECT_EQ(a->str("policy"), "p");
}

TEST(Firewalld2xCli, ListingsShowTheLinesOnlyWhenSet) {
  ZoneSettings zone;
  zone.target = "default";
  EXPECT_EQ(format_zone("z", zone, false).find("priority"), std::string::npos);
  zone.egress_priority = -3;
  std::string text = format_zone("z", zone, false);
  EXPECT_NE(text.find("\n  target: default\n  ingress-priority: 0\n  egress-priority: -3\n"
                      "  icmp-block-inversion: no\n"),
            std::string::npos)
      << text;
  ZoneSettings policy;
  policy.target = "CONTINUE";
  policy.ingress_zones = {"a"};
  policy.egress_zones = {"HOST"};
  EXPECT_EQ(format_policy("p", policy, false).find("disable"), std::string::npos);
  EXPECT_EQ(format_policy("p", policy, false).substr(0, 11), "p (active)\n");
  policy.disable = true;
  text = format_policy("p", policy, false);
  EXPECT_EQ(text.substr(0, 31), "p\n  disable: yes\n  priority: -1") << text;
}

}  // namespace
}  // namespace fwctl::cli
