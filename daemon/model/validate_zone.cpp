// check_zone() and check_policy(): the two kinds share firewalld's common_check_config().

#include <algorithm>
#include <string>
#include <variant>

#include "common/text.hpp"
#include "model/validate.hpp"

namespace fwctl::model {
namespace {

bool has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Status check_forward_ports(const std::vector<ForwardPort>& forwards, std::string_view owner) {
  for (const ForwardPort& forward : forwards) {
    if (auto status = check_forward_port(forward, owner); !status) return status;
  }
  return ok();
}

Status check_rules(const std::vector<RichRule>& rules) {
  for (const RichRule& rule : rules) {
    if (auto status = check_rich_rule(rule); !status) return status;
  }
  return ok();
}

Status check_interfaces(const Zone& zone, const std::string& owner) {
  for (const std::string& interface : zone.interfaces) {
    if (!check_interface(interface)) {
      return fail(Code::INVALID_INTERFACE, owner + ": invalid interface " + quoted(interface));
    }
  }
  return ok();
}

// A source is an IPv4 or IPv6 network, a MAC address or "ipset:NAME" (the set's existence is a
// reference, checked with the whole configuration).
Status check_sources(const Zone& zone, const std::string& owner) {
  for (const ZoneSource& source : zone.sources) {
    std::string text = source.to_string();
    bool valid = is_ipv4_network(text) || is_ipv6_network(text) || check_mac(text) ||
                 text.starts_with("ipset:");
    if (!valid) return fail(Code::INVALID_ADDR, owner + ": invalid source " + quoted(text));
  }
  return ok();
}

// A policy's zone list holds regular zones, or ANY alone, or HOST alone; HOST may not be on
// both sides.
Status check_zone_list(const std::string& owner, const std::vector<std::string>& zones,
                       std::string_view item, const std::vector<std::string>& other_side) {
  bool special_present = has(zones, "ANY") || has(zones, "HOST");
  for (const std::string& zone : zones) {
    bool special = zone == "ANY" || zone == "HOST";
    bool others = std::any_of(zones.begin(), zones.end(), [&](auto& z) { return z != zone; });
    if ((!special && special_present) || (special && others)) {
      return fail(Code::INVALID_ZONE,
                  owner + ": " + quoted(item) +
                      " may only contain one of: many regular zones, ANY, or HOST");
    }
    if (zone == "HOST" && has(other_side, "HOST")) {
      return fail(
          Code::INVALID_ZONE,
          owner + ": 'HOST' can only appear in either ingress or egress zones, but not both");
    }
  }
  return ok();
}

// Masquerading rewrites the source of forwarded traffic, so HOST can be on neither side.
Status check_policy_masquerade(const Policy& policy, const std::string& owner) {
  if (has(policy.egress_zones, "HOST")) {
    return fail(Code::INVALID_ZONE, owner + ": 'masquerade' is invalid for egress zone 'HOST'");
  }
  if (has(policy.ingress_zones, "HOST")) {
    return fail(Code::INVALID_ZONE, owner + ": 'masquerade' is invalid for ingress zone 'HOST'");
  }
  return ok();
}

// Towards HOST a forward port redirects locally (no to-addr); towards other zones it must
// send the traffic somewhere (to-addr).
Status check_policy_forward(const Policy& policy, bool has_to_addr, const std::string& owner) {
  if (policy.egress_zones.empty()) return ok();
  if (has(policy.egress_zones, "HOST")) {
    if (!has_to_addr) return ok();
    return fail(Code::INVALID_FORWARD,
                owner + ": A 'forward-port' with 'to-addr' is invalid for egress zone 'HOST'");
  }
  if (has_to_addr) return ok();
  return fail(Code::INVALID_FORWARD,
              owner + ": 'forward-port' requires 'to-addr' if egress zone is 'ANY' or a zone");
}

Status check_policy_forward_ports(const Policy& policy, const std::string& owner) {
  for (const ForwardPort& forward : policy.forward_ports) {
    if (auto s = check_policy_forward(policy, !forward.to_addr.empty(), owner); !s) return s;
  }
  return ok();
}

Status check_policy_rules(const Policy& policy, const std::string& owner) {
  if (auto status = check_rules(policy.rules); !status) return status;
  for (const RichRule& rule : policy.rules) {
    if (!rule.element) continue;
    Status status;
    if (std::holds_alternative<RichMasquerade>(*rule.element)) {
      status = check_policy_masquerade(policy, owner);
    } else if (auto* forward = std::get_if<RichForwardPort>(&*rule.element)) {
      status = check_policy_forward(policy, !forward->to_addr.empty(), owner);
    }
    if (!status) return status;
  }
  return ok();
}

}  // namespace

Status check_zone(const Zone& zone) {
  std::string owner = "Zone " + quoted(zone.info.name);
  if (auto s = check_item_name("zone", zone.info.name); !s) return s;
  if (!check_zone_target(zone.target)) {
    return fail(Code::INVALID_TARGET, owner + ": invalid target " + quoted(zone.target));
  }
  if (auto s = check_port_protos(zone.ports); !s) return s;
  if (auto s = check_forward_ports(zone.forward_ports, owner); !s) return s;
  if (auto s = check_interfaces(zone, owner); !s) return s;
  if (auto s = check_sources(zone, owner); !s) return s;
  if (auto s = check_rules(zone.rules); !s) return s;
  if (auto s = check_protocols(zone.protocols); !s) return s;
  if (auto s = check_port_protos(zone.source_ports); !s) return s;
  if (auto s = check_zone_priority(zone.info.name, zone.ingress_priority); !s) return s;
  return check_zone_priority(zone.info.name, zone.egress_priority);
}

Status check_zone_priority(const std::string& zone, long long priority) {
  if (priority >= kZonePriorityMin && priority <= kZonePriorityMax) return ok();
  return fail(Code::INVALID_PRIORITY, "Zone " + quoted(zone) + ": " + std::to_string(priority) +
                                          " is an invalid priority value. Must be in range [" +
                                          std::to_string(kZonePriorityMin) + ", " +
                                          std::to_string(kZonePriorityMax) + "].");
}

Status check_policy(const Policy& policy) {
  std::string owner = "Policy " + quoted(policy.info.name);
  if (auto s = check_item_name("policy", policy.info.name); !s) return s;
  if (!check_policy_target(policy.target)) {
    return fail(Code::INVALID_TARGET, owner + ": " + quoted(policy.target) + " is invalid target");
  }
  if (auto s = check_port_protos(policy.ports); !s) return s;
  if (policy.masquerade) {
    if (auto s = check_policy_masquerade(policy, owner); !s) return s;
  }
  if (auto s = check_forward_ports(policy.forward_ports, owner); !s) return s;
  if (auto s = check_policy_forward_ports(policy, owner); !s) return s;
  if (auto s = check_policy_rules(policy, owner); !s) return s;
  if (auto s = check_protocols(policy.protocols); !s) return s;
  if (auto s = check_port_protos(policy.source_ports); !s) return s;
  // firewalld checks only the fields that are set, and to Python a priority of 0 is unset: a
  // policy file with priority="0" loads. check_policy_priority() refuses 0 for the D-Bus setters.
  if (auto s = check_policy_priority(policy.priority); !s && policy.priority != 0) {
    return fail(Code::INVALID_PRIORITY, owner + ": " + s.error().detail);
  }
  if (auto s = check_zone_list(owner, policy.ingress_zones, "ingress_zones", policy.egress_zones);
      !s) {
    return s;
  }
  return check_zone_list(owner, policy.egress_zones, "egress_zones", policy.ingress_zones);
}

}  // namespace fwctl::model
