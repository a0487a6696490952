// check_service(), check_ipset(), check_icmptype(), check_helper() and the small value checks
// of validate.hpp. Codes and details are firewalld 1.3.3's for the same settings.

#include "model/validate.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace fwctl::model {
namespace {

template <typename T>
struct BadItem {
  std::string_view what;
  std::function<void(T&)> change;
  Code code;
  std::string detail;
};

template <typename T>
void expect_refused(const BadItem<T>& c, T item, Status (*check)(const T&)) {
  c.change(item);
  auto status = check(item);
  ASSERT_FALSE(status) << c.what;
  EXPECT_EQ(status.error().code, c.code) << c.what;
  EXPECT_EQ(status.error().detail, c.detail) << c.what;
}

TEST(ZoneTarget, AcceptsFirewalldsFiveSpellings) {
  for (std::string_view t : {"default", "ACCEPT", "DROP", "%%REJECT%%", "{chain}_{zone}"}) {
    EXPECT_TRUE(check_zone_target(t)) << t;
  }
}

TEST(ZoneTarget, RefusesRejectAndPolicyTargets) {
  for (std::string_view t : {"REJECT", "CONTINUE", "", "accept", "%%REJECT"}) {
    auto status = check_zone_target(t);
    ASSERT_FALSE(status) << t;
    EXPECT_EQ(status.error(), (Error{Code::INVALID_TARGET, std::string(t), {}, 0}));
  }
}

TEST(PolicyTarget, AcceptsTheFourPolicyTargets) {
  for (std::string_view t : {"CONTINUE", "ACCEPT", "DROP", "REJECT"}) {
    EXPECT_TRUE(check_policy_target(t)) << t;
  }
  for (std::string_view t : {"%%REJECT%%", "default", "", "continue"}) {
    auto status = check_policy_target(t);
    ASSERT_FALSE(status) << t;
    EXPECT_EQ(status.error(), (Error{Code::INVALID_TARGET, std::string(t), {}, 0}));
  }
}

TEST(PolicyPriority, AcceptsSixteenBitValuesExceptZero) {
  for (int p : {-32768, -1, 1, 32767}) EXPECT_TRUE(check_policy_priority(p)) << p;
  for (int p : {0, 32768, -32769, 100000}) {
    auto status = check_policy_priority(p);
    ASSERT_FALSE(status) << p;
    EXPECT_EQ(status.error().code, Code::INVALID_PRIORITY);
    EXPECT_EQ(status.error().detail,
              std::to_string(p) +
                  " is invalid priority. Must be in range [-32768, 32767]. The "
                  "following are reserved: [0]");
  }
}

TEST(ForwardPort, NamesItsOwnerOnlyWhereFirewalldDoes) {
  auto status = check_forward_port({"80", "tcp", "", ""});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().detail, "'('80', 'tcp', '', '')' is missing to-port AND to-addr ");
  status = check_forward_port({"80", "tcp", "", "1.2.3.4/32"}, "Zone 'x'");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().detail, "Zone 'x': to-addr '1.2.3.4/32' is not a valid address");
  status = check_forward_port({"80", "tcp", "99999", ""}, "Zone 'x'");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().detail, "port number in '99999' is too big");
}

TEST(ServiceModule, ShortensConntrackNamesLikeFirewalld) {
  EXPECT_EQ(normalize_service_module("nf_conntrack_ftp"), "ftp");
  EXPECT_EQ(normalize_service_module("nf_conntrack_netbios_ns"), "netbios-ns");
  EXPECT_EQ(normalize_service_module("nf_conntrack_"), "");
  EXPECT_EQ(normalize_service_module("ftp"), "ftp");
  EXPECT_EQ(normalize_service_module("my_module"), "my_module");
}

Service make_service() {
  Service service;
  service.info.name = "svc";
  return service;
}

TEST(ServiceCheck, AcceptsEveryKindOfSetting) {
  Service service = make_service();
  service.ports = {{"", "gre"}, {"80", "tcp"}, {"ssh-http", "udp"}};
  service.modules = {"nf_conntrack_ftp", "ftp", "nf_conntrack_netbios_ns", "nf_conntrack_a_"};
  service.destination_ipv4 = "224.0.0.251";
  service.destination_ipv6 = "ff02::fb/16";
  service.protocols = {"igmp"};
  service.source_ports = {{"68", "udp"}};
  service.includes = {"no-such-service"};  // a reference, checked with the whole config
  service.helpers = {"no-such-helper"};
  EXPECT_TRUE(check_service(service));
}

TEST(ServiceCheck, RefusesEachBadFieldWithFirewalldsDetail) {
  const BadItem<Service> cases[] = {
      {"name", [](Service& s) { s.info.name = "my/svc"; }, Code::INVALID_NAME,
       "'/' is not allowed in 'my/svc'"},
      {"port-less protocol",
       [](Service& s) {
         s.ports = {{"", "foo"}};
       },
       Code::INVALID_PROTOCOL, "foo"},
      {"port protocol",
       [](Service& s) {
         s.ports = {{"80", "icmp"}};
       },
       Code::INVALID_PROTOCOL, "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}"},
      {"port",
       [](Service& s) {
         s.ports = {{"80-90-100", "tcp"}};
       },
       Code::INVALID_PORT, "'80-90-100' is invalid port range"},
      {"module prefix only", [](Service& s) { s.modules = {"nf_conntrack_"}; },
       Code::INVALID_MODULE, ""},
      {"module one letter", [](Service& s) { s.modules = {"x"}; }, Code::INVALID_MODULE, "x"},
      {"short module", [](Service& s) { s.modules = {"nf_conntrack_x"}; }, Code::INVALID_MODULE,
       "x"},
      {"ipv4 destination", [](Service& s) { s.destination_ipv4 = "::1"; }, Code::INVALID_ADDR,
       "'::1' is not valid ipv4 address"},
      {"ipv6 destination", [](Service& s) { s.destination_ipv6 = "1.2.3.4"; }, Code::INVALID_ADDR,
       "'1.2.3.4' is not valid ipv6 address"},
      {"protocol", [](Service& s) { s.protocols = {"foo"}; }, Code::INVALID_PROTOCOL, "foo"},
      {"source port",
       [](Service& s) {
         s.source_ports = {{"1-65536", "udp"}};
       },
       Code::INVALID_PORT, "'1-65536' is invalid port range"},
  };
  for (const auto& c : cases) expect_refused(c, make_service(), check_service);
}

IpSet make_ipset() {
  IpSet ipset;
  ipset.info.name = "my-set:v4.1";
  ipset.type = "hash:ip";
  return ipset;
}

TEST(IpSetCheck, AcceptsAFullSet) {
  IpSet ipset = make_ipset();
  ipset.options = {
      {"family", "inet"}, {"hashsize", "1024"}, {"maxelem", "65536"}, {"timeout", "0"}};
  ipset.entries = {"1.2.3.4", "10.0.0.0/8", "1.2.3.4-1.2.3.9"};
  EXPECT_TRUE(check_ipset(ipset));
  ipset.options.back().second = "600";
  ipset.entries.clear();
  EXPECT_TRUE(check_ipset(ipset));
}

TEST(IpSetCheck, RefusesEachBadFieldWithFirewalldsDetail) {
  const BadItem<IpSet> cases[] = {
      {"name", [](IpSet& s) { s.info.name = "a b"; }, Code::INVALID_NAME,
       "' ' is not allowed in 'a b'"},
      {"type", [](IpSet& s) { s.type = "hash:foo"; }, Code::INVALID_TYPE,
       "'hash:foo' is not valid ipset type"},
      {"option",
       [](IpSet& s) {
         s.options = {{"comment", ""}};
       },
       Code::INVALID_OPTION, "Unknown option 'comment'"},
      {"family",
       [](IpSet& s) {
         s.options = {{"family", "ipv6"}};
       },
       Code::INVALID_FAMILY, "ipv6"},
      {"timeout with entries",
       [](IpSet& s) {
         s.options = {{"timeout", "5"}};
         s.entries = {"1.2.3.4"};
       },
       Code::IPSET_WITH_TIMEOUT, "my-set:v4.1"},
      {"entry",
       [](IpSet& s) {
         s.entries = {"1.2.3.4", "1.2.3"};
       },
       Code::INVALID_ENTRY, "invalid address '1.2.3' in '1.2.3' for hash:ip (ipv4)"},
  };
  for (const auto& c : cases) expect_refused(c, make_ipset(), check_ipset);
}

TEST(IcmpTypeCheck, AcceptsIpv4AndIpv6Destinations) {
  IcmpType icmptype;
  icmptype.info.name = "echo-request";
  EXPECT_TRUE(check_icmptype(icmptype));
  icmptype.destinations = {"ipv4", "ipv6"};
  EXPECT_TRUE(check_icmptype(icmptype));
}

TEST(IcmpTypeCheck, RefusesOtherDestinationsAndBadNames) {
  IcmpType base;
  base.info.name = "echo-request";
  const BadItem<IcmpType> cases[] = {
      {"ipv5", [](IcmpType& t) { t.destinations = {"ipv5"}; }, Code::INVALID_DESTINATION,
       "'ipv5' not from {'ipv4'|'ipv6'}"},
      {"empty",
       [](IcmpType& t) {
         t.destinations = {"ipv4", ""};
       },
       Code::INVALID_DESTINATION, "'' not from {'ipv4'|'ipv6'}"},
      {"name", [](IcmpType& t) { t.info.name = "echo.request"; }, Code::INVALID_NAME,
       "'.' is not allowed in 'echo.request'"},
  };
  for (const auto& c : cases) expect_refused(c, base, check_icmptype);
}

Helper make_helper() {
  Helper helper;
  helper.info.name = "Q.931";
  helper.module = "nf_conntrack_h323";
  return helper;
}

TEST(HelperCheck, AcceptsFamiliesModulesAndPorts) {
  for (std::string_view family : {"", "ipv4", "ipv6"}) {
    Helper helper = make_helper();
    helper.family = family;
    helper.ports = {{"1720", "tcp"}};
    EXPECT_TRUE(check_helper(helper)) << family;
  }
}

TEST(HelperCheck, RefusesEachBadFieldWithFirewalldsDetail) {
  const BadItem<Helper> cases[] = {
      {"name", [](Helper& h) { h.info.name = "my_helper"; }, Code::INVALID_NAME,
       "'_' is not allowed in 'my_helper'"},
      {"family", [](Helper& h) { h.family = "ipv5"; }, Code::INVALID_IPV,
       "'ipv5' not in '['ipv4', 'ipv6']'"},
      {"module prefix", [](Helper& h) { h.module = "ftp"; }, Code::INVALID_MODULE,
       "'ftp' does not start with 'nf_conntrack_'"},
      {"empty module", [](Helper& h) { h.module = ""; }, Code::INVALID_MODULE,
       "'' does not start with 'nf_conntrack_'"},
      {"bare prefix", [](Helper& h) { h.module = "nf_conntrack_"; }, Code::INVALID_MODULE,
       "Module name 'nf_conntrack_' too short"},
      {"doubled prefix", [](Helper& h) { h.module = "nf_conntrack_nf_conntrack_"; },
       Code::INVALID_MODULE, "Module name 'nf_conntrack_nf_conntrack_' too short"},
      {"port protocol",
       [](Helper& h) {
         h.ports = {{"21", "icmp"}};
       },
       Code::INVALID_PROTOCOL, "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}"},
      {"port",
       [](Helper& h) {
         h.ports = {{"", "tcp"}};
       },
       Code::INVALID_PORT, "'' is invalid port range"},
  };
  for (const auto& c : cases) expect_refused(c, make_helper(), check_helper);
}

}  // namespace
}  // namespace fwctl::model
