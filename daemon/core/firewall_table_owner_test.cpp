// NftablesTableOwner through the Firewall: the kernel's support probed once, the table created
// with its flags, and no ownership (with firewalld 2.2's log line) where the kernel has none.

#include <gtest/gtest.h>

#include <cerrno>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

class FirewallTableOwnerTest : public ::testing::Test {
 protected:
  Firewall make(const char* owner) {
    etc_.write("firewalld.conf",
               std::string("DefaultZone=public\nNftablesTableOwner=") + owner + "\n");
    return Firewall({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  }
  // The add-table lines of batch `n` sent.
  std::vector<std::string> table_lines(size_t n) const {
    std::vector<std::string> out;
    for (const auto& line : netlink_.sent().at(n)) {
      if (line.find(" table ") != std::string::npos) out.push_back(line);
    }
    return out;
  }

  config::testing::TempDir etc_;
  nft::FakeNetlink netlink_;
};

TEST_F(FirewallTableOwnerTest, NoSendsNoProbeAndNoFlags) {
  Firewall fw = make("no");
  ASSERT_TRUE(fw.start());
  ASSERT_EQ(netlink_.sent().size(), 1u);
  EXPECT_EQ(table_lines(0),
            (std::vector<std::string>{"add table inet firewalld", "delete table inet firewalld",
                                      "add table inet firewalld"}));
}

TEST_F(FirewallTableOwnerTest, YesProbesOnceThenCreatesTheTableOwnedAndPersistent) {
  Firewall fw = make("yes");
  ASSERT_TRUE(fw.start());
  ASSERT_EQ(netlink_.sent().size(), 2u);
  EXPECT_EQ(netlink_.sent()[0],
            (std::vector<std::string>{"add table inet firewalld_probe flags 0x6",
                                      "delete table inet firewalld_probe"}));
  EXPECT_EQ(table_lines(1),
            (std::vector<std::string>{"add table inet firewalld", "delete table inet firewalld",
                                      "add table inet firewalld flags 0x6"}));
  ASSERT_TRUE(fw.reload());
  ASSERT_EQ(netlink_.sent().size(), 3u);  // no second probe
  EXPECT_EQ(table_lines(2).back(), "add table inet firewalld flags 0x6");
  // A runtime change is a delta: no table message at all.
  ASSERT_TRUE(fw.add_port("public", "8080", "tcp"));
  EXPECT_EQ(table_lines(3), std::vector<std::string>{});
}

TEST_F(FirewallTableOwnerTest, AKernelWithoutThePersistFlagGetsNoOwnershipAndALogLine) {
  Firewall fw = make("yes");
  netlink_.fail_at(0, EOPNOTSUPP);  // the probe
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_EQ(table_lines(1).back(), "add table inet firewalld");
  ASSERT_FALSE(fw.warnings().empty());
  EXPECT_EQ(fw.warnings().back().log_line(),
            "Configuration has NftablesTableOwner=True, but it's not supported by nftables. "
            "Table ownership will be disabled.");
  EXPECT_EQ(fw.runtime().conf.nftables_table_owner, "no");
  EXPECT_EQ(fw.permanent().conf.nftables_table_owner, "yes");  // the file's value stays
}

}  // namespace
}  // namespace fwctl::core
