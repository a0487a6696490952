// firewalld 2.0's zone priorities and 2.4's policy disable flag on the 1.3.3 layout: a zone's
// ingress priority orders its dispatch rules in the ingress _ZONES chains, its egress priority
// in nat_POSTROUTING_ZONES (firewalld's src/tests/features/zone_priority.at and
// policy_disable.at, on 1.3.3's chains). At 0 and false the ruleset is the golden.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::compile_text;
using testing::golden_path;
using testing::read_golden;
using testing::stock_config;
using PrioLines = std::vector<std::string>;

// The rules of `chain`, without indentation.
PrioLines prio_chain(const std::string& text, const std::string& chain) {
  PrioLines lines;
  size_t at = text.find("\tchain " + chain + " {\n");
  if (at == std::string::npos) return lines;
  at = text.find('\n', at) + 1;
  for (size_t end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
    std::string line = text.substr(at, end - at);
    line.erase(0, line.find_first_not_of('\t'));
    if (line == "}") break;
    if (line.rfind("type ", 0) == 0) continue;
    lines.push_back(line);
  }
  return lines;
}

// Zones a (source 10.0.0.0/8), b (source 10.1.0.0/16) and c (interface eth1), public default.
model::Config overlapping() {
  model::Config config = stock_config();
  config.conf.default_zone = "public";
  for (const char* name : {"a", "b", "c"}) config.zones[name].value.info.name = name;
  config.zones["a"].value.sources = {model::ZoneSource{"10.0.0.0/8", "", ""}};
  config.zones["b"].value.sources = {model::ZoneSource{"10.1.0.0/16", "", ""}};
  config.zones["c"].value.interfaces = {"eth1"};
  return config;
}

std::string prio_compiled(const model::Config& config) {
  return compile_text(config, bindings_from_config(config));
}

TEST(ZonePriority, ZeroKeepsFirewalld133Order) {
  std::string text = prio_compiled(overlapping());
  EXPECT_EQ(
      prio_chain(text, "filter_INPUT_ZONES"),
      (PrioLines{"ip saddr 10.0.0.0/8 goto filter_IN_a", "ip saddr 10.1.0.0/16 goto filter_IN_b",
                 "iifname \"eth1\" goto filter_IN_c", "goto filter_IN_public"}));
}

TEST(ZonePriority, LowerIngressPriorityIsClassifiedFirst) {
  model::Config config = overlapping();
  config.zones["b"].value.ingress_priority = -10;
  config.zones["c"].value.ingress_priority = -20;
  std::string text = prio_compiled(config);
  PrioLines want{"iifname \"eth1\" goto filter_IN_c", "ip saddr 10.1.0.0/16 goto filter_IN_b",
                 "ip saddr 10.0.0.0/8 goto filter_IN_a", "goto filter_IN_public"};
  EXPECT_EQ(prio_chain(text, "filter_INPUT_ZONES"), want);
  EXPECT_EQ(prio_chain(text, "filter_FORWARD_ZONES")[0], "iifname \"eth1\" goto filter_FWD_c");
  EXPECT_EQ(prio_chain(text, "nat_PREROUTING_ZONES")[1], "ip saddr 10.1.0.0/16 goto nat_PRE_b");
  // The egress side keeps 1.3.3's order: only the egress priority moves it.
  EXPECT_EQ(prio_chain(text, "nat_POSTROUTING_ZONES")[0], "ip daddr 10.0.0.0/8 goto nat_POST_a");
}

TEST(ZonePriority, EgressPriorityOrdersPostrouting) {
  model::Config config = overlapping();
  config.zones["b"].value.egress_priority = -1;
  std::string text = prio_compiled(config);
  EXPECT_EQ(prio_chain(text, "nat_POSTROUTING_ZONES")[0], "ip daddr 10.1.0.0/16 goto nat_POST_b");
  EXPECT_EQ(prio_chain(text, "filter_INPUT_ZONES")[0], "ip saddr 10.0.0.0/8 goto filter_IN_a");
}

TEST(ZonePriority, HigherPriorityStaysBeforeTheDefaultZone) {
  model::Config config = overlapping();
  config.zones["a"].value.ingress_priority = 32767;
  PrioLines lines = prio_chain(prio_compiled(config), "filter_INPUT_ZONES");
  EXPECT_EQ(lines[2], "ip saddr 10.0.0.0/8 goto filter_IN_a");
  EXPECT_EQ(lines.back(), "goto filter_IN_public");
}

TEST(ZonePriority, StockConfigurationStaysTheGolden) {
  model::Config config = stock_config();
  for (auto& [name, zone] : config.zones) EXPECT_EQ(zone.value.ingress_priority, 0) << name;
  EXPECT_EQ(prio_compiled(config), read_golden(golden_path("default")));
}

TEST(PolicyDisable, ADisabledPolicyCompilesToNothing) {
  model::Config config = stock_config();
  std::string enabled = prio_compiled(config);
  ASSERT_NE(enabled.find("allow-host-ipv6"), std::string::npos);
  config.policies["allow-host-ipv6"].value.disable = true;
  std::string disabled = prio_compiled(config);
  EXPECT_EQ(disabled.find("allow-host-ipv6"), std::string::npos);
  config.policies["allow-host-ipv6"].value.disable = false;
  EXPECT_EQ(prio_compiled(config), enabled);
}

}  // namespace
}  // namespace fwctl::compiler
