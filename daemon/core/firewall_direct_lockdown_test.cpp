// Firewall's direct interface and lockdown at start, reload and stop, with a fake command runner.

#include <gtest/gtest.h>

#include <filesystem>

#include "config/atomic_file.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

// Records every restore input; refuses (status 2, as iptables-restore) those containing `refuse`.
class RecordingRunner final : public CommandRunner {
 public:
  CommandOutput run(const std::string&, const std::vector<std::string>&,
                    const std::string& input) override {
    inputs.push_back(input);
    if (!refuse.empty() && input.find(refuse) != std::string::npos) {
      return {2, "iptables-restore: unknown option \"--a-bogus-flag\"\n"};
    }
    return {};
  }
  std::vector<std::string> inputs;
  std::string refuse;
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
  EXPECT_EQ(fw.direct().config(), fw.direct().permanent());
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
  EXPECT_EQ(fw.direct().config(), fw.direct().permanent());
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
  ASSERT_TRUE(fw.start());  // no runner: the permanent chain fails, the stock fallback
  EXPECT_EQ(fw.state(), State::Failed);
  model::DirectConfig bad = fw.direct().permanent();
  bad.chains.push_back({"ipv4", "nope", "x"});
  EXPECT_EQ(fw.direct().set_permanent(bad).error().code, Code::INVALID_TABLE);
  EXPECT_EQ(fw.direct().permanent().chains.size(), 1u);
  model::LockdownWhitelist whitelist{{"/bin/x"}, {}, {}, {}};
  ASSERT_TRUE(fw.lockdown().set_permanent_whitelist(whitelist));
  EXPECT_EQ(fw.lockdown().permanent_whitelist(), whitelist);
  EXPECT_EQ(fw.lockdown().whitelist().uids, (std::vector<int32_t>{0}));  // runtime unchanged
  EXPECT_EQ(config::read_file(etc_.path() + "/lockdown-whitelist.xml").value(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<whitelist>\n"
            "  <command name=\"/bin/x\"/>\n</whitelist>\n");
}

constexpr const char* kBogusRule =
    "  <rule ipv=\"ipv4\" table=\"filter\" chain=\"INPUT\" priority=\"1\">--a-bogus-flag</rule>\n";

std::string with_bogus_rule() {
  return "<direct>\n  <chain ipv=\"ipv4\" table=\"filter\" chain=\"perm\"/>\n"
         "  <rule ipv=\"ipv4\" table=\"filter\" chain=\"perm\" priority=\"0\">-j ACCEPT</rule>\n" +
         std::string(kBogusRule) + "</direct>\n";
}

// Suite case 194: firewalld's start() falls back to the stock configuration, without direct
// rules, when the permanent ones fail; the state is FAILED.
TEST_F(FirewallDirectTest, StartFallsBackWhenAPermanentDirectRuleIsRefused) {
  etc_.write("direct.xml", with_bogus_rule());
  runner_.refuse = "--a-bogus-flag";
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  fw.set_command_runner(runner_);
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Failed);
  ASSERT_NE(fw.failure(), nullptr);
  EXPECT_EQ(fw.failure()->message(),
            "COMMAND_FAILED: Direct: '/usr/sbin/iptables-restore -w -n' failed: "
            "iptables-restore: unknown option \"--a-bogus-flag\"\n");
  // All or nothing: what went in before the refused rule was taken out again.
  EXPECT_TRUE(fw.direct().config().empty());
  EXPECT_EQ(runner_.inputs,
            (std::vector<std::string>{
                "*filter\n-N perm\nCOMMIT\n", "*filter\n-I perm 1 -j ACCEPT\nCOMMIT\n",
                "*filter\n-I INPUT 1 --a-bogus-flag\nCOMMIT\n",
                "*filter\n-D perm -j ACCEPT\nCOMMIT\n", "*filter\n-X perm\nCOMMIT\n"}));
  EXPECT_EQ(fw.direct().permanent().rules.size(), 2u);  // still loaded, for config.direct
}

// Suite case 100: the reload puts the new ruleset in force, keeps the runtime-only direct
// entries (FlushAllOnReload=no) but answers COMMAND_FAILED and leaves the state FAILED; the next
// good reload is RUNNING again.
TEST_F(FirewallDirectTest, ReloadWithARefusedPermanentDirectRuleFails) {
  etc_.write("firewalld.conf", "FlushAllOnReload=no\n");
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  fw.set_command_runner(runner_);
  ASSERT_TRUE(fw.start());
  ASSERT_TRUE(fw.add_interface("public", "foobar0"));
  model::DirectRule runtime{"ipv4", "filter", "FORWARD", 0, {"-p", "tcp", "-j", "ACCEPT"}};
  ASSERT_TRUE(fw.direct().add_rule(runtime));
  etc_.write("direct.xml", with_bogus_rule());
  runner_.refuse = "--a-bogus-flag";
  Status reloaded = fw.reload();
  ASSERT_FALSE(reloaded);
  EXPECT_EQ(reloaded.error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(reloaded.error().detail.rfind("Direct: '/usr/sbin/iptables-restore -w -n' failed", 0),
            0u);
  EXPECT_EQ(fw.state(), State::Failed);
  EXPECT_EQ(fw.zone_of_interface("foobar0"), "public");
  EXPECT_TRUE(fw.direct().query_rule(runtime).value());
  EXPECT_FALSE(fw.direct().query_chain("ipv4", "filter", "perm").value());

  etc_.write("direct.xml", "<direct/>\n");
  ASSERT_TRUE(fw.reload());
  EXPECT_EQ(fw.state(), State::Running);
  EXPECT_EQ(fw.failure(), nullptr);
  EXPECT_TRUE(fw.direct().query_rule(runtime).value());
}

// Suite case 98: check_on_disk_config reads direct.xml and lockdown-whitelist.xml; a reload
// refuses them before anything changes.
TEST_F(FirewallDirectTest, CheckConfigAndReloadCheckTheDirectAndWhitelistFiles) {
  Firewall fw({FWCTL_SOURCE_DIR, etc_.path()}, netlink_);
  fw.set_command_runner(runner_);
  ASSERT_TRUE(fw.start());
  std::vector<Error> logged;
  EXPECT_TRUE(fw.check_permanent_config(logged));
  etc_.write("direct.xml",
             "<direct>\n<chain table=\"filter\" ipv=\"ipv7\" chain=\"foobar\"/>\n</direct>\n");
  Status checked = fw.check_permanent_config(logged);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, Code::INVALID_IPV);
  EXPECT_EQ(checked.error().detail.rfind("'" + etc_.path() + "/direct.xml': ", 0), 0u);
  runner_.inputs.clear();
  EXPECT_EQ(fw.reload().error().code, Code::INVALID_IPV);
  EXPECT_TRUE(runner_.inputs.empty());
  EXPECT_EQ(fw.state(), State::Running);

  etc_.write("direct.xml", "<direct>\n<rule />\n</direct>\n");
  EXPECT_EQ(fw.check_permanent_config(logged).error().code, Code::PARSE_ERROR);
  std::filesystem::remove(etc_.path() + "/direct.xml");
  etc_.write("lockdown-whitelist.xml", "<whitelist>\n  <group name=\"foobar\"/>\n</whitelist>\n");
  EXPECT_EQ(fw.check_permanent_config(logged).error().code, Code::PARSE_ERROR);
  etc_.write("lockdown-whitelist.xml", "<whitelist>\n  <user uid=\"666\"/>\n</whitelist>\n");
  EXPECT_EQ(fw.check_permanent_config(logged).error().code, Code::PARSE_ERROR);
}

}  // namespace
}  // namespace fwctl::core
