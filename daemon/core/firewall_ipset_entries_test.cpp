// The entry rules against what firewalld 1.3.3's core/ipset.py (Python 3.11 ipaddress) gives.

#include "core/firewall_ipset_entries.hpp"

#include <gtest/gtest.h>

namespace fwctl::core {
namespace {

TEST(IpsetEntries, NormalizesNetworksLikePythonsIpNetwork) {
  EXPECT_EQ(normalize_ipset_entry("10.1.2.3/8"), "10.0.0.0/8");
  EXPECT_EQ(normalize_ipset_entry("10.1.2.3/255.255.0.0"), "10.1.0.0/16");
  EXPECT_EQ(normalize_ipset_entry("10.1.2.3/0.0.255.255"), "10.1.0.0/16");
  EXPECT_EQ(normalize_ipset_entry("10.1.2.3/024"), "10.1.2.0/24");
  EXPECT_EQ(normalize_ipset_entry("fd00:0:0:0:0:0:0:1/64"), "fd00::/64");
  EXPECT_EQ(normalize_ipset_entry("FD00:1:0:0:1:0:0:0/128"), "fd00:1:0:0:1::/128");
  EXPECT_EQ(normalize_ipset_entry("::ffff:1.2.3.4/128"), "::ffff:102:304/128");
  EXPECT_EQ(normalize_ipset_entry("1:0:2::/64"), "1:0:2::/64");
  EXPECT_EQ(normalize_ipset_entry("::/0"), "::/0");
  EXPECT_EQ(normalize_ipset_entry("10.1.2.3/16,tcp:80"), "10.1.0.0/16,tcp:80");
}

TEST(IpsetEntries, LeavesWhatIsNotANetworkAlone) {
  EXPECT_EQ(normalize_ipset_entry("10.0.0.1"), "10.0.0.1");  // no '/': not touched
  EXPECT_EQ(normalize_ipset_entry("10.0.0.1/33"), "10.0.0.1/33");
  EXPECT_EQ(normalize_ipset_entry("10.0.0.1/255.0.255.0"), "10.0.0.1/255.0.255.0");
  EXPECT_EQ(normalize_ipset_entry("10.0.0.1/8/8"), "10.0.0.1/8/8");
  EXPECT_EQ(normalize_ipset_entry("fd00::1/ffff::"), "fd00::1/ffff::");
  EXPECT_EQ(normalize_ipset_entry("00:11:22:33:44:55"), "00:11:22:33:44:55");
  EXPECT_EQ(normalize_ipset_entry("10.0.0.1/"), "10.0.0.1/");
}

TEST(IpsetEntries, ANewNetworkMustNotOverlapAnExistingOne) {
  std::vector<std::string> have = {"192.168.0.0/24", "10.0.0.0/8", "fd00::/64"};
  auto st = check_entry_overlaps_existing("10.1.1.1", have);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::INVALID_ENTRY);
  EXPECT_EQ(st.error().detail, "Entry '10.1.1.1' overlaps with existing entry '10.0.0.0/8'");
  EXPECT_FALSE(check_entry_overlaps_existing("0.0.0.0/0", have));
  EXPECT_FALSE(check_entry_overlaps_existing("fd00::1", have));
  EXPECT_TRUE(check_entry_overlaps_existing("11.0.0.1", have));
  EXPECT_TRUE(check_entry_overlaps_existing("192.168.1.0/24", have));
  EXPECT_TRUE(check_entry_overlaps_existing("10.0.0.1,tcp:80", have));  // not a plain network
  EXPECT_TRUE(check_entry_overlaps_existing("00:11:22:33:44:55", have));
}

TEST(IpsetEntries, AListMustNotHoldOverlappingNetworks) {
  EXPECT_TRUE(check_for_overlapping_entries({}));
  EXPECT_TRUE(check_for_overlapping_entries({"10.0.0.1", "10.0.0.2", "fd00::1"}));
  auto st = check_for_overlapping_entries({"10.1.0.0/16", "9.0.0.0/8", "10.0.0.0/8"});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::INVALID_ENTRY);
  EXPECT_EQ(st.error().detail, "Entry '10.0.0.0/8' overlaps entry '10.1.0.0/16'");
  EXPECT_FALSE(check_for_overlapping_entries({"10.0.0.1", "10.0.0.1"}));
  // One entry that is not a network turns the check off, as in firewalld.
  EXPECT_TRUE(check_for_overlapping_entries({"10.0.0.0/8", "10.0.0.1", "10.0.0.1,tcp:80"}));
}

}  // namespace
}  // namespace fwctl::core
