// Firewall: native ipsets while the direct interface is in use (core/native_ipsets.hpp), with a
// fake command runner and a FakeNetlink.

#include <gtest/gtest.h>

#include <cerrno>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Strings = std::vector<std::string>;

// Records "program arg…" and the input of every run; refuses the ones starting with `refuse`.
class IpsetToolRunner final : public CommandRunner {
 public:
  CommandOutput run(const std::string& program, const std::vector<std::string>& args,
                    const std::string& input) override {
    std::string call = program;
    for (const auto& a : args) call += " " + a;
    calls.push_back(call);
    inputs.push_back(input);
    if (!refuse.empty() && call.rfind(refuse, 0) == 0) return refusal;
    return {};
  }
  Strings calls;
  Strings inputs;
  std::string refuse;
  CommandOutput refusal{1, "ipset v7.17: refused\n"};
};

constexpr const char* kFooNet =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:net\">\n"
    "  <option name=\"family\" value=\"inet\"/>\n  <entry>10.0.0.0/24</entry>\n</ipset>\n";
constexpr const char* kBarIp =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:ip\">\n</ipset>\n";

const model::DirectRule kRule{"ipv4", "filter", "INPUT_direct", 0, {"-j", "ACCEPT"}};

class FirewallNativeIpsetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    etc_.write("ipsets/foo.xml", kFooNet);
    etc_.write("ipsets/bar.xml", kBarIp);
    fw_.set_command_runner(runner_);
    ASSERT_TRUE(fw_.start());
    runner_.calls.clear();
    runner_.inputs.clear();
  }
  Strings entries(const std::string& name) const { return (*fw_.ipset(name))->entries; }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  IpsetToolRunner runner_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(FirewallNativeIpsetsTest, NoNativeIpsetWhileTheDirectInterfaceIsUnused) {
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.1.1.0/24"));
  ASSERT_TRUE(fw_.remove_ipset_entry("foo", "10.1.1.0/24"));
  EXPECT_TRUE(runner_.calls.empty());
}

TEST_F(FirewallNativeIpsetsTest, TheFirstDirectEntryCreatesEveryIpsetBeforeItGoesIn) {
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.1.1.0/24"));
  ASSERT_TRUE(fw_.direct().add_rule(kRule));
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/ipset destroy bar", "/usr/sbin/ipset restore",
                                    "/usr/sbin/ipset destroy foo", "/usr/sbin/ipset restore",
                                    "/usr/sbin/iptables-restore -w -n"}));
  EXPECT_EQ(runner_.inputs[1], "create bar hash:ip -exist\nflush bar\n");
  EXPECT_EQ(runner_.inputs[3],
            "create foo hash:net family inet -exist\nflush foo\n"
            "add foo 10.0.0.0/24\nadd foo 10.1.1.0/24\n");
  runner_.calls.clear();
  ASSERT_TRUE(fw_.direct().add_chain("ipv4", "filter", "mine"));  // already in use: no ipset
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/iptables-restore -w -n"}));
}

TEST_F(FirewallNativeIpsetsTest, ARefusedIpsetKeepsTheDirectEntryOut) {
  runner_.refuse = "/usr/sbin/ipset restore";
  Status st =
      fw_.direct().add_passthrough({"ipv4", {"-t", "filter", "-A", "INPUT", "-j", "ACCEPT"}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message(),
            "COMMAND_FAILED: '/usr/sbin/ipset restore' failed: ipset v7.17: refused\n");
  EXPECT_TRUE(fw_.direct().config().empty());
  EXPECT_EQ(runner_.calls.back(), "/usr/sbin/ipset restore");  // iptables never ran
}

TEST_F(FirewallNativeIpsetsTest, EntriesFollowWhileInUse) {
  ASSERT_TRUE(fw_.direct().add_rule(kRule));
  runner_.calls.clear();
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.2.2.0/24"));
  ASSERT_TRUE(fw_.remove_ipset_entry("foo", "10.0.0.0/24"));
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/ipset add foo 10.2.2.0/24",
                                    "/usr/sbin/ipset del foo 10.0.0.0/24"}));
  runner_.calls.clear();
  ASSERT_TRUE(fw_.set_ipset_entries("bar", {"10.9.9.9"}));
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/ipset destroy bar", "/usr/sbin/ipset restore"}));
  EXPECT_EQ(runner_.inputs.back(), "create bar hash:ip -exist\nflush bar\nadd bar 10.9.9.9\n");
}

TEST_F(FirewallNativeIpsetsTest, OneSideRefusingChangesNeither) {
  ASSERT_TRUE(fw_.direct().add_rule(kRule));
  runner_.refuse = "/usr/sbin/ipset add";
  size_t batches = netlink_.sent().size();
  EXPECT_EQ(fw_.add_ipset_entry("foo", "10.2.2.0/24").error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(netlink_.sent().size(), batches);  // the nft side was not tried
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24"}));

  runner_.refuse.clear();
  runner_.calls.clear();
  netlink_.fail_at(0, ENOMEM);
  EXPECT_FALSE(fw_.add_ipset_entry("foo", "10.2.2.0/24"));
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/ipset add foo 10.2.2.0/24",
                                    "/usr/sbin/ipset del foo 10.2.2.0/24"}));
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24"}));
}

TEST_F(FirewallNativeIpsetsTest, ReloadAndStopDestroyThemAfterTheDirectEntriesAreOut) {
  ASSERT_TRUE(fw_.direct().add_rule(kRule));
  runner_.calls.clear();
  ASSERT_TRUE(
      fw_.reload());  // the runtime rule goes (FlushAllOnReload=yes), nothing brings them back
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/iptables-restore -w -n",
                                    "/usr/sbin/ipset destroy bar", "/usr/sbin/ipset destroy foo"}));
  runner_.calls.clear();
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.2.2.0/24"));
  EXPECT_TRUE(runner_.calls.empty());

  ASSERT_TRUE(fw_.direct().add_rule(kRule));
  runner_.calls.clear();
  ASSERT_TRUE(fw_.stop());
  EXPECT_EQ(runner_.calls, (Strings{"/usr/sbin/iptables-restore -w -n",
                                    "/usr/sbin/ipset destroy bar", "/usr/sbin/ipset destroy foo"}));
}

TEST_F(FirewallNativeIpsetsTest, WithoutTheIpsetToolDirectRulesStillGoIn) {
  runner_.refuse = "/usr/sbin/ipset";
  runner_.refusal = {255, ""};  // runProg's answer when the program cannot be started
  ASSERT_TRUE(fw_.direct().add_rule(kRule));
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.2.2.0/24"));
  EXPECT_EQ(runner_.calls,
            (Strings{"/usr/sbin/ipset destroy bar", "/usr/sbin/iptables-restore -w -n"}));
}

// firewalld's _start_failsafe has no direct entries, so no native ipsets either.
TEST(FirewallNativeIpsetsStart, AStartThatFallsBackLeavesNoNativeIpset) {
  TempDir etc;
  etc.write("ipsets/foo.xml", kFooNet);
  etc.write("direct.xml",
            "<direct>\n  <rule ipv=\"ipv4\" table=\"filter\" chain=\"INPUT\" priority=\"0\">"
            "--bogus</rule>\n</direct>\n");
  nft::FakeNetlink netlink;
  IpsetToolRunner runner;
  runner.refuse = "/usr/sbin/iptables-restore";
  Firewall fw({FWCTL_SOURCE_DIR, etc.path()}, netlink);
  fw.set_command_runner(runner);
  ASSERT_TRUE(fw.start());
  EXPECT_EQ(fw.state(), State::Failed);
  EXPECT_EQ(runner.calls,
            (Strings{"/usr/sbin/ipset destroy foo", "/usr/sbin/ipset restore",
                     "/usr/sbin/iptables-restore -w -n", "/usr/sbin/ipset destroy foo"}));
}

}  // namespace
}  // namespace fwctl::core
