// Firewall: runtime policies against a FakeNetlink (firewall_policy.cpp, runtime_policies.cpp).

#include <gtest/gtest.h>

#include <cerrno>

#include "compiler/ir.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Strings = std::vector<std::string>;
using Ports = std::vector<model::PortProto>;

constexpr const char* kFwd =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<policy target=\"ACCEPT\" priority=\"10\">\n"
    "  <port port=\"80\" protocol=\"tcp\"/>\n"
    "  <ingress-zone name=\"internal\"/>\n  <egress-zone name=\"external\"/>\n</policy>\n";
constexpr const char* kInternal =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<zone>\n  <interface name=\"eth1\"/>\n</zone>\n";

class FirewallPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    etc_.write("policies/fwd.xml", kFwd);
    etc_.write("zones/internal.xml", kInternal);
    ASSERT_TRUE(fw_.start());
  }
  const model::Policy& policy(const std::string& name) const { return **fw_.policy(name); }
  std::string kernel_text() const { return compiler::to_text(fw_.kernel().ruleset().tables.at(0)); }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(FirewallPolicyTest, ListsPoliciesAndTheActiveOnes) {
  EXPECT_EQ(fw_.policy_names(), (Strings{"allow-host-ipv6", "fwd"}));
  EXPECT_EQ(fw_.policy("nope").error().code, Code::INVALID_POLICY);
  // fwd's egress zone external has no interface or source: not active.
  EXPECT_EQ(fw_.active_policies(),
            (std::vector<ActivePolicy>{{"allow-host-ipv6", {"ANY"}, {"HOST"}}}));
  PolicyUpdate update;
  update.egress_zones = Strings{"external", "internal"};
  auto st = fw_.set_policy_settings("fwd", update);
  ASSERT_TRUE(st) << st.error().message();
  EXPECT_EQ(fw_.active_policies().size(), 2u);
  EXPECT_EQ(fw_.active_policies()[1].egress_zones, (Strings{"external", "internal"}));
}

TEST_F(FirewallPolicyTest, ListsReplaceTheOldOnesAndOnlyTheDeltaIsSent) {
  PolicyUpdate update;
  update.ports = Ports{{"80", "tcp"}, {"443", "tcp"}};
  update.services = Strings{"ssh"};
  ASSERT_TRUE(fw_.set_policy_settings("allow-host-ipv6", update));
  const auto& p = policy("allow-host-ipv6");
  EXPECT_EQ(p.ports, (Ports{{"80", "tcp"}, {"443", "tcp"}}));
  EXPECT_EQ(p.services, Strings{"ssh"});
  EXPECT_EQ(p.rules.size(), 4u);  // not given: kept
  for (const auto& message : netlink_.sent().back()) {
    EXPECT_NE(message.find("filter_IN_policy_allow-host-ipv6"), std::string::npos) << message;
  }
  EXPECT_NE(kernel_text().find("tcp dport 443 accept"), std::string::npos);

  update = {};
  update.ports = Ports{{"443", "tcp"}};
  ASSERT_TRUE(fw_.set_policy_settings("allow-host-ipv6", update));
  EXPECT_EQ(policy("allow-host-ipv6").ports, (Ports{{"443", "tcp"}}));
  EXPECT_EQ(kernel_text().find("tcp dport 80 accept"), std::string::npos);
}

TEST_F(FirewallPolicyTest, NewPortsAreCoalescedAsFirewalldAddsThem) {
  PolicyUpdate update;
  update.ports = Ports{{"80", "tcp"}, {"79-81", "tcp"}};
  auto st = fw_.set_policy_settings("fwd", update);
  ASSERT_TRUE(st) << st.error().message();
  EXPECT_EQ(policy("fwd").ports, (Ports{{"79-81", "tcp"}}));
  update.ports = Ports{{"79-81", "tcp"}, {"80", "tcp"}};
  st = fw_.set_policy_settings("fwd", update);
  EXPECT_EQ(st.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(st.error().detail, "'80:tcp' already in 'fwd'");
}

TEST_F(FirewallPolicyTest, BadSettingsChangeNothing) {
  size_t batches = netlink_.sent().size();
  auto refused = [&](PolicyUpdate update) {
    auto st = fw_.set_policy_settings("fwd", update);
    return st ? Code::UNKNOWN_ERROR : st.error().code;
  };
  PolicyUpdate u;
  u.ports = Ports{{"99999", "tcp"}};
  EXPECT_EQ(refused(u), Code::INVALID_PORT);
  u = {};
  u.services = Strings{"no-such-service"};
  EXPECT_EQ(refused(u), Code::INVALID_SERVICE);
  u = {};
  u.ingress_zones = Strings{"nowhere"};
  EXPECT_EQ(refused(u), Code::INVALID_ZONE);
  u = {};
  u.rich_rules = Strings{"rule nonsense"};
  EXPECT_EQ(refused(u), Code::INVALID_RULE);
  u = {};
  u.priority = 0;
  EXPECT_EQ(refused(u), Code::INVALID_PRIORITY);
  u = {};
  u.strings["target"] = "FOO";
  EXPECT_EQ(refused(u), Code::INVALID_TARGET);
  u.strings["target"] = "DROP";
  EXPECT_EQ(refused(u), Code::INVALID_SETTING);
  EXPECT_EQ(fw_.set_policy_settings("nope", {}).error().code, Code::INVALID_POLICY);
  EXPECT_EQ(netlink_.sent().size(), batches);
  EXPECT_EQ(policy("fwd").ports, (Ports{{"80", "tcp"}}));
  EXPECT_EQ(policy("fwd").target, "ACCEPT");
}

// Suite cases 178 and 182: firewalld checks a runtime policy against its runtime zones, so an
// interface bound at runtime counts as the zone's own.
TEST_F(FirewallPolicyTest, ARuntimeInterfaceOfTheEgressZoneRefusesForwardPortsAndMarks) {
  ASSERT_TRUE(fw_.add_interface("external", "foobar0"));
  PolicyUpdate u;
  u.forward_ports = std::vector<model::ForwardPort>{{"22", "tcp", "2222", "10.0.0.1"}};
  auto st = fw_.set_policy_settings("fwd", u);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::INVALID_ZONE);
  EXPECT_EQ(st.error().detail,
            "Policy 'fwd': 'forward-port' cannot be used because egress zone 'external' has "
            "assigned interfaces");
  u = {};
  u.rich_rules = Strings{"rule priority=\"-1\" mark set=\"1234\""};
  st = fw_.set_policy_settings("fwd", u);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::INVALID_ZONE);
  ASSERT_TRUE(fw_.remove_interface("external", "foobar0"));
  EXPECT_TRUE(fw_.set_policy_settings("fwd", u));
}

// Suite case 181: a runtime addition goes after what the policy had, whatever its kind.
TEST_F(FirewallPolicyTest, RuntimeAdditionsAreAppliedAfterTheElementsThere) {
  PolicyUpdate u;
  u.protocols = Strings{"gre"};
  ASSERT_TRUE(fw_.set_policy_settings("allow-host-ipv6", u));
  u = {};
  u.rich_rules = rich_rule_texts(policy("allow-host-ipv6"));
  u.rich_rules->push_back("rule protocol value=\"sctp\" accept");
  ASSERT_TRUE(fw_.set_policy_settings("allow-host-ipv6", u));
  std::string text = kernel_text();
  auto gre = text.find("meta l4proto gre accept");
  auto sctp = text.find("meta l4proto sctp accept");
  ASSERT_NE(gre, std::string::npos);
  ASSERT_NE(sctp, std::string::npos);
  EXPECT_LT(gre, sctp);
}

TEST_F(FirewallPolicyTest, AKernelRefusalKeepsThePolicy) {
  PolicyUpdate update;
  update.ports = Ports{{"8080", "tcp"}};
  netlink_.fail_at(0, EINVAL);
  auto st = fw_.set_policy_settings("allow-host-ipv6", update);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::COMMAND_FAILED) << st.error().message();
  EXPECT_EQ(policy("allow-host-ipv6").ports, Ports{});
  ASSERT_TRUE(fw_.set_policy_settings("allow-host-ipv6", update));
  EXPECT_EQ(policy("allow-host-ipv6").ports, update.ports);
}

// An inactive policy has no chains: its settings change, the kernel does not.
TEST_F(FirewallPolicyTest, AnInactivePolicyChangesWithoutKernelWork) {
  PolicyUpdate update;
  update.masquerade = true;
  ASSERT_TRUE(fw_.set_policy_settings("fwd", update));
  EXPECT_TRUE(policy("fwd").masquerade);
  EXPECT_EQ(kernel_text().find("policy_fwd"), std::string::npos);
}

TEST_F(FirewallPolicyTest, PanicModeRefusesChangesButNotNoOps) {
  ASSERT_TRUE(fw_.enable_panic_mode());
  PolicyUpdate update;
  update.ports = Ports{{"80", "tcp"}};
  EXPECT_TRUE(fw_.set_policy_settings("fwd", update));  // nothing to change
  update.ports = Ports{{"81", "tcp"}};
  EXPECT_EQ(fw_.set_policy_settings("fwd", update).error().code, Code::PANIC_MODE);
}

}  // namespace
}  // namespace fwctl::core
