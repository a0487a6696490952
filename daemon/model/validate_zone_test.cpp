// check_zone() and check_policy(). Every code and detail is what firewalld 1.3.3's
// Zone/Policy.check_name() and check_config_dict() say about the same settings.

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "model/validate.hpp"

namespace fwctl::model {
namespace {

Zone make_zone() {
  Zone zone;
  zone.info.name = "public";
  return zone;
}

Policy make_policy() {
  Policy policy;
  policy.info.name = "p";
  return policy;
}

RichRule rule_with(RichElement element) {
  RichRule rule;
  rule.family = "ipv4";
  rule.element = std::move(element);
  return rule;
}

template <typename T>
struct BadZone {
  std::string_view what;
  std::function<void(T&)> change;
  Code code;
  std::string detail;
};

template <typename T>
void expect_refused(const BadZone<T>& c, T item, Status (*check)(const T&)) {
  c.change(item);
  auto status = check(item);
  ASSERT_FALSE(status) << c.what;
  EXPECT_EQ(status.error().code, c.code) << c.what;
  EXPECT_EQ(status.error().detail, c.detail) << c.what;
}

TEST(ZoneCheck, AcceptsEveryKindOfSetting) {
  Zone zone = make_zone();
  zone.target = "%%REJECT%%";
  zone.interfaces = {"eth0", "wlan+"};
  zone.sources = {{"10.0.0.0/8", "", ""},          {"::/0", "", ""},
                  {"", "00:11:22:33:44:55", ""},   {"", "", "foo"},
                  {"1.2.3.4/255.255.0.0", "", ""}, {"00:11:22:33:44:66", "", ""}};
  zone.services = {"ssh", "no-such-service"};  // existence is a reference, not checked here
  zone.ports = {{"22", "tcp"}, {"60000-61000", "udp"}, {"http", "sctp"}, {"0", "dccp"}};
  zone.protocols = {"gre", "47", "IPSEC-ESP"};
  zone.icmp_blocks = {"echo-request", "no-such-type"};
  zone.forward_ports = {{"22", "tcp", "2222", ""},
                        {"80", "tcp", "", "10.0.0.1"},
                        {"80", "tcp", "", "::1"},
                        {"80", "tcp", "", "[::1]"},
                        {"80", "tcp", "http", "10.0.0.1"}};
  zone.source_ports = {{"1024-65535", "tcp"}};
  zone.rules = {rule_with(RichService{"ssh"})};
  zone.rules.front().action = RichAction{};
  auto status = check_zone(zone);
  EXPECT_TRUE(status) << (status ? "" : status.error().message());
}

TEST(ZoneCheck, AcceptsEveryZoneTarget) {
  for (std::string_view target : {"default", "ACCEPT", "DROP", "%%REJECT%%", "{chain}_{zone}"}) {
    Zone zone = make_zone();
    zone.target = target;
    EXPECT_TRUE(check_zone(zone)) << target;
  }
}

TEST(ZoneCheck, RefusesEachBadFieldWithFirewalldsDetail) {
  using F = ForwardPort;
  const BadZone<Zone> cases[] = {
      {"empty name", [](Zone& z) { z.info.name = ""; }, Code::INVALID_NAME, "name can't be empty"},
      {"blank in name", [](Zone& z) { z.info.name = "my zone"; }, Code::INVALID_NAME,
       "' ' is not allowed in 'my zone'"},
      {"long name", [](Zone& z) { z.info.name = std::string(18, 'a'); }, Code::INVALID_NAME,
       "Zone 'aaaaaaaaaaaaaaaaaa': name has 18 chars, max is 17"},
      {"REJECT target", [](Zone& z) { z.target = "REJECT"; }, Code::INVALID_TARGET,
       "Zone 'public': invalid target 'REJECT'"},
      {"empty target", [](Zone& z) { z.target = ""; }, Code::INVALID_TARGET,
       "Zone 'public': invalid target ''"},
      {"policy target", [](Zone& z) { z.target = "CONTINUE"; }, Code::INVALID_TARGET,
       "Zone 'public': invalid target 'CONTINUE'"},
      {"port too big",
       [](Zone& z) {
         z.ports = {{"65536", "tcp"}};
       },
       Code::INVALID_PORT, "port number in '65536' is too big"},
      {"port protocol",
       [](Zone& z) {
         z.ports = {{"80", "icmp"}};
       },
       Code::INVALID_PROTOCOL, "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}"},
      {"forward port nowhere",
       [](Zone& z) {
         z.forward_ports = {F{"80", "tcp", "", ""}};
       },
       Code::INVALID_FORWARD,
       "Zone 'public': '('80', 'tcp', '', '')' is missing to-port AND to-addr "},
      {"forward to-port",
       [](Zone& z) {
         z.forward_ports = {F{"80", "tcp", "70000", ""}};
       },
       Code::INVALID_PORT, "port number in '70000' is too big"},
      {"forward to-addr",
       [](Zone& z) {
         z.forward_ports = {F{"80", "tcp", "", "10.0.0.0/8"}};
       },
       Code::INVALID_ADDR, "Zone 'public': to-addr '10.0.0.0/8' is not a valid address"},
      {"forward protocol",
       [](Zone& z) {
         z.forward_ports = {F{"80", "icmp", "81", ""}};
       },
       Code::INVALID_PROTOCOL, "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}"},
      {"forward port",
       [](Zone& z) {
         z.forward_ports = {F{"0x50", "tcp", "81", ""}};
       },
       Code::INVALID_PORT, "'0x50' is invalid port range"},
      {"interface", [](Zone& z) { z.interfaces = {"eth 0"}; }, Code::INVALID_INTERFACE,
       "Zone 'public': invalid interface 'eth 0'"},
      {"empty interface", [](Zone& z) { z.interfaces = {""}; }, Code::INVALID_INTERFACE,
       "Zone 'public': invalid interface ''"},
      {"source",
       [](Zone& z) {
         z.sources = {{"10.0.0.0/33", "", ""}};
       },
       Code::INVALID_ADDR, "Zone 'public': invalid source '10.0.0.0/33'"},
      {"empty source", [](Zone& z) { z.sources = {{}}; }, Code::INVALID_ADDR,
       "Zone 'public': invalid source ''"},
      {"mac source",
       [](Zone& z) {
         z.sources = {{"", "00-11-22-33-44-55", ""}};
       },
       Code::INVALID_ADDR, "Zone 'public': invalid source '00-11-22-33-44-55'"},
      {"rich rule",
       [](Zone& z) {
         z.rules = {rule_with(RichService{"ssh"})};
         z.rules[0].family = "ipv5";
       },
       Code::INVALID_FAMILY, "ipv5"},
      {"protocol", [](Zone& z) { z.protocols = {"foo"}; }, Code::INVALID_PROTOCOL, "foo"},
      {"source port",
       [](Zone& z) {
         z.source_ports = {{"abc", "tcp"}};
       },
       Code::INVALID_PORT, "'abc' is invalid port range"},
  };
  for (const auto& c : cases) expect_refused(c, make_zone(), check_zone);
}

TEST(PolicyCheck, AcceptsTheZoneCombinationsFirewalldAllows) {
  const std::function<void(Policy&)> cases[] = {
      [](Policy&) {},
      [](Policy& p) {
        p.ingress_zones = {"public", "work"};
        p.egress_zones = {"HOST"};
      },
      [](Policy& p) {
        p.ingress_zones = {"ANY"};
        p.egress_zones = {"ANY"};
      },
      [](Policy& p) {
        p.ingress_zones = {"ANY", "ANY"};
      },
      [](Policy& p) {
        p.masquerade = true;
        p.ingress_zones = {"public"};
        p.egress_zones = {"ANY"};
      },
      [](Policy& p) {
        p.forward_ports = {{"80", "tcp", "", "10.0.0.1"}};
        p.egress_zones = {"ANY"};
      },
      [](Policy& p) {
        p.forward_ports = {{"80", "tcp", "8080", ""}};
        p.egress_zones = {"HOST"};
      },
      [](Policy& p) {
        p.forward_ports = {{"80", "tcp", "8080", ""}};
      },
      [](Policy& p) {
        p.priority = 32767;
        p.target = "ACCEPT";
      },
      [](Policy& p) {
        p.priority = -32768;
        p.target = "REJECT";
      },
      [](Policy& p) {
        p.target = "DROP";
        p.services = {"no-such-service"};
      },
      // firewalld skips a priority of 0 as unset when it checks a loaded policy.
      [](Policy& p) { p.priority = 0; },
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    Policy policy = make_policy();
    cases[i](policy);
    auto status = check_policy(policy);
    EXPECT_TRUE(status) << "case " << i << ": " << (status ? "" : status.error().message());
  }
}

TEST(PolicyCheck, RefusesEachBadSettingWithFirewalldsDetail) {
  RichRule masquerade = rule_with(RichMasquerade{});
  RichRule forward_to_addr = rule_with(RichForwardPort{"80", "tcp", "", "10.0.0.1"});
  RichRule forward_to_port = rule_with(RichForwardPort{"80", "tcp", "81", ""});
  const std::string priority_rule =
      " is invalid priority. Must be in range [-32768, 32767]. The following are reserved: [0]";
  const BadZone<Policy> cases[] = {
      {"nested name", [](Policy& p) { p.info.name = "a/b/c"; }, Code::INVALID_NAME,
       "Policy 'a/b/c': name has more than one '/'"},
      {"long name", [](Policy& p) { p.info.name = std::string(19, 'a'); }, Code::INVALID_NAME,
       "Policy 'aaaaaaaaaaaaaaaaaaa': name has 19 chars, max is 18"},
      {"zone target", [](Policy& p) { p.target = "%%REJECT%%"; }, Code::INVALID_TARGET,
       "Policy 'p': '%%REJECT%%' is invalid target"},
      {"priority high", [](Policy& p) { p.priority = 32768; }, Code::INVALID_PRIORITY,
       "Policy 'p': 32768" + priority_rule},
      {"priority low", [](Policy& p) { p.priority = -32769; }, Code::INVALID_PRIORITY,
       "Policy 'p': -32769" + priority_rule},
      {"ANY with a zone",
       [](Policy& p) {
         p.ingress_zones = {"ANY", "public"};
       },
       Code::INVALID_ZONE,
       "Policy 'p': 'ingress_zones' may only contain one of: many regular zones, ANY, or HOST"},
      {"HOST with ANY",
       [](Policy& p) {
         p.egress_zones = {"HOST", "ANY"};
       },
       Code::INVALID_ZONE,
       "Policy 'p': 'egress_zones' may only contain one of: many regular zones, ANY, or HOST"},
      {"HOST both sides",
       [](Policy& p) {
         p.ingress_zones = {"HOST"};
         p.egress_zones = {"HOST"};
       },
       Code::INVALID_ZONE,
       "Policy 'p': 'HOST' can only appear in either ingress or egress zones, but not both"},
      {"masquerade to HOST",
       [](Policy& p) {
         p.masquerade = true;
         p.egress_zones = {"HOST"};
         p.ingress_zones = {"public"};
       },
       Code::INVALID_ZONE, "Policy 'p': 'masquerade' is invalid for egress zone 'HOST'"},
      {"masquerade from HOST",
       [](Policy& p) {
         p.masquerade = true;
         p.ingress_zones = {"HOST"};
         p.egress_zones = {"public"};
       },
       Code::INVALID_ZONE, "Policy 'p': 'masquerade' is invalid for ingress zone 'HOST'"},
      {"forward to-addr to HOST",
       [](Policy& p) {
         p.forward_ports = {{"80", "tcp", "", "10.0.0.1"}};
         p.egress_zones = {"HOST"};
       },
       Code::INVALID_FORWARD,
       "Policy 'p': A 'forward-port' with 'to-addr' is invalid for egress zone 'HOST'"},
      {"forward without to-addr",
       [](Policy& p) {
         p.forward_ports = {{"80", "tcp", "8080", ""}};
         p.egress_zones = {"public"};
       },
       Code::INVALID_FORWARD,
       "Policy 'p': 'forward-port' requires 'to-addr' if egress zone is 'ANY' or a zone"},
      {"forward nowhere",
       [](Policy& p) {
         p.forward_ports = {{"80", "tcp", "", ""}};
       },
       Code::INVALID_FORWARD,
       "Policy 'p': '('80', 'tcp', '', '')' is missing to-port AND to-addr "},
      {"rich masquerade to HOST",
       [&](Policy& p) {
         p.rules = {masquerade};
         p.egress_zones = {"HOST"};
       },
       Code::INVALID_ZONE, "Policy 'p': 'masquerade' is invalid for egress zone 'HOST'"},
      {"rich forward to-addr to HOST",
       [&](Policy& p) {
         p.rules = {forward_to_addr};
         p.egress_zones = {"HOST"};
       },
       Code::INVALID_FORWARD,
       "Policy 'p': A 'forward-port' with 'to-addr' is invalid for egress zone 'HOST'"},
      {"rich forward without to-addr",
       [&](Policy& p) {
         p.rules = {forward_to_port};
         p.egress_zones = {"ANY"};
       },
       Code::INVALID_FORWARD,
       "Policy 'p': 'forward-port' requires 'to-addr' if egress zone is 'ANY' or a zone"},
      {"port protocol",
       [](Policy& p) {
         p.ports = {{"80", "icmp"}};
       },
       Code::INVALID_PROTOCOL, "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}"},
      {"source port",
       [](Policy& p) {
         p.source_ports = {{"abc", "tcp"}};
       },
       Code::INVALID_PORT, "'abc' is invalid port range"},
      {"protocol", [](Policy& p) { p.protocols = {"foo"}; }, Code::INVALID_PROTOCOL, "foo"},
  };
  for (const auto& c : cases) expect_refused(c, make_policy(), check_policy);
}

}  // namespace
}  // namespace fwctl::model
