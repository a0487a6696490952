#pragma once
// A zone's runtime settings as firewalld reports them (zone.getZoneSettings2, --list-all): the
// permanent header (version, short, description, target) plus the runtime lists, every value in
// the string form firewalld puts on the wire. The bus layer turns this into the a{sv} dict; it
// never needs the model.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "model/zone.hpp"

namespace fwctl::core {

struct ZoneSettings {
  std::string version;
  std::string short_;
  std::string description;
  std::string target;  // "default", "ACCEPT", "DROP" or "%%REJECT%%"
  std::vector<std::string> services;
  std::vector<std::pair<std::string, std::string>> ports;  // (port or range, protocol)
  std::vector<std::string> icmp_blocks;
  bool masquerade = false;
  std::vector<std::array<std::string, 4>> forward_ports;  // port, protocol, to-port, to-addr
  std::vector<std::string> interfaces;
  std::vector<std::string> sources;     // "10.0.0.0/8", a MAC or "ipset:NAME"
  std::vector<std::string> rich_rules;  // canonical strings (firewalld's rules_str)
  std::vector<std::string> protocols;
  std::vector<std::pair<std::string, std::string>> source_ports;
  bool icmp_block_inversion = false;
  bool forward = false;
  int ingress_priority = 0;  // firewalld 2.0; in the dicts only when not 0
  int egress_priority = 0;
  bool operator==(const ZoneSettings&) const = default;
};

// A zone's ingress or egress priority (firewalld 2.0) for the settings setters: INVALID_PRIORITY
// outside -32768..32767, in firewalld 2.x's words.
Status check_zone_priority(const std::string& zone, long long priority);

// `zone` with its interfaces and sources replaced by the runtime bindings given.
ZoneSettings make_zone_settings(const model::Zone& zone, std::vector<std::string> interfaces,
                                std::vector<std::string> sources);

}  // namespace fwctl::core
