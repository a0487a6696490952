#pragma once
// What the daemon reports about a zone, policy, service, icmptype, ipset or helper, as plain
// values: the client-side counterparts of firewall-cmd's FirewallClient*Settings, without D-Bus.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fwctl::cli {

using PortProto = std::pair<std::string, std::string>;  // ("8080", "tcp"), ("1000-2000", "udp")

struct ForwardPort {
  std::string port, protocol, to_port, to_addr;
  bool operator==(const ForwardPort&) const = default;
};

// A zone's or a policy's settings; the fields of the other kind stay empty.
struct ZoneSettings {
  std::string version, short_name, description;
  std::string target;  // as the daemon sends it ("default", "{chain}_{zone}", "ACCEPT", ...)
  std::vector<std::string> services;
  std::vector<PortProto> ports;
  std::vector<std::string> icmp_blocks;
  bool masquerade = false;
  std::vector<ForwardPort> forward_ports;
  std::vector<std::string> rules;  // rich rules: "rules_str" for zones, "rich_rules" for policies
  std::vector<std::string> protocols;
  std::vector<PortProto> source_ports;
  // zones only
  std::vector<std::string> interfaces, sources;
  bool icmp_block_inversion = false, forward = false;
  int ingress_priority = 0, egress_priority = 0;  // firewalld 2.0
  // policies only
  int priority = -1;
  std::vector<std::string> ingress_zones, egress_zones;
  bool disable = false;  // firewalld 2.4
  // The daemon's dict had a firewalld 2.x key (ingress_priority, egress_priority, disable):
  // send it back even at its default, so that clearing it reaches the daemon. Otherwise the
  // keys go out only when set, and a 1.3.3 daemon never sees one.
  bool has_2x_keys = false;
};

struct ServiceSettings {
  std::string version, short_name, description;
  std::vector<PortProto> ports;
  std::vector<std::string> modules;
  std::vector<std::pair<std::string, std::string>> destinations;  // ("ipv4", "224.0.0.251")
  std::vector<std::string> protocols;
  std::vector<PortProto> source_ports;
  std::vector<std::string> includes, helpers;
};

struct IcmpTypeSettings {
  std::string version, short_name, description;
  std::vector<std::string> destinations;
};

struct IPSetSettings {
  std::string version, short_name, description, type;
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> entries;
};

struct HelperSettings {
  std::string version, short_name, description, family, module;
  std::vector<PortProto> ports;
};

}  // namespace fwctl::cli
