// check_references(): problems between items, worded as firewalld 1.3.3 words them.

#include "model/config_check.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace fwctl::model {
namespace {

template <typename T>
void put(std::map<std::string, Item<T>>& items, const std::string& name, T value = {}) {
  value.info.name = name;
  items[name] = Item<T>{std::move(value), Origin::Default, "/etc/firewalld/" + name + ".xml"};
}

IcmpType icmptype_for(std::vector<std::string> destinations) {
  IcmpType icmptype;
  icmptype.destinations = std::move(destinations);
  return icmptype;
}

IpSet ipset_of(std::string type) {
  IpSet ipset;
  ipset.type = std::move(type);
  return ipset;
}

// A small consistent configuration; every test breaks one thing in it.
Config base_config() {
  Config config;
  for (const char* zone : {"block", "drop", "trusted", "public", "work"}) put(config.zones, zone);
  for (const char* service : {"ssh", "ftp"}) put(config.services, service);
  put(config.helpers, "ftp");
  put(config.icmptypes, "echo-request", icmptype_for({}));
  put(config.icmptypes, "neighbour-solicitation", icmptype_for({"ipv6"}));
  put(config.ipsets, "v4set", ipset_of("hash:ip"));
  put(config.ipsets, "pairs", ipset_of("hash:net,net"));
  put(config.policies, "to-host");
  return config;
}

Error error(Code code, std::string detail, std::string file = {}) {
  return Error{code, std::move(detail), std::move(file), 0};
}

const std::string kPublic = "/etc/firewalld/public.xml";
const std::string kSsh = "/etc/firewalld/ssh.xml";
const std::string kPolicy = "/etc/firewalld/to-host.xml";

RichRule rule_with(RichElement element, std::string family = "") {
  RichRule rule;
  rule.family = std::move(family);
  rule.element = std::move(element);
  return rule;
}

Zone& zone(Config& c, const char* name) { return c.zones[name].value; }
Policy& policy(Config& c) { return c.policies["to-host"].value; }

TEST(ReferenceCheck, FindsNothingWrongInAConsistentConfiguration) {
  Config config = base_config();
  zone(config, "public").services = {"ssh"};
  zone(config, "public").icmp_blocks = {"echo-request"};
  zone(config, "public").sources = {{"", "", "v4set"}};
  zone(config, "public").interfaces = {"eth0"};
  zone(config, "work").interfaces = {"eth1"};
  config.services["ftp"].value.modules = {"nf_conntrack_ftp"};
  config.services["ftp"].value.includes = {"ssh"};
  policy(config).ingress_zones = {"public"};
  policy(config).egress_zones = {"HOST"};
  policy(config).rules = {rule_with(RichIcmpBlock{"neighbour-solicitation"}, "ipv6")};
  EXPECT_EQ(check_references(config), std::vector<Error>{});
}

struct Case {
  std::string_view what;
  std::function<void(Config&)> change;
  std::vector<Error> errors;
};

TEST(ReferenceCheck, ReportsEachBrokenReferenceAsFirewalldDoes) {
  const Case cases[] = {
      {"missing base zone",
       [](Config& c) { c.zones.erase("trusted"); },
       {error(Code::INVALID_ZONE, "Zone 'trusted' is not available.")}},
      {"service include",
       [](Config& c) { c.services["ssh"].value.includes = {"nope"}; },
       {error(Code::INVALID_SERVICE, "Service 'ssh': Included service 'nope' not found.", kSsh)}},
      {"zone service",
       [](Config& c) { zone(c, "public").services = {"http"}; },
       {error(Code::INVALID_SERVICE, "Zone 'public': 'http' not among existing services",
              kPublic)}},
      {"zone icmp block",
       [](Config& c) { zone(c, "public").icmp_blocks = {"ping"}; },
       {error(Code::INVALID_ICMPTYPE, "Zone 'public': 'ping' not among existing ICMP types",
              kPublic)}},
      {"name conflict",
       [](Config& c) { put(c.policies, "public"); },
       {error(Code::NAME_CONFLICT, "Zone 'public': Can't have the same name as a policy.",
              kPublic)}},
      {"interface twice",
       [](Config& c) {
         zone(c, "public").interfaces = {"eth0"};
         zone(c, "work").interfaces = {"eth0"};
       },
       {error(Code::INVALID_INTERFACE,
              "Zone 'public': interface 'eth0' already bound to zone 'work'", kPublic)}},
      {"source twice",
       [](Config& c) {
         zone(c, "block").sources = {{"10.0.0.0/8", "", ""}};
         zone(c, "work").sources = {{"10.0.0.0/8", "", ""}};
       },
       {error(Code::INVALID_ADDR, "Zone 'block': source '10.0.0.0/8' already bound to zone 'work'",
              "/etc/firewalld/block.xml")}},
      {"rule icmp type",
       [](Config& c) { zone(c, "public").rules = {rule_with(RichIcmpType{"ping"})}; },
       {error(Code::INVALID_ICMPTYPE, "Zone 'public': 'ping' not among existing ICMP types",
              kPublic)}},
      {"rule icmp family",
       [](Config& c) {
         zone(c, "public").rules = {rule_with(RichIcmpBlock{"neighbour-solicitation"}, "ipv4")};
       },
       {error(Code::INVALID_ICMPTYPE,
              "Zone 'public': rich rule family 'ipv4' conflicts with icmp type "
              "'neighbour-solicitation'",
              kPublic)}},
      {"policy service",
       [](Config& c) { policy(c).services = {"http"}; },
       {error(Code::INVALID_SERVICE, "Policy 'to-host': 'http' not among existing services",
              kPolicy)}},
      {"policy zone",
       [](Config& c) {
         policy(c).ingress_zones = {"home"};
         policy(c).egress_zones = {"ANY"};
       },
       {error(Code::INVALID_ZONE, "Policy 'to-host': 'home' not among existing zones", kPolicy)}},
      {"policy forward into bound zone",
       [](Config& c) {
         zone(c, "work").interfaces = {"eth1"};
         policy(c).egress_zones = {"work"};
         policy(c).forward_ports = {{"80", "tcp", "", "10.0.0.1"}, {"81", "tcp", "", "10.0.0.1"}};
       },
       {error(Code::INVALID_ZONE,
              "Policy 'to-host': 'forward-port' cannot be used because egress zone 'work' has "
              "assigned interfaces",
              kPolicy)}},
      {"policy rule mark into bound zone",
       [](Config& c) {
         zone(c, "work").interfaces = {"eth1"};
         policy(c).egress_zones = {"work"};
         RichRule rule = rule_with(RichService{"ssh"});
         rule.action = RichAction{RichActionType::Mark, "", "1", std::nullopt};
         policy(c).rules = {rule};
       },
       {error(Code::INVALID_ZONE,
              "Policy 'to-host': 'mark' action cannot be used because egress zone 'work' has "
              "assigned interfaces",
              kPolicy)}},
      {"policy masquerade with iptables",
       [](Config& c) {
         c.conf.firewall_backend = "iptables";
         zone(c, "work").interfaces = {"eth1"};
         policy(c).masquerade = true;
         policy(c).ingress_zones = {"work"};
         policy(c).egress_zones = {"ANY"};
       },
       {error(Code::INVALID_ZONE,
              "Policy 'to-host': 'masquerade' cannot be used because ingress zone 'work' has "
              "assigned interfaces. ",
              kPolicy)}},
  };
  for (const Case& c : cases) {
    Config config = base_config();
    c.change(config);
    EXPECT_EQ(check_references(config), c.errors) << c.what;
  }
}

TEST(ReferenceCheck, AllowsWhatOnlyTheIptablesBackendForbids) {
  Config config = base_config();
  zone(config, "work").interfaces = {"eth1"};
  policy(config).masquerade = true;
  policy(config).ingress_zones = {"work"};
  policy(config).egress_zones = {"ANY"};
  policy(config).forward_ports = {{"80", "tcp", "", "10.0.0.1"}};  // egress ANY: not checked
  EXPECT_EQ(check_references(config), std::vector<Error>{});
}

TEST(ReferenceCheck, AcceptsWhatFirewalldsCheckConfigAccepts) {
  Config config = base_config();
  config.conf.default_zone = "home";                    // logged, falls back to public
  zone(config, "public").sources = {{"", "", "nope"}};  // fails only when applied
  zone(config, "public").rules = {rule_with(RichService{"http"})};
  config.services["ssh"].value.helpers = {"irc"};
  EXPECT_EQ(check_references(config), std::vector<Error>{});
}

TEST(ReferenceCheck, TakesACombinedZoneDirectoryAsTheZoneItNames) {
  Config config = base_config();
  config.zones.erase("trusted");
  put(config.zones, "trusted/part");
  EXPECT_EQ(check_references(config), std::vector<Error>{});
}

TEST(ReferenceCheck, ReportsEveryProblemInFirewalldsOrder) {
  Config config = base_config();
  config.zones.erase("block");
  zone(config, "public").services = {"http"};
  config.services["ssh"].value.includes = {"nope"};
  policy(config).icmp_blocks = {"ping"};
  std::vector<Error> expected = {
      error(Code::INVALID_ZONE, "Zone 'block' is not available."),
      error(Code::INVALID_SERVICE, "Service 'ssh': Included service 'nope' not found.", kSsh),
      error(Code::INVALID_SERVICE, "Zone 'public': 'http' not among existing services", kPublic),
      error(Code::INVALID_ICMPTYPE, "Policy 'to-host': 'ping' not among existing ICMP types",
            kPolicy),
  };
  EXPECT_EQ(check_references(config), expected);
}

TEST(RuntimeReferenceCheck, FindsNothingWrongInAConsistentConfiguration) {
  Config config = base_config();
  zone(config, "public").sources = {{"", "", "v4set"}};
  config.services["ftp"].value.modules = {"nf_conntrack_ftp"};
  config.services["ftp"].value.helpers = {"ftp"};
  RichRule rule = rule_with(RichService{"ssh"});
  rule.source = RichSource{"", "", "v4set", false};
  rule.destination = RichDestination{"", "pairs", false};  // any type will do as a destination
  policy(config).rules = {rule};
  EXPECT_EQ(check_runtime_references(config), std::vector<Error>{});
}

TEST(RuntimeReferenceCheck, ReportsWhatFirewalldOnlyMeetsWhenItAppliesTheConfiguration) {
  const Case cases[] = {
      {"default zone",
       [](Config& c) { c.conf.default_zone = "home"; },
       {error(Code::INVALID_ZONE, "Default zone 'home' is not valid.")}},
      {"service helper",
       [](Config& c) { c.services["ssh"].value.helpers = {"irc"}; },
       {error(Code::INVALID_HELPER, "irc", kSsh)}},
      {"service module",
       [](Config& c) { c.services["ssh"].value.modules = {"nf_conntrack_sip"}; },
       {error(Code::INVALID_HELPER, "sip", kSsh)}},
      {"source ipset missing",
       [](Config& c) {
         zone(c, "public").sources = {{"", "", "nope"}};
       },
       {error(Code::INVALID_IPSET, "nope", kPublic)}},
      {"source ipset type",
       [](Config& c) {
         zone(c, "public").sources = {{"", "", "pairs"}};
       },
       {error(Code::INVALID_IPSET, "ipset 'pairs' with type 'hash:net,net' not usable as source",
              kPublic)}},
      {"rule service",
       [](Config& c) { zone(c, "public").rules = {rule_with(RichService{"http"})}; },
       {error(Code::INVALID_SERVICE, "http", kPublic)}},
      {"rule source ipset",
       [](Config& c) {
         RichRule rule = rule_with(RichService{"ssh"});
         rule.source = RichSource{"", "", "pairs", false};
         zone(c, "public").rules = {rule};
       },
       {error(Code::INVALID_IPSET, "ipset 'pairs' with type 'hash:net,net' not usable as source",
              kPublic)}},
      {"rule destination ipset",
       [](Config& c) {
         RichRule rule = rule_with(RichService{"ssh"});
         rule.destination = RichDestination{"", "nope", false};
         zone(c, "public").rules = {rule};
       },
       {error(Code::INVALID_IPSET, "nope", kPublic)}},
      {"policy rule service",
       [](Config& c) { policy(c).rules = {rule_with(RichService{"http"})}; },
       {error(Code::INVALID_SERVICE, "http", kPolicy)}},
      {"source ipset given as an address",
       [](Config& c) {
         zone(c, "public").sources = {{"ipset:nope", "", ""}};
       },
       {error(Code::INVALID_IPSET, "nope", kPublic)}},
  };
  for (const Case& c : cases) {
    Config config = base_config();
    c.change(config);
    EXPECT_EQ(check_runtime_references(config), c.errors) << c.what;
    // --check-config accepts all of these.
    EXPECT_EQ(check_references(config), std::vector<Error>{}) << c.what;
  }
}

TEST(RuntimeReferenceCheck, LeavesTheCheckConfigProblemsToCheckReferences) {
  Config config = base_config();
  zone(config, "public").services = {"http"};
  policy(config).ingress_zones = {"home"};
  EXPECT_EQ(check_runtime_references(config), std::vector<Error>{});
}

}  // namespace
}  // namespace fwctl::model
