// firewalld.conf's ReloadPolicy (2.1), NftablesFlowtable (2.0) and NftablesTableOwner (2.2).

#include <gtest/gtest.h>

#include "config/firewalld_conf_file.hpp"

namespace fwctl::config {
namespace {

TEST(FirewalldConf2xTable, ReadsTheValuesAsWritten) {
  auto parsed = parse_firewalld_conf(
      "DefaultZone=public\nReloadPolicy=input:reject,FORWARD:ACCEPT\n"
      "NftablesFlowtable=eth0 eth1\nNftablesTableOwner=Yes\n",
      "f");
  EXPECT_TRUE(parsed.warnings.empty());
  EXPECT_EQ(parsed.item.reload_policy, "input:reject,FORWARD:ACCEPT");
  EXPECT_EQ(parsed.item.nftables_flowtable, "eth0 eth1");
  EXPECT_EQ(parsed.item.nftables_table_owner, "Yes");
}

TEST(FirewalldConf2xTable, DefaultsAreOffAndTheDropPolicy) {
  auto parsed = parse_firewalld_conf("DefaultZone=public\n", "f");
  EXPECT_TRUE(parsed.warnings.empty());
  EXPECT_EQ(parsed.item.reload_policy, "INPUT:DROP,FORWARD:DROP,OUTPUT:DROP");
  EXPECT_EQ(parsed.item.nftables_flowtable, "off");
  EXPECT_EQ(parsed.item.nftables_table_owner, "no");  // 2.x: yes
}

TEST(FirewalldConf2xTable, FallsBackWithFirewalldsWarning) {
  auto parsed = parse_firewalld_conf(
      "DefaultZone=public\nReloadPolicy=INPUT:PANIC\nNftablesFlowtable=eth0 a/b\n"
      "NftablesTableOwner=maybe\n",
      "f");
  EXPECT_EQ(parsed.item.reload_policy, "INPUT:DROP,FORWARD:DROP,OUTPUT:DROP");
  EXPECT_EQ(parsed.item.nftables_flowtable, "off");
  EXPECT_EQ(parsed.item.nftables_table_owner, "no");
  ASSERT_EQ(parsed.warnings.size(), 3u);
  // firewalld 2.1's words for ReloadPolicy.
  EXPECT_EQ(parsed.warnings[0].log_line(),
            "ReloadPolicy 'INPUT:PANIC' is not valid, using default value "
            "'INPUT:DROP,FORWARD:DROP,OUTPUT:DROP'");
  EXPECT_EQ(parsed.warnings[2].log_line(),
            "NftablesTableOwner 'maybe' is not valid, using default value False");
}

TEST(FirewalldConf2xTable, WrittenOnlyWhenNotTheDefault) {
  model::FirewalldConf conf;
  auto written = format_firewalld_conf(conf, std::nullopt);
  ASSERT_TRUE(written);
  EXPECT_EQ(written->find("ReloadPolicy"), std::string::npos);
  EXPECT_EQ(written->find("Nftables"), std::string::npos);
  conf.reload_policy = "ACCEPT";
  conf.nftables_flowtable = "eth0";
  conf.nftables_table_owner = "yes";
  written = format_firewalld_conf(conf, std::nullopt);
  ASSERT_TRUE(written);
  EXPECT_NE(written->find("\nReloadPolicy=ACCEPT\nNftablesFlowtable=eth0\n"
                          "NftablesTableOwner=yes\n"),
            std::string::npos)
      << *written;
}

}  // namespace
}  // namespace fwctl::config
