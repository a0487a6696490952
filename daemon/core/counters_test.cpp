// Counters per zone element: the kernel's rule counters (a FakeNetlink's) joined with the
// rules' origins and handles.

#include "core/counters.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "config/test_support.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

class CountersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(etc_.path() + "/firewalld.conf") << "DefaultZone=public\nNftablesCounters=yes\n";
    ASSERT_TRUE(fw_.start());
    ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  }
  // The kernel handle of the rule of `chain` whose origin is `origin`.
  uint64_t handle_of(const std::string& chain, const std::string& origin) const {
    for (const auto& table : fw_.kernel().ruleset().tables) {
      for (const auto& c : table.chains) {
        if (c.name != chain) continue;
        const auto& handles = *fw_.kernel().handles("firewalld", chain);
        for (size_t i = 0; i < c.rules.size(); ++i)
          if (c.rules[i].origin.text == origin) return handles[i];
      }
    }
    ADD_FAILURE() << "no rule of " << origin << " in " << chain;
    return 0;
  }
  const ElementCount* find(const std::vector<ElementCount>& counts, const std::string& element) {
    for (const auto& c : counts)
      if (c.element == element) return &c;
    return nullptr;
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
  Counters counters_{fw_};
};

TEST_F(CountersTest, EachElementGetsTheCountsOfItsRules) {
  const std::string chain = "filter_IN_public_allow";
  uint64_t port = handle_of(chain, "zone public, port 8080/tcp");
  uint64_t ssh = handle_of(chain, "zone public, service ssh, port 22/tcp");
  netlink_.set_counters({{chain, port, 5, 300}, {chain, ssh, 2, 120}, {chain, 99999, 7, 7}});
  auto counts = counters_.of_zone("");
  ASSERT_TRUE(counts) << counts.error().message();
  const auto* p = find(*counts, "port 8080/tcp");
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, (ElementCount{"port 8080/tcp", 5, 300}));
  ASSERT_TRUE(find(*counts, "service ssh, port 22/tcp"));
  EXPECT_EQ(find(*counts, "service ssh, port 22/tcp")->packets, 2u);
  ASSERT_TRUE(find(*counts, "target default"));  // no kernel count given: 0
  EXPECT_EQ(find(*counts, "target default")->packets, 0u);
  EXPECT_FALSE(find(*counts, "zone public"));  // the jump into the zone is no element
}

TEST_F(CountersTest, ZeroKeepsABaselineUntilTheTableIsReplaced) {
  const std::string chain = "filter_IN_public_allow";
  uint64_t port = handle_of(chain, "zone public, port 8080/tcp");
  netlink_.set_counters({{chain, port, 5, 300}});
  ASSERT_TRUE(counters_.zero());
  netlink_.set_counters({{chain, port, 7, 420}});
  EXPECT_EQ(*find(*counters_.of_zone("public"), "port 8080/tcp"),
            (ElementCount{"port 8080/tcp", 2, 120}));
  ASSERT_TRUE(fw_.reload());  // a new table: its counters start over, the baseline is void
  uint64_t again = handle_of(chain, "zone public, service ssh, port 22/tcp");
  netlink_.set_counters({{chain, again, 3, 180}});
  EXPECT_EQ(find(*counters_.of_zone("public"), "service ssh, port 22/tcp")->packets, 3u);
}

TEST_F(CountersTest, UnknownNamesAndCountersOff) {
  EXPECT_EQ(counters_.of_zone("nosuch").error().code, Code::INVALID_ZONE);
  EXPECT_EQ(counters_.of_policy("nosuch").error().code, Code::INVALID_POLICY);
  ASSERT_TRUE(counters_.of_policy("allow-host-ipv6"));
  TempDir plain;
  nft::FakeNetlink netlink;
  Firewall fw{{FWCTL_SOURCE_DIR, plain.path()}, netlink};
  ASSERT_TRUE(fw.start());
  Counters off(fw);
  EXPECT_EQ(off.of_zone("public").error().code, Code::NOT_ENABLED);
  EXPECT_EQ(off.zero().error().code, Code::NOT_ENABLED);
}

}  // namespace
}  // namespace fwctl::core
