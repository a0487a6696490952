// Goldens for the elements of a zone: tests/golden/zone_elements*.etc/zones/public.xml built in
// code, compared with what firewalld 1.3.3 made of that file.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using model::RichActionType;
using model::RichRule;
using testing::compile_text;
using testing::golden_path;
using testing::pp;
using testing::read_golden;
using testing::stock_config;

RichRule rich(const std::string& family, const std::string& source = {}) {
  RichRule r;
  r.family = family;
  if (!source.empty()) r.source = model::RichSource{source, {}, {}, false};
  return r;
}

model::RichAction action(RichActionType type, std::string arg = {}) {
  model::RichAction a;
  a.type = type;
  if (type == RichActionType::Reject) a.reject_type = arg;
  if (type == RichActionType::Mark) a.mark_set = arg;
  return a;
}

std::vector<RichRule> public_rules() {
  std::vector<RichRule> rules;
  auto r = rich("ipv4", "10.2.0.0/16");
  r.element = model::RichService{"ssh"};
  r.log = model::RichLog{"SSH: ", "info", model::RichLimit{"3/m"}};
  r.action = action(RichActionType::Accept);
  rules.push_back(r);
  r = rich("ipv4", "10.5.0.0/16");
  r.action = action(RichActionType::Mark, "0x1/0xff");
  rules.push_back(r);
  r = rich("ipv4", "10.6.0.0/16");
  r.action = action(RichActionType::Mark, "0x2");
  rules.push_back(r);
  r = rich("");
  r.element = model::RichTcpMssClamp{};
  rules.push_back(r);
  r = rich("ipv6");
  r.priority = 5;
  r.destination = model::RichDestination{"fe80::1", {}, false};
  r.element = model::RichPort{"99", "udp"};
  r.audit = model::RichAudit{};
  r.action = action(RichActionType::Reject, "icmp6-adm-prohibited");
  rules.push_back(r);
  r = rich("ipv4", "10.8.0.1");
  r.log = model::RichLog{"warnlvl", "warning", {}};
  r.action = action(RichActionType::Reject, "icmp-host-prohibited");
  rules.push_back(r);
  r = rich("ipv4", "10.9.0.1");
  r.log = model::RichLog{};
  r.action = action(RichActionType::Reject, "tcp-reset");
  rules.push_back(r);
  return rules;
}

std::vector<RichRule> more_public_rules() {
  std::vector<RichRule> rules;
  auto r = rich("ipv4");
  r.element = model::RichForwardPort{"22", "tcp", "2222", "10.0.0.9"};
  rules.push_back(r);
  r = rich("ipv6");
  r.element = model::RichForwardPort{"22", "tcp", "2222", "fd00::9"};
  rules.push_back(r);
  r = rich("ipv4", "192.168.0.0/16");
  r.element = model::RichMasquerade{};
  rules.push_back(r);
  r = rich("");
  r.element = model::RichIcmpBlock{"echo-reply"};
  rules.push_back(r);
  r = rich("");
  r.element = model::RichIcmpType{"router-advertisement"};
  r.action = action(RichActionType::Accept);
  rules.push_back(r);
  r = rich("");
  r.element = model::RichProtocol{"igmp"};
  r.action = action(RichActionType::Accept);
  rules.push_back(r);
  r = rich("");
  r.element = model::RichSourcePort{"1000-1010", "sctp"};
  r.action = action(RichActionType::Accept);
  r.action->limit = model::RichLimit{"10/h"};
  rules.push_back(r);
  r = rich("ipv4", "1.2.3.4/8");
  r.element = model::RichPort{"5", "dccp"};
  r.action = action(RichActionType::Drop);
  rules.push_back(r);
  return rules;
}

// The configuration of tests/golden/zone_elements.etc.
model::Config zone_elements_config() {
  auto c = stock_config();
  auto& z = c.zones["public"].value;
  z.services = {"ssh", "dhcpv6-client", "ftp", "http"};
  z.ports = {pp("8080-8090", "tcp")};
  z.protocols = {"gre"};
  z.icmp_blocks = {"echo-request"};
  z.masquerade = true;
  z.forward_ports = {{"80", "tcp", "8080", ""}, {"443", "tcp", "8443", "10.0.0.2"}};
  z.source_ports = {pp("5000", "udp")};
  z.rules = public_rules();
  for (auto& r : more_public_rules()) z.rules.push_back(r);
  z.interfaces = {"eth0"};
  z.sources = {{"10.1.0.0/16", {}, {}}, {{}, {}, "foo"}};
  c.ipsets["foo"].value.type = "hash:ip";
  c.ipsets["foo"].value.entries = {"10.0.0.1", "192.168.0.0/24"};
  c.ipsets["bar"].value.type = "hash:net,port";
  c.ipsets["bar"].value.options = {{"family", "inet6"}, {"maxelem", "100"}, {"timeout", "60"}};
  return c;
}

TEST(CompilerZone, EveryZoneElementCompilesLikeFirewalld) {
  auto config = zone_elements_config();
  EXPECT_EQ(compile_text(config, bindings_from_config(config)),
            read_golden(golden_path("zone_elements")));
}

TEST(CompilerZone, LogDeniedUnicastAddsFirewalldsLogRules) {
  auto config = zone_elements_config();
  config.conf.log_denied = "unicast";
  EXPECT_EQ(compile_text(config, bindings_from_config(config)),
            read_golden(golden_path("zone_elements_log_denied")));
}

// firewall-cmd --zone=trusted --add-interface=+ (firewall-cmd.at:159): the catch-all interface
// dispatches every packet with a bare goto and adds no forward rule (nft refuses oifname "*").
TEST(CompilerZone, CatchAllInterfaceDispatchesWithoutMatchOrForwardRule) {
  auto config = stock_config();
  RuntimeBindings bindings;
  bindings.interfaces["trusted"] = {"+"};
  auto text = compile_text(config, bindings);
  EXPECT_NE(text.find("\t\tgoto filter_IN_trusted\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("\"*\""), std::string::npos) << text;
  EXPECT_EQ(text.find("oifname \"*"), std::string::npos) << text;
}

}  // namespace
}  // namespace fwctl::compiler
