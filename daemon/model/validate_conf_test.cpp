// check_firewalld_conf(). Accepted values are those firewalld 1.3.3's reader keeps and its
// D-Bus property setters accept; refusals use the setters' INVALID_VALUE "'value' for Key".

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "model/validate.hpp"

namespace fwctl::model {
namespace {

TEST(FirewalldConfCheck, AcceptsTheDefaults) { EXPECT_TRUE(check_firewalld_conf(FirewalldConf{})); }

TEST(FirewalldConfCheck, AcceptsEveryValidSpelling) {
  const std::function<void(FirewalldConf&)> cases[] = {
      [](FirewalldConf& c) {
        c.cleanup_on_exit = "YES";
        c.lockdown = "True";
      },
      [](FirewalldConf& c) {
        c.ipv6_rpfilter = "false";
        c.individual_calls = "No";
      },
      [](FirewalldConf& c) {
        c.flush_all_on_reload = "TRUE";
        c.rfc3964_ipv4 = "no";
      },
      [](FirewalldConf& c) {
        c.allow_zone_drifting = "yes";
        c.cleanup_modules_on_exit = "true";
      },
      // firewalld 2.2's modes, in any case, as 2.x's reader takes them.
      [](FirewalldConf& c) { c.ipv6_rpfilter = "strict"; },
      [](FirewalldConf& c) { c.ipv6_rpfilter = "Loose"; },
      [](FirewalldConf& c) { c.ipv6_rpfilter = "strict-forward"; },
      [](FirewalldConf& c) { c.ipv6_rpfilter = "loose-forward"; },
      [](FirewalldConf& c) { c.log_denied = "all"; },
      [](FirewalldConf& c) { c.log_denied = "unicast"; },
      [](FirewalldConf& c) { c.log_denied = "broadcast"; },
      [](FirewalldConf& c) { c.log_denied = "multicast"; },
      [](FirewalldConf& c) { c.firewall_backend = "iptables"; },
      [](FirewalldConf& c) { c.automatic_helpers = "System"; },
      [](FirewalldConf& c) { c.minimal_mark = " -5 "; },
      [](FirewalldConf& c) { c.nftables_flowtable = "eth0 eth1"; },
      [](FirewalldConf& c) {
        c.nftables_counters = "yes";
        c.nftables_table_owner = "no";
      },
      [](FirewalldConf& c) { c.default_zone = "no-such-zone"; },  // existence: check_references
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    FirewalldConf conf;
    cases[i](conf);
    auto status = check_firewalld_conf(conf);
    EXPECT_TRUE(status) << "case " << i << ": " << (status ? "" : status.error().message());
  }
}

struct BadConf {
  std::function<void(FirewalldConf&)> change;
  Code code;
  std::string detail;
};

TEST(FirewalldConfCheck, RefusesEachBadValueNamingTheKey) {
  const BadConf cases[] = {
      {[](FirewalldConf& c) { c.default_zone = ""; }, Code::INVALID_ZONE, "DefaultZone is not set"},
      {[](FirewalldConf& c) { c.minimal_mark = "0x10"; }, Code::INVALID_VALUE,
       "'0x10' for MinimalMark"},
      {[](FirewalldConf& c) { c.cleanup_on_exit = "maybe"; }, Code::INVALID_VALUE,
       "'maybe' for CleanupOnExit"},
      {[](FirewalldConf& c) { c.cleanup_modules_on_exit = "1"; }, Code::INVALID_VALUE,
       "'1' for CleanupModulesOnExit"},
      {[](FirewalldConf& c) { c.lockdown = ""; }, Code::INVALID_VALUE, "'' for Lockdown"},
      {[](FirewalldConf& c) { c.ipv6_rpfilter = "bogus"; }, Code::INVALID_VALUE,
       "'bogus' for IPv6_rpfilter"},
      {[](FirewalldConf& c) { c.individual_calls = "on"; }, Code::INVALID_VALUE,
       "'on' for IndividualCalls"},
      {[](FirewalldConf& c) { c.log_denied = "ALL"; }, Code::INVALID_VALUE, "'ALL' for LogDenied"},
      {[](FirewalldConf& c) { c.log_denied = "no"; }, Code::INVALID_VALUE, "'no' for LogDenied"},
      {[](FirewalldConf& c) { c.automatic_helpers = "auto"; }, Code::INVALID_VALUE,
       "'auto' for AutomaticHelpers"},
      {[](FirewalldConf& c) { c.firewall_backend = "NFTables"; }, Code::INVALID_VALUE,
       "'NFTables' for FirewallBackend"},
      {[](FirewalldConf& c) { c.flush_all_on_reload = "y"; }, Code::INVALID_VALUE,
       "'y' for FlushAllOnReload"},
      {[](FirewalldConf& c) { c.rfc3964_ipv4 = "0"; }, Code::INVALID_VALUE, "'0' for RFC3964_IPv4"},
      {[](FirewalldConf& c) { c.allow_zone_drifting = "x"; }, Code::INVALID_VALUE,
       "'x' for AllowZoneDrifting"},
      {[](FirewalldConf& c) { c.nftables_flowtable = ""; }, Code::INVALID_VALUE,
       "'' for NftablesFlowtable"},
      {[](FirewalldConf& c) { c.nftables_flowtable = "eth0 bad/name"; }, Code::INVALID_VALUE,
       "'eth0 bad/name' for NftablesFlowtable"},
      {[](FirewalldConf& c) { c.nftables_counters = "2"; }, Code::INVALID_VALUE,
       "'2' for NftablesCounters"},
      {[](FirewalldConf& c) { c.nftables_table_owner = "maybe"; }, Code::INVALID_VALUE,
       "'maybe' for NftablesTableOwner"},
  };
  for (const BadConf& c : cases) {
    FirewalldConf conf;
    c.change(conf);
    auto status = check_firewalld_conf(conf);
    ASSERT_FALSE(status) << c.detail;
    EXPECT_EQ(status.error().code, c.code) << c.detail;
    EXPECT_EQ(status.error().detail, c.detail);
  }
}

}  // namespace
}  // namespace fwctl::model
