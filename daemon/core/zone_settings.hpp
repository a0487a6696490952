#pragma once
// A zone's runtime settings as firewalld reports them (zone.getZoneSettings2, --list-all): the
// permanent header (version, short, description, target) plus the runtime lists, every value in
// the string form firewalld puts on the wire. The bus layer turns this into the a{sv} dict; it
// never needs the model. And what zone.setZoneSettings2 asks to change (ZoneSettingsUpdate).

#include <array>
#include <optional>
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

// zone.setZoneSettings2's dict: only the keys given change, each to the list or flag given
// (firewalld's set_config_with_settings_dict). `string_keys` names the keys given with a
// string value (version, short, description, target), which firewalld's runtime refuses.
struct ZoneSettingsUpdate {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  std::optional<std::vector<std::string>> services;
  std::optional<Pairs> ports;
  std::optional<std::vector<std::string>> icmp_blocks;
  std::optional<bool> masquerade;
  std::optional<std::vector<std::array<std::string, 4>>> forward_ports;
  std::optional<std::vector<std::string>> interfaces;
  std::optional<std::vector<std::string>> sources;
  std::optional<std::vector<std::string>> rich_rules;
  std::optional<std::vector<std::string>> protocols;
  std::optional<Pairs> source_ports;
  std::optional<bool> icmp_block_inversion;
  std::optional<bool> forward;
  std::optional<std::string> target;  // checked, then refused as a string setting
  std::vector<std::string> string_keys;
};

// `zone` with its interfaces and sources replaced by the runtime bindings given.
ZoneSettings make_zone_settings(const model::Zone& zone, std::vector<std::string> interfaces,
                                std::vector<std::string> sources);

}  // namespace fwctl::core
