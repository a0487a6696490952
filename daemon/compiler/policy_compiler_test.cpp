// Goldens for several active zones (targets, ICMP block inversion, interface and source
// dispatch order) and real policies: tests/golden/zones_and_policies.etc built in code.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::compile_text;
using testing::golden_path;
using testing::pp;
using testing::read_golden;
using testing::stock_config;

model::Config zones_and_policies_config() {
  auto c = stock_config();
  c.conf.default_zone = "home";
  c.conf.log_denied = "all";
  c.zones["trusted"].value.interfaces = {"eth1"};
  auto& drop = c.zones["drop"].value;
  drop.sources = {{"192.168.5.0/24", {}, {}}};
  drop.icmp_block_inversion = true;
  auto& internal = c.zones["internal"].value;
  internal.interfaces = {"eth2", "eth3"};
  internal.sources = {{"fd00::/64", {}, {}}};
  internal.icmp_block_inversion = true;
  internal.icmp_blocks = {"echo-request"};
  c.zones["block"].value.sources = {{"10.0.0.0/8", {}, {}}};

  auto& fwd = c.policies["fwd"].value;
  fwd.target = "ACCEPT";
  fwd.priority = 100;
  fwd.ingress_zones = {"internal"};
  fwd.egress_zones = {"trusted"};
  fwd.services = {"http"};
  auto& out = c.policies["out"].value;
  out.target = "REJECT";
  out.priority = -10;
  out.ingress_zones = {"HOST"};
  out.egress_zones = {"ANY"};
  out.ports = {pp("25", "tcp")};
  return c;
}

TEST(CompilerPolicy, ZonesTargetsAndPoliciesCompileLikeFirewalld) {
  auto config = zones_and_policies_config();
  EXPECT_EQ(compile_text(config, bindings_from_config(config)),
            read_golden(golden_path("zones_and_policies")));
}

TEST(CompilerPolicy, PolicyWithAnInactiveZoneIsNotApplied) {
  auto config = stock_config();
  auto& p = config.policies["idle"].value;
  p.ingress_zones = {"internal"};  // no interface or source: not active
  p.egress_zones = {"HOST"};
  auto text = compile_text(config, bindings_from_config(config));
  EXPECT_EQ(text.find("policy_idle"), std::string::npos);
}

}  // namespace
}  // namespace fwctl::compiler
