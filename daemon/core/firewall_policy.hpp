#pragma once
// The runtime policy types of core::RuntimePolicies (runtime_policies.hpp): what the D-Bus
// interface org.fedoraproject.FirewallD1.policy reads and writes.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/policy.hpp"

namespace fwctl::core {

// A policy in force: some of its ingress and some of its egress zones are HOST, ANY or an
// active zone (firewalld's get_active_policies_not_derived_from_zone).
struct ActivePolicy {
  std::string policy;
  std::vector<std::string> ingress_zones;
  std::vector<std::string> egress_zones;
  bool operator==(const ActivePolicy&) const = default;
};

// setPolicySettings' a{sv}: the keys given, each replacing the runtime list (or flag) whole. A
// key left out keeps its value.
struct PolicyUpdate {
  std::optional<std::vector<std::string>> services;
  std::optional<std::vector<model::PortProto>> ports;
  std::optional<std::vector<std::string>> icmp_blocks;
  std::optional<bool> masquerade;
  std::optional<std::vector<model::ForwardPort>> forward_ports;
  std::optional<std::vector<std::string>> rich_rules;  // as text
  std::optional<std::vector<std::string>> protocols;
  std::optional<std::vector<model::PortProto>> source_ports;
  std::optional<int> priority;
  std::optional<std::vector<std::string>> ingress_zones;
  std::optional<std::vector<std::string>> egress_zones;
  std::optional<bool> disable;  // firewalld 2.4
  // version, short, description, target: checked, then refused (firewalld cannot change them at
  // runtime: INVALID_SETTING).
  std::map<std::string, std::string> strings;
};

// The policy's rich rules as firewalld prints them (getPolicySettings' "rich_rules").
std::vector<std::string> rich_rule_texts(const model::Policy& policy);

}  // namespace fwctl::core
