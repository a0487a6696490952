// firewalld 2.x's table-level features on the 1.3.3 layout: NftablesFlowtable (2.0) and
// NftablesTableOwner (2.2). Off by default, each leaves the golden ruleset as it is.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::golden_path;
using testing::read_golden;
using testing::stock_config;

Table compiled_table(const model::Config& config) {
  auto ruleset = compile(config, bindings_from_config(config));
  EXPECT_TRUE(ruleset) << (ruleset ? "" : ruleset.error().message());
  return ruleset ? ruleset->tables.at(0) : Table{};
}

std::vector<std::string> forward_rules(const Table& table) {
  std::vector<std::string> out;
  if (const Chain* chain = table.find_chain("filter_FORWARD")) {
    for (const auto& rule : chain->rules) out.push_back(to_text(rule));
  }
  return out;
}

const char* kFlowAdd =
    "ct state { established, related } meta l4proto { tcp, udp } flow add @fastpath";

TEST(Firewalld2xFlowtable, OffAndTableOwnerNoLeaveTheGoldenRuleset) {
  auto config = stock_config();
  config.conf.nftables_flowtable = "off";
  config.conf.nftables_table_owner = "no";
  EXPECT_EQ(to_text(compiled_table(config)), read_golden(golden_path("default")));
  EXPECT_TRUE(compiled_table(config).flowtables.empty());
}

// firewalld 2.x's build_default_rules: the flowtable, and the offload rule first in
// filter_FORWARD, before the established accept that would otherwise take the packet.
TEST(Firewalld2xFlowtable, AddsTheFlowtableAndTheOffloadRuleFirstInFilterForward) {
  auto config = stock_config();
  config.conf.nftables_flowtable = "eth0  eth1";
  Table table = compiled_table(config);
  ASSERT_EQ(table.flowtables.size(), 1u);
  EXPECT_EQ(table.flowtables[0], (Flowtable{"fastpath", "ingress", 10, {"eth0", "eth1"}}));
  auto rules = forward_rules(table);
  ASSERT_GE(rules.size(), 2u);
  EXPECT_EQ(rules[0], kFlowAdd);
  EXPECT_EQ(rules[1], "ct state { established, related } accept");
  std::string text = to_text(table);
  EXPECT_NE(text.find("\tflowtable fastpath {\n\t\thook ingress priority filter + 10\n"
                      "\t\tdevices = { eth0, eth1 }\n\t}\n\n\tchain mangle_PREROUTING {"),
            std::string::npos)
      << text;
  // Nothing else moves: the rest of filter_FORWARD is the golden's.
  auto plain = forward_rules(compiled_table(stock_config()));
  EXPECT_EQ(std::vector<std::string>(rules.begin() + 1, rules.end()), plain);
}

TEST(Firewalld2xFlowtable, ComesAfterAForwardRpfilterAndBeforeRfc3964sRule) {
  auto config = stock_config();
  config.conf.nftables_flowtable = "eth0";
  config.conf.ipv6_rpfilter = "strict-forward";
  auto rules = forward_rules(compiled_table(config));
  ASSERT_EQ(rules.size(), 9u);
  EXPECT_EQ(rules[0].rfind("meta nfproto ipv6 fib saddr", 0), 0u);
  EXPECT_EQ(rules[1], kFlowAdd);
  EXPECT_EQ(rules[5], "ct state invalid drop");
  EXPECT_EQ(rules[6].rfind("ip6 daddr {", 0), 0u);  // RFC3964_IPv4, after the invalid drop
}

TEST(Firewalld2xFlowtable, CountersCountTheOffloadRuleToo) {
  auto config = stock_config();
  config.conf.nftables_flowtable = "eth0";
  config.conf.nftables_counters = "yes";
  EXPECT_EQ(forward_rules(compiled_table(config))[0],
            "ct state { established, related } meta l4proto { tcp, udp } counter packets 0 "
            "bytes 0 flow add @fastpath");
}

TEST(Firewalld2xTableOwner, YesGivesTheOwnerAndPersistFlags) {
  for (const char* yes : {"yes", "True"}) {
    auto config = stock_config();
    config.conf.nftables_table_owner = yes;
    Table table = compiled_table(config);
    EXPECT_EQ(table.flags, (std::vector<std::string>{"owner", "persist"})) << yes;
    EXPECT_EQ(to_text(table).rfind("table inet firewalld {\n\tflags owner,persist\n\n\tchain ", 0),
              0u);
    // Only the table's flags differ from the golden.
    table.flags.clear();
    EXPECT_EQ(to_text(table), read_golden(golden_path("default")));
  }
}

}  // namespace
}  // namespace fwctl::compiler
