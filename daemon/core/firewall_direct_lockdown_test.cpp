// Firewall's direct interface and lockdown at start, reload and stop, with a fake command runner.

#include <gtest/gtest.h>

#include "config/test_support.hpp"
#include "config/atomic_file.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

class RecordingRunner final : public CommandRunner {
 public:
  CommandOutput run(const std::string&, const std::vector<std::string>&,
                    const std::string& input) override {
    inputs.push_back(input);
    return {};
  }
  std::vector<std::string> inputs;
};

class FirewallDirectTest : public ::testing::Test {
 protected:
  FirewallDirectTest() {
    etc_.write("direct.xml",
               "<direct>\n  <chain ipv=\"ipv4\" table=\"filter\" chain=\"perm\"/>\n"
               "  <rule ipv=\"ipv4\" table=\"filter\" chain=\"perm\" priority=\"0\">-j ACCEPT"
               "</rule>\n</direct>\n");
    etc_.write("lockdown-whitelist.xml", "<whitelist>\n  <user id=\"0\"/>\n</whitelist>\n");
  }
  TempDir etc_;
  nft::FakeNetlink netlink_;
  RecordingRunner runner_;
};

TEST_F(FirewallDirectTest, StartAppliesThePermanentDirectConfiguration) {
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  fw.set_command_runner(runner_);
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(runner_.inputs, (std::vector<std::string>{"*filter\n-N perm\nCOMMIT\n",
                                                      "*filter\n-I perm 1 -j ACCEPT\nCOMMIT\n"}));
  EXPECT_EQ(fw.direct().config(), fw.permanent_direct());
  EXPECT_FALSE(fw.lockdown().enabled());
  EXPECT_EQ(fw.lockdown().whitelist().uids, (std::vector<int32_t>{0}));
}

TEST_F(FirewallDirectTest, ReloadDropsRuntimeEntriesUnlessFlushAllOnReloadIsOff) {
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  fw.set_command_runner(runner_);
  ASSERT_TRUE(fw.start());
  ASSERT_TRUE(fw.direct().add_chain("ipv4", "filter", "runtime"));
  ASSERT_TRUE(fw.lockdown().add_uid(5));
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.direct().config(), fw.permanent_direct());
  EXPECT_EQ(fw.lockdown().whitelist().uids, (std::vector<int32_t>{0}));

  etc_.write("firewalld.conf", "FlushAllOnReload=no\nLockdown=yes\n");
  ASSERT_TRUE(fw.reload());  // the old value (yes) decides this one
  ASSERT_TRUE(fw.direct().add_chain("ipv4", "filter", "runtime"));
  runner_.inputs.clear();
  ASSERT_TRUE(fw.reload());
  EXPECT_TRUE(fw.direct().query_chain("ipv4", "filter", "runtime").value());
  EXPECT_TRUE(fw.lockdown().enabled());
  // Removed newest first, then put back: permanent first, then the runtime-only chain.
  EXPECT_EQ(runner_.inputs.back(), "*filter\n-N runtime\nCOMMIT\n");
}

TEST_F(FirewallDirectTest, StopRemovesWhatWasAdded) {
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  fw.set_command_runner(runner_);
  ASSERT_TRUE(fw.start());
  runner_.inputs.clear();
  ASSERT_TRUE(fw.stop());
  EXPECT_EQ(runner_.inputs, (std::vector<std::string>{"*filter\n-D perm -j ACCEPT\nCOMMIT\n",
                                                      "*filter\n-F perm\n-X perm\nCOMMIT\n"}));
}

TEST_F(FirewallDirectTest, PermanentChangesAreWrittenOnlyWhenValid) {
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  ASSERT_TRUE(fw.start());  // no runner: the permanent chain fails, a warning
  EXPECT_FALSE(fw.warnings().empty());
  model::DirectConfig bad = fw.permanent_direct();
  bad.chains.push_back({"ipv4", "nope", "x"});
  EXPECT_EQ(fw.set_permanent_direct(bad).error().code, Code::INVALID_TABLE);
  EXPECT_EQ(fw.permanent_direct().chains.size(), 1u);
  model::LockdownWhitelist whitelist{{"/bin/x"}, {}, {}, {}};
  ASSERT_TRUE(fw.set_permanent_whitelist(whitelist));
  EXPECT_EQ(fw.permanent_whitelist(), whitelist);
  EXPECT_EQ(fw.lockdown().whitelist().uids, (std::vector<int32_t>{0}));  // runtime unchanged
  EXPECT_EQ(config::read_file(etc_.path() + "/lockdown-whitelist.xml").value(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<whitelist>\n"
            "  <command name=\"/bin/x\"/>\n</whitelist>\n");
}

}  // namespace
}  // namespace fwctl::core
