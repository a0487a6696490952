#pragma once
// firewalld 1.3.3's stock configuration built in code, for the compiler tests and the load bench
// (which has no gtest, hence apart from test_support.hpp). Not used by the daemon.

#include <string>
#include <vector>

#include "model/config.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler::testing {

inline model::PortProto pp(std::string port, std::string proto) {
  return {std::move(port), std::move(proto)};
}

inline model::Service service(std::vector<model::PortProto> ports) {
  model::Service s;
  s.ports = std::move(ports);
  return s;
}

inline model::RichRule icmp_type_accept(const std::string& family, const std::string& type) {
  model::RichRule r;
  r.family = family;
  r.element = model::RichIcmpType{type};
  r.action = model::RichAction{};
  return r;
}

inline model::Zone zone(std::string target, std::vector<std::string> services) {
  model::Zone z;
  z.target = std::move(target);
  z.services = std::move(services);
  z.forward = true;  // every stock zone of 1.3.3 has <forward/>
  return z;
}

// The stock zones, the services they use with those services' helpers, ICMP types and
// allow-host-ipv6. The default zone is left to the caller.
inline model::Config stock_zones() {
  model::Config c;
  c.zones["block"].value = zone("%%REJECT%%", {});
  c.zones["dmz"].value = zone("default", {"ssh"});
  c.zones["drop"].value = zone("DROP", {});
  c.zones["external"].value = zone("default", {"ssh"});
  c.zones["external"].value.masquerade = true;
  c.zones["home"].value = zone("default", {"ssh", "mdns", "samba-client", "dhcpv6-client"});
  c.zones["internal"].value = zone("default", {"ssh", "mdns", "samba-client", "dhcpv6-client"});
  c.zones["public"].value = zone("default", {"ssh", "dhcpv6-client"});
  c.zones["trusted"].value = zone("ACCEPT", {});
  c.zones["work"].value = zone("default", {"ssh", "dhcpv6-client"});

  c.services["ssh"].value = service({pp("22", "tcp")});
  c.services["http"].value = service({pp("80", "tcp")});
  c.services["https"].value = service({pp("443", "tcp")});
  c.services["mdns"].value = service({pp("5353", "udp")});
  c.services["mdns"].value.destination_ipv4 = "224.0.0.251";
  c.services["mdns"].value.destination_ipv6 = "ff02::fb";
  c.services["dhcpv6-client"].value = service({pp("546", "udp")});
  c.services["dhcpv6-client"].value.destination_ipv6 = "fe80::/64";
  c.services["samba-client"].value = service({pp("138", "udp")});
  c.services["samba-client"].value.includes = {"netbios-ns"};
  c.services["netbios-ns"].value = service({pp("137", "udp")});
  c.services["netbios-ns"].value.helpers = {"netbios-ns"};

  c.helpers["netbios-ns"].value =
      model::Helper{{}, "ipv4", "nf_conntrack_netbios_ns", {pp("137", "udp")}};

  for (const char* t : {"echo-request", "echo-reply", "destination-unreachable", "time-exceeded",
                        "parameter-problem", "redirect"}) {
    c.icmptypes[t].value = model::IcmpType{};
  }
  for (const char* t :
       {"neighbour-advertisement", "neighbour-solicitation", "router-advertisement"}) {
    c.icmptypes[t].value.destinations = {"ipv6"};
  }
  c.icmptypes["router-advertisement"].value.destinations = {"ipv4", "ipv6"};

  auto& ipv6 = c.policies["allow-host-ipv6"].value;
  ipv6.target = "CONTINUE";
  ipv6.priority = -15000;
  ipv6.ingress_zones = {"ANY"};
  ipv6.egress_zones = {"HOST"};
  for (const char* t :
       {"neighbour-advertisement", "neighbour-solicitation", "router-advertisement", "redirect"}) {
    ipv6.rules.push_back(icmp_type_accept("ipv6", t));
  }
  return c;
}

}  // namespace fwctl::compiler::testing
