#include "info_format.hpp"

#include <gtest/gtest.h>

#include "values.hpp"

namespace fwctl::cli {
namespace {

TEST(CliInfoFormat, ZoneListAllLayout) {
  ZoneSettings z;
  z.target = "{chain}_{zone}";
  z.services = {"ssh", "dhcpv6-client"};
  z.ports = {{"8080", "tcp"}};
  z.interfaces = {"eth1", "eth0"};
  z.forward = true;
  z.forward_ports = {{"80", "tcp", "8080", ""}, {"81", "udp", "", "10.0.0.1"}};
  z.rules = {"rule priority=\"5\" service name=\"ftp\" reject", "rule service name=\"http\" accept",
             "rule priority=\"-1\" drop"};
  EXPECT_EQ(format_zone("public", z, false),
            "public (active)\n"
            "  target: default\n"
            "  icmp-block-inversion: no\n"
            "  interfaces: eth0 eth1\n"
            "  sources: \n"
            "  services: dhcpv6-client ssh\n"
            "  ports: 8080/tcp\n"
            "  protocols: \n"
            "  forward: yes\n"
            "  masquerade: no\n"
            "  forward-ports: \n"
            "\tport=80:proto=tcp:toport=8080:toaddr=\n"
            "\tport=81:proto=udp:toport=:toaddr=10.0.0.1\n"
            "  source-ports: \n"
            "  icmp-blocks: \n"
            "  rich rules: \n"
            "\trule priority=\"-1\" drop\n"
            "\trule service name=\"http\" accept\n"
            "\trule priority=\"5\" service name=\"ftp\" reject");
}

TEST(CliInfoFormat, PolicyAndVerbose) {
  ZoneSettings pol;
  pol.target = "CONTINUE";
  pol.ingress_zones = {"HOST"};
  pol.egress_zones = {"ANY"};
  pol.short_name = "Short";
  pol.description = "Text";
  EXPECT_EQ(format_policy("p", pol, true),
            "p (active)\n  summary: Short\n  description: Text\n  priority: -1\n"
            "  target: CONTINUE\n  ingress-zones: HOST\n  egress-zones: ANY\n  services: \n"
            "  ports: \n  protocols: \n  masquerade: no\n  forward-ports: \n  source-ports: \n"
            "  icmp-blocks: \n  rich rules: ");
}

TEST(CliInfoFormat, OtherKinds) {
  ServiceSettings svc;
  svc.ports = {{"5353", "udp"}};
  svc.destinations = {{"ipv4", "224.0.0.251"}, {"ipv6", "ff02::fb"}};
  EXPECT_EQ(format_service("mdns", svc, false),
            "mdns\n  ports: 5353/udp\n  protocols: \n  source-ports: \n  modules: \n"
            "  destination: ipv4:224.0.0.251 ipv6:ff02::fb\n  includes: \n  helpers: ");
  EXPECT_EQ(format_icmptype("x", IcmpTypeSettings{}, false), "x\n  destination: ipv4 ipv6");
  IPSetSettings set;
  set.type = "hash:ip";
  set.options = {{"family", "inet"}, {"timeout", ""}};
  set.entries = {"1.2.3.4"};
  EXPECT_EQ(format_ipset("s", set, false),
            "s\n  type: hash:ip\n  options: family=inet timeout\n  entries: 1.2.3.4");
  ActiveMap active{{"home", {{"interfaces", {"eth0"}}}},
                   {"work", {{"sources", {"10.0.0.0/8"}}, {"interfaces", {"a", "b"}}}}};
  EXPECT_EQ(format_active(active, {"interfaces", "sources"}),
            "home\n  interfaces: eth0\nwork\n  interfaces: a b\n  sources: 10.0.0.0/8");
}

TEST(CliInfoFormat, PortsSortByProtocolThenFirstPort) {
  auto sorted = sorted_ports({{"8080", "tcp"}, {"22", "udp"}, {"1000-2000", "tcp"}, {"80", "tcp"}});
  EXPECT_EQ(join_ports(sorted), "80/tcp 1000-2000/tcp 8080/tcp 22/udp");
}

std::string value_error(Item (*parse)(const std::string&), const std::string& value) {
  try {
    parse(value);
  } catch (const FwError& e) {
    return e.message;
  }
  return "";
}

TEST(CliValues, FirewallCmdClientSideChecks) {
  EXPECT_EQ(value_error(parse_port, "99999/tcp"), "INVALID_PORT: 99999");
  EXPECT_EQ(value_error(parse_port, "80"),
            "INVALID_PORT: bad port (most likely missing protocol), correct syntax is "
            "portid[-portid]/protocol");
  EXPECT_EQ(value_error(parse_port, "80/icmp"),
            "INVALID_PROTOCOL: 'icmp' not in {'tcp'|'udp'|'sctp'|'dccp'}");
  EXPECT_EQ(value_error(parse_forward_port, "port=80:proto=tcp"),
            "INVALID_FORWARD: missing destination");
  EXPECT_EQ(value_error(parse_forward_port, "port=80:prot=tcp"),
            "INVALID_FORWARD: invalid forward port arg 'prot'");
  EXPECT_EQ(value_error(parse_forward_port, "port=80:proto=tcp:toaddr=1.2.3.999"),
            "INVALID_ADDR: 1.2.3.999");
  Item fwd = parse_forward_port("port=80:proto=tcp:toport=8080");
  EXPECT_EQ(fwd.args, (std::vector<std::string>{"80", "tcp", "8080", ""}));
  EXPECT_EQ(fwd.shown, (std::vector<std::string>{"80", "tcp", "8080", "None"}));
  EXPECT_EQ(value_error(check_destination_ipv, "ipv5"),
            "INVALID_IPV: invalid argument: ipv5 (choose from 'ipv4', 'ipv6')");
}

TEST(CliValues, ErrorCodes) {
  EXPECT_EQ(error_code("INVALID_PORT: 1"), 102);
  EXPECT_EQ(error_code("ALREADY_ENABLED"), 11);
  EXPECT_EQ(error_code("something else"), 254);
  EXPECT_TRUE(warn_only(error_code("ZONE_ALREADY_SET: x")));
  EXPECT_FALSE(warn_only(error_code("ZONE_CONFLICT: x")));
}

}  // namespace
}  // namespace fwctl::cli
