// The a{sv} of policies and the ipset tuple, without a bus.

#include "bus/policy_settings.hpp"

#include <gtest/gtest.h>

namespace fwctl::bus {
namespace {

using Strings = std::vector<std::string>;

Strings keys(const Dict& d) {
  Strings out;
  for (const auto& entry : d) out.push_back(entry.first);
  return out;
}

TEST(PolicyDict, LeavesOutEmptyValuesAsFirewalldsExportDoes) {
  model::Policy p;
  p.info.short_ = "Fwd";
  p.target = "ACCEPT";
  p.priority = -10;
  p.ports = {{"80", "tcp"}};
  p.ingress_zones = {"internal"};
  p.egress_zones = {"HOST"};
  p.rules = {*model::parse_rich_rule("rule family=\"ipv4\" source address=\"10.0.0.1\" drop")};
  Dict d = policy_dict(p);
  EXPECT_EQ(keys(d), (Strings{"egress_zones", "ingress_zones", "masquerade", "ports", "priority",
                              "rich_rules", "short", "target"}));
  EXPECT_EQ(d["priority"].peekValueType(), "i");
  EXPECT_EQ(d["priority"].get<int32_t>(), -10);
  EXPECT_EQ(d["ports"].peekValueType(), "a(ss)");
  EXPECT_EQ(d["rich_rules"].get<Strings>(),
            Strings{"rule family=\"ipv4\" source address=\"10.0.0.1\" drop"});
  p.priority = 0;
  EXPECT_EQ(policy_dict(p).count("priority"), 0u);
}

TEST(PolicyUpdate, ReadsTheKeysGiven) {
  Dict d;
  d["ports"] = sdbus::Variant(std::vector<PortTuple>{{"443", "tcp"}});
  d["forward_ports"] = sdbus::Variant(std::vector<ForwardPortTuple>{{"80", "tcp", "8080", ""}});
  d["masquerade"] = sdbus::Variant(true);
  d["priority"] = sdbus::Variant(int32_t{5});
  d["target"] = sdbus::Variant(std::string("DROP"));
  auto u = policy_update(d);
  ASSERT_TRUE(u) << u.error().message();
  EXPECT_EQ(u->ports, (std::vector<model::PortProto>{{"443", "tcp"}}));
  EXPECT_EQ(u->forward_ports, (std::vector<model::ForwardPort>{{"80", "tcp", "8080", ""}}));
  EXPECT_EQ(u->masquerade, true);
  EXPECT_EQ(u->priority, 5);
  EXPECT_EQ(u->strings.at("target"), "DROP");
  EXPECT_FALSE(u->services);
}

TEST(PolicyUpdate, RefusesUnknownKeysAndWrongTypes) {
  Dict d;
  d["colour"] = sdbus::Variant(std::string("blue"));
  auto u = policy_update(d);
  ASSERT_FALSE(u);
  EXPECT_EQ(u.error().code, Code::INVALID_OPTION);
  EXPECT_EQ(u.error().detail, "option 'colour' is not valid");
  d.clear();
  d["services"] = sdbus::Variant(std::string("ssh"));
  EXPECT_EQ(policy_update(d).error().code, Code::INVALID_TYPE);
  d.clear();
  d["masquerade"] = sdbus::Variant(int32_t{1});
  EXPECT_EQ(policy_update(d).error().code, Code::INVALID_TYPE);
}

// Suite case 169: firewall-cmd --permanent --set-priority 0 sends the whole dict with priority 0.
TEST(ApplyPolicyDict, RefusesAReservedOrOutOfRangePriorityGiven) {
  model::Policy p;
  p.info.name = "worldToHost";
  p.priority = -1;
  for (int32_t bad : {0, -32769, 32768}) {
    Dict d;
    d["priority"] = sdbus::Variant(bad);
    Status st = apply_policy_dict(p, d);
    ASSERT_FALSE(st) << bad;
    EXPECT_EQ(st.error().code, Code::INVALID_PRIORITY);
    EXPECT_EQ(st.error().detail.rfind(
                  "Policy 'worldToHost': " + std::to_string(bad) + " is invalid priority.", 0),
              0u)
        << st.error().detail;
    EXPECT_EQ(p.priority, -1);
  }
  for (int32_t good : {-32768, 1, 32767}) {
    Dict d;
    d["priority"] = sdbus::Variant(good);
    ASSERT_TRUE(apply_policy_dict(p, d)) << good;
    EXPECT_EQ(p.priority, good);
  }
  Dict other;  // a dict without priority leaves a loaded priority of 0 alone
  other["target"] = sdbus::Variant(std::string("ACCEPT"));
  p.priority = 0;
  EXPECT_TRUE(apply_policy_dict(p, other));
}

TEST(IpSetTuple, OptionsBecomeADictKeepingTheFirstOfARepeat) {
  model::IpSet s;
  s.info.short_ = "Foo";
  s.type = "hash:ip";
  s.options = {{"family", "inet6"}, {"maxelem", "10"}, {"family", "inet"}};
  s.entries = {"fd00::1"};
  IpSetTuple t = ipset_tuple(s);
  EXPECT_EQ(std::get<1>(t), "Foo");
  EXPECT_EQ(std::get<3>(t), "hash:ip");
  EXPECT_EQ(std::get<4>(t),
            (std::map<std::string, std::string>{{"family", "inet6"}, {"maxelem", "10"}}));
  EXPECT_EQ(std::get<5>(t), Strings{"fd00::1"});
}

}  // namespace
}  // namespace fwctl::bus
