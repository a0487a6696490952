// firewalld 2.x features on the 1.3.3 layout (README "firewalld 2.x features"): each one is off
// by default, so the stock ruleset stays firewalld 1.3.3's golden; when on, the rules change the
// way firewalld 2.x changes them, in 1.3.3's chains.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {
namespace {

using testing::compile_text;
using testing::golden_path;
using testing::read_golden;
using testing::stock_config;

// The lines of `chain` in the printed ruleset, without their indentation.
std::vector<std::string> chain_lines(const std::string& text, const std::string& chain) {
  std::vector<std::string> lines;
  size_t at = text.find("\tchain " + chain + " {\n");
  if (at == std::string::npos) return lines;
  at = text.find('\n', at) + 1;
  for (size_t end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
    std::string line = text.substr(at, end - at);
    line.erase(0, line.find_first_not_of('\t'));
    if (line == "}") break;
    if (line.rfind("type ", 0) == 0) continue;  // a base chain's hook line
    lines.push_back(line);
  }
  return lines;
}

std::string compiled(const model::Config& config) {
  return compile_text(config, bindings_from_config(config));
}

using Lines = std::vector<std::string>;

TEST(Firewalld2x, DefaultsGiveTheGoldenRuleset) {
  EXPECT_EQ(compiled(stock_config()), read_golden(golden_path("default")));
}

// firewalld's src/tests/features/nftables_counters.at, on 1.3.3's chains.
TEST(Firewalld2xCounters, PutsACounterBeforeTheLastStatementOfEveryRule) {
  auto config = stock_config();
  config.conf.nftables_counters = "Yes";
  std::string text = compiled(config);
  EXPECT_EQ(chain_lines(text, "filter_IN_public"),
            (Lines{"counter packets 0 bytes 0 jump filter_INPUT_POLICIES_pre",
                   "counter packets 0 bytes 0 jump filter_IN_public_pre",
                   "counter packets 0 bytes 0 jump filter_IN_public_log",
                   "counter packets 0 bytes 0 jump filter_IN_public_deny",
                   "counter packets 0 bytes 0 jump filter_IN_public_allow",
                   "counter packets 0 bytes 0 jump filter_IN_public_post",
                   "counter packets 0 bytes 0 jump filter_INPUT_POLICIES_post",
                   "meta l4proto { icmp, ipv6-icmp } counter packets 0 bytes 0 accept",
                   "counter packets 0 bytes 0 reject with icmpx admin-prohibited"}));
  EXPECT_EQ(chain_lines(text, "filter_IN_public_allow"),
            (Lines{"tcp dport 22 counter packets 0 bytes 0 accept",
                   "ip6 daddr fe80::/64 udp dport 546 counter packets 0 bytes 0 accept"}));
  // Every rule of the table has exactly one.
  size_t rules = 0, counters = 0;
  for (size_t at = 0; (at = text.find("counter packets 0 bytes 0", at)) != std::string::npos;) {
    ++counters;
    ++at;
  }
  auto plain = stock_config();
  auto ruleset = compile(plain, bindings_from_config(plain));
  ASSERT_TRUE(ruleset);
  for (const auto& chain : ruleset->tables[0].chains) rules += chain.rules.size();
  EXPECT_EQ(counters, rules);
}

TEST(Firewalld2xCounters, NoAndFalseLeaveTheGoldenRuleset) {
  for (const char* off : {"no", "False"}) {
    auto config = stock_config();
    config.conf.nftables_counters = off;
    EXPECT_EQ(compiled(config), read_golden(golden_path("default"))) << off;
  }
}

// firewalld's src/tests/features/rpfilter.at, on 1.3.3's chains.
const char* kNd = "icmpv6 type { nd-router-advert, nd-neighbor-solicit } accept";
const char* kRfc3964 =
    "ip6 daddr { ::/96, ::ffff:0.0.0.0/96, 2002::/24, 2002:a00::/24, 2002:7f00::/24, "
    "2002:a9fe::/32, 2002:ac10::/28, 2002:c0a8::/32, 2002:e000::/19 } reject with icmpv6 "
    "addr-unreachable";

std::string with_rpfilter(const char* mode, const char* log_denied = "off") {
  auto config = stock_config();
  config.conf.ipv6_rpfilter = mode;
  config.conf.log_denied = log_denied;
  return compiled(config);
}

TEST(Firewalld2xRpfilter, YesTrueAndStrictGiveTheGoldenRuleset) {
  for (const char* strict : {"yes", "True", "strict", "STRICT"}) {
    EXPECT_EQ(with_rpfilter(strict), read_golden(golden_path("default"))) << strict;
  }
}

TEST(Firewalld2xRpfilter, LooseLeavesOutTheInterface) {
  std::string text = with_rpfilter("loose");
  EXPECT_EQ(chain_lines(text, "filter_PREROUTING"),
            (Lines{kNd, "meta nfproto ipv6 fib saddr . mark oif missing drop"}));
  EXPECT_EQ(chain_lines(text, "filter_FORWARD")[0], "ct state { established, related } accept");
}

TEST(Firewalld2xRpfilter, ForwardModesCheckOnlyForwardedPacketsFirstInFilterForward) {
  for (auto [mode, fib] : {std::pair{"strict-forward", "fib saddr . mark . iif"},
                           std::pair{"loose-forward", "fib saddr . mark"}}) {
    std::string text = with_rpfilter(mode);
    EXPECT_EQ(chain_lines(text, "filter_PREROUTING"), Lines{}) << mode;
    EXPECT_EQ(chain_lines(text, "filter_FORWARD"),
              (Lines{std::string("meta nfproto ipv6 ") + fib + " oif missing drop",
                     "ct state { established, related } accept", "ct status dnat accept",
                     "iifname \"lo\" accept", "ct state invalid drop", kRfc3964,
                     "jump filter_FORWARD_ZONES", "reject with icmpx admin-prohibited"}))
        << mode;
  }
}

TEST(Firewalld2xRpfilter, ForwardModeWithLogDeniedKeepsTheRfc3964RuleAfterTheInvalidDrop) {
  auto lines = chain_lines(with_rpfilter("loose-forward", "all"), "filter_FORWARD");
  ASSERT_EQ(lines.size(), 10u);
  EXPECT_EQ(lines[0],
            "meta nfproto ipv6 fib saddr . mark oif missing log prefix "
            "\"rpfilter_DROP: \" drop");
  EXPECT_EQ(lines[5], "ct state invalid drop");
  EXPECT_EQ(lines[6].rfind("ip6 daddr {", 0), 0u);
}

TEST(Firewalld2xRpfilter, NoLeavesNoRpfilterRule) {
  std::string text = with_rpfilter("no");
  EXPECT_EQ(chain_lines(text, "filter_PREROUTING"), Lines{});
  EXPECT_EQ(text.find("fib saddr"), std::string::npos);
}

// firewalld's src/tests/features/strict_forward_ports.at, on 1.3.3's chains.
model::Config strict_forward_config(const char* strict) {
  auto config = stock_config();
  config.conf.strict_forward_ports = strict;
  auto& pub = config.zones["public"].value;
  pub.forward_ports.push_back({"80", "tcp", "8080", "10.0.0.2"});
  pub.forward_ports.push_back({"1000-2000", "udp", "", "10.0.0.3"});
  pub.forward_ports.push_back({"12345", "tcp", "54321", ""});
  model::Policy to_host;  // ANY -> HOST: a redirect to the host
  to_host.ingress_zones = {"ANY"};
  to_host.egress_zones = {"HOST"};
  to_host.forward_ports.push_back({"2222", "tcp", "22", ""});
  config.policies["inputPolicy"].value = to_host;
  model::Policy from_host;  // HOST -> ANY: the host's own connections
  from_host.ingress_zones = {"HOST"};
  from_host.egress_zones = {"ANY"};
  from_host.forward_ports.push_back({"11111", "tcp", "22222", "10.20.20.1"});
  config.policies["outputPolicy"].value = from_host;
  return config;
}

TEST(Firewalld2xStrictForwardPorts, OffKeepsCtStatusDnatAccept) {
  std::string text = compiled(strict_forward_config("no"));
  EXPECT_EQ(chain_lines(text, "filter_FORWARD")[1], "ct status dnat accept");
  EXPECT_EQ(text.find("_dnat"), std::string::npos);
  EXPECT_EQ(text.find("proto-dst"), std::string::npos);
}

TEST(Firewalld2xStrictForwardPorts, OnAcceptsOnlyTheFirewallsOwnForwardPorts) {
  std::string text = compiled(strict_forward_config("yes"));
  EXPECT_EQ(chain_lines(text, "filter_INPUT")[1], "ct status dnat jump filter_INPUT_dnat");
  EXPECT_EQ(chain_lines(text, "filter_FORWARD")[1], "ct status dnat jump filter_FORWARD_dnat");
  EXPECT_EQ(chain_lines(text, "filter_INPUT_dnat"),
            (Lines{"ct original proto-dst 2222 accept", "ct original proto-dst 12345 accept",
                   "reject with icmpx admin-prohibited"}));
  EXPECT_EQ(chain_lines(text, "filter_FORWARD_dnat"),
            (Lines{"ct original proto-dst 1000-2000 accept", "ct original proto-dst 80 accept",
                   "reject with icmpx admin-prohibited"}));
  EXPECT_EQ(text.find("proto-dst 11111"), std::string::npos);  // HOST's own: filter_OUTPUT
}

TEST(Firewalld2xStrictForwardPorts, ARichRuleForwardPortCountsToo) {
  auto config = stock_config();
  config.conf.strict_forward_ports = "true";
  auto rule = model::parse_rich_rule(
      "rule family=ipv4 source address=10.0.0.0/8 forward-port port=3333 protocol=tcp "
      "to-port=4444 to-addr=10.222.222.222");
  ASSERT_TRUE(rule) << rule.error().message();
  config.zones["public"].value.rules.push_back(*rule);
  EXPECT_EQ(chain_lines(compiled(config), "filter_FORWARD_dnat"),
            (Lines{"ct original proto-dst 3333 accept", "reject with icmpx admin-prohibited"}));
}

// Rich-rule limit burst (firewalld 2.2): nft's "burst N packets", left out at nft's default 5.
TEST(Firewalld2xLimitBurst, GivesNftsBurst) {
  auto config = stock_config();
  for (const char* text : {"rule port port=80 protocol=tcp accept limit value=\"3/m\" burst=10",
                           "rule port port=81 protocol=tcp accept limit value=\"3/m\" burst=5",
                           "rule port port=82 protocol=tcp accept limit value=\"3/m\""}) {
    auto rule = model::parse_rich_rule(text);
    ASSERT_TRUE(rule) << rule.error().message();
    config.zones["public"].value.rules.push_back(*rule);
  }
  EXPECT_EQ(chain_lines(compiled(config), "filter_IN_public_allow"),
            (Lines{"tcp dport 22 accept", "ip6 daddr fe80::/64 udp dport 546 accept",
                   "tcp dport 80 limit rate 3/minute burst 10 packets accept",
                   "tcp dport 81 limit rate 3/minute accept",
                   "tcp dport 82 limit rate 3/minute accept"}));
}

}  // namespace
}  // namespace fwctl::compiler
