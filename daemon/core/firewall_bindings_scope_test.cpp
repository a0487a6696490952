// Binding changes and the default zone compare only the chains they can change: those of the
// zones involved and the dispatch chains of no zone, whatever the other zones hold. One binding
// added or removed is a splice (splice_change.hpp) and compares none.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "config/test_support.hpp"
#include "core/change_scope.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

class BindingScope : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fw_.start());
    // Another active zone with rules of its own: a binding change elsewhere must not look at it.
    ASSERT_TRUE(fw_.add_interface("work", "eth9"));
    ASSERT_TRUE(fw_.add_port("work", "8080", "tcp", 0));
    // dmz and home active already, so that their chains exist and are compared (the chains of a
    // zone that becomes active are created whole, not compared).
    ASSERT_TRUE(fw_.add_interface("dmz", "eth1"));
    ASSERT_TRUE(fw_.add_interface("home", "eth2"));
  }

  // The owners of the chains the last change compared ("" for the dispatch chains).
  std::set<std::string> compared_owners() const {
    std::set<std::string> owners;
    for (const auto& chain : fw_.kernel().last_compared()) owners.insert(chain_owner(chain));
    return owners;
  }

  // No chain the last change compared is owned by a zone outside `owners`.
  bool compared_within(const std::set<std::string>& owners) const {
    auto compared = compared_owners();
    return std::includes(owners.begin(), owners.end(), compared.begin(), compared.end());
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(BindingScope, InterfaceChangesCompareTheirZonesAndTheDispatchChains) {
  ASSERT_TRUE(fw_.add_interface("dmz", "eth0"));
  EXPECT_TRUE(compared_within({"", "dmz"}));
  ASSERT_TRUE(fw_.change_zone_of_interface("home", "eth0"));
  EXPECT_EQ(compared_owners(), (std::set<std::string>{"", "dmz", "home"}));
  ASSERT_TRUE(fw_.remove_interface("home", "eth0"));
  EXPECT_TRUE(compared_within({"", "home"}));
  EXPECT_EQ(fw_.zone_of_interface("eth0"), "");
}

TEST_F(BindingScope, SourceChangesCompareTheirZonesAndTheDispatchChains) {
  ASSERT_TRUE(fw_.add_source("dmz", "10.0.0.0/8"));
  EXPECT_TRUE(compared_within({"", "dmz"}));
  ASSERT_TRUE(fw_.change_zone_of_source("home", "10.0.0.0/8"));
  EXPECT_EQ(compared_owners(), (std::set<std::string>{"", "dmz", "home"}));
  ASSERT_TRUE(fw_.remove_source("home", "10.0.0.0/8"));
  EXPECT_TRUE(compared_within({"", "home"}));
}

TEST_F(BindingScope, TheDefaultZoneComparesTheOldAndNewDefaultAndTheDispatchChains) {
  ASSERT_TRUE(fw_.set_default_zone("dmz"));
  EXPECT_EQ(compared_owners(), (std::set<std::string>{"", "dmz"}));  // public's chains went
  EXPECT_EQ(fw_.default_zone(), "dmz");
}

}  // namespace
}  // namespace fwctl::core
