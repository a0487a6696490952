#pragma once
// Client-side edits of fetched settings, as firewall-cmd's FirewallClient*Settings objects do
// them before sending the whole settings back: adding what is there fails with
// ALREADY_ENABLED, removing what is not with NOT_ENABLED (thrown as FwError), and rich rules
// are compared in their canonical form.

#include <algorithm>
#include <string>
#include <vector>

#include "client.hpp"
#include "settings.hpp"

namespace fwctl::cli {

template <typename T>
void add_item(std::vector<T>& list, const T& value, const std::string& shown) {
  if (std::find(list.begin(), list.end(), value) != list.end())
    throw FwError{"ALREADY_ENABLED: " + shown};
  list.push_back(value);
}

template <typename T>
void remove_item(std::vector<T>& list, const T& value, const std::string& shown) {
  auto it = std::find(list.begin(), list.end(), value);
  if (it == list.end()) throw FwError{"NOT_ENABLED: " + shown};
  list.erase(it);
}

template <typename T>
bool has_item(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The flag fields (masquerade, forward, icmp-block-inversion): `name` is what the error names.
void set_flag(bool& flag, bool on, const std::string& name);

// str(Rich_Rule(rule_str=text)): the canonical form, or FwError with the parser's error.
std::string normalize_rule(const std::string& text);

}  // namespace fwctl::cli
