// The application order of a real policy's elements after runtime changes (suite case 181).

#include "compiler/policy_order.hpp"

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::compile_text;
using testing::stock_config;
using Strings = std::vector<std::string>;

model::Config with_policy(Strings protocols, Strings rules) {
  auto c = stock_config();
  auto& p = c.policies["foobar"].value;
  p.info.name = "foobar";
  p.target = "CONTINUE";
  p.ingress_zones = {"ANY"};
  p.egress_zones = {"HOST"};
  p.protocols = std::move(protocols);
  for (const auto& r : rules) p.rules.push_back(*model::parse_rich_rule(r));
  return c;
}

// The _allow chain's rules, one per line.
std::string allow_chain(const model::Config& c, const RuntimeBindings& b) {
  std::string text = compile_text(c, b);
  auto begin = text.find("chain filter_IN_policy_foobar_allow {");
  EXPECT_NE(begin, std::string::npos);
  auto end = text.find('}', begin);
  std::string out;
  size_t line = text.find('\n', begin) + 1;
  while (line < end) {
    size_t next = text.find('\n', line);
    std::string rule = text.substr(line, next - line);
    rule.erase(0, rule.find_first_not_of(" \t"));
    if (!rule.empty() && rule != "}") out += rule + "\n";
    line = next + 1;
  }
  return out;
}

const char* kSctp = "rule protocol value=\"sctp\" accept";

TEST(PolicyOrder, KeysFollowTheReloadOrder) {
  auto c = with_policy({"gre"}, {kSctp});
  auto& p = c.policies["foobar"].value;
  p.services = {"ssh"};
  p.ports = {{"80", "tcp"}};
  p.masquerade = true;
  EXPECT_EQ(policy_element_keys(p), (Strings{"service:ssh", "port:80/tcp", "masquerade",
                                             std::string("rule:") + kSctp, "protocol:gre"}));
}

TEST(PolicyOrder, RuntimeAdditionsGoLastAndAReloadRestoresTheKindOrder) {
  auto empty = with_policy({}, {});
  auto protocol = with_policy({"ipv6-icmp"}, {});
  auto both = with_policy({"ipv6-icmp"}, {kSctp});
  RuntimeBindings b = bindings_from_config(empty);
  order_policy_elements(empty, protocol, b);
  EXPECT_TRUE(b.policy_order.empty());  // still the reload order
  order_policy_elements(protocol, both, b);
  EXPECT_EQ(b.policy_order.at("foobar"),
            (Strings{"protocol:ipv6-icmp", std::string("rule:") + kSctp}));
  EXPECT_EQ(allow_chain(both, b), "meta l4proto ipv6-icmp accept\nmeta l4proto sctp accept\n");
  // What a reload of the same configuration gives: rich rules before protocols.
  EXPECT_EQ(allow_chain(both, bindings_from_config(both)),
            "meta l4proto sctp accept\nmeta l4proto ipv6-icmp accept\n");
  // Removing the protocol leaves the reload order again: the entry goes.
  order_policy_elements(both, with_policy({}, {kSctp}), b);
  EXPECT_TRUE(b.policy_order.empty());
}

TEST(PolicyOrder, AGonePolicyLosesItsOrder) {
  auto a = with_policy({"gre"}, {});
  auto b2 = with_policy({"gre"}, {kSctp});
  RuntimeBindings b = bindings_from_config(a);
  order_policy_elements(a, b2, b);
  ASSERT_EQ(b.policy_order.count("foobar"), 1u);
  auto none = stock_config();
  order_policy_elements(b2, none, b);
  EXPECT_TRUE(b.policy_order.empty());
}

}  // namespace
}  // namespace fwctl::compiler
