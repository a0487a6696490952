// Combined zones and sources in mask form, from the files to the kernel batch.

#include <gtest/gtest.h>

#include <algorithm>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

bool mentions(const std::vector<std::string>& batch, const std::string& text) {
  return std::any_of(batch.begin(), batch.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

TEST(FirewallCombined, ACombinedZoneIsOneRuntimeZoneAndPermanentKeepsItsParts) {
  TempDir etc;
  etc.write("zones/office/a.xml", "<zone><interface name=\"eth1\"/></zone>");
  etc.write("zones/office/b.xml", "<zone><source address=\"10.10.1.0/255.255.0.0\"/></zone>");
  nft::FakeNetlink netlink;
  Firewall fw({FWCTL_SOURCE_DIR, etc.path()}, netlink);
  ASSERT_TRUE(fw.start()) << (fw.failure() ? fw.failure()->message() : "");
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_TRUE(fw.permanent().zones.contains("office/a"));
  EXPECT_FALSE(fw.permanent().zones.contains("office"));
  EXPECT_TRUE(fw.runtime().zones.contains("office"));
  EXPECT_FALSE(fw.runtime().zones.contains("office/a"));
  EXPECT_EQ(fw.zone_of_interface("eth1"), "office");
  // firewalld keeps the source as written and gives nftables the prefix.
  EXPECT_EQ(fw.zone_of_source("10.10.1.0/255.255.0.0"), "office");
  ASSERT_EQ(netlink.committed().size(), 1u);
  EXPECT_TRUE(mentions(netlink.committed()[0], "filter_IN_office"));
  EXPECT_FALSE(mentions(netlink.committed()[0], "office/"));
}

TEST(FirewallCombined, ASourceWithANonContiguousMaskIsRefusedLikeFirewalld) {
  TempDir etc;
  nft::FakeNetlink netlink;
  Firewall fw({FWCTL_SOURCE_DIR, etc.path()}, netlink);
  ASSERT_TRUE(fw.start());
  auto added = fw.add_source("work", "10.20.0.0/255.0.255.0");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().message(), "UNKNOWN_ERROR: '255.0.255.0' is not a valid netmask");
  EXPECT_EQ(fw.zone_of_source("10.20.0.0/255.0.255.0"), "");
  auto masked = fw.add_source("work", "10.20.0.0/255.255.0.0");
  ASSERT_TRUE(masked) << masked.error().message();
  EXPECT_EQ(fw.zone_of_source("10.20.0.0/255.255.0.0"), "work");
}

}  // namespace
}  // namespace fwctl::core
