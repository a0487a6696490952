#pragma once
// Types of Firewall's runtime zone block (firewall.hpp, "zone runtime"): the elements a runtime
// call changes (zone_elements.hpp), the timers of timed additions
// (firewall_zone_timers.hpp), and what setZoneSettings2 asks for.

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/firewall_zone_timers.hpp"
#include "core/zone_elements.hpp"

namespace fwctl::core {

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

}  // namespace fwctl::core
