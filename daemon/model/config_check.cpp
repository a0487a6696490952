#include "model/config_check.hpp"

#include <algorithm>
#include <string>
#include <variant>

#include "common/text.hpp"

namespace fwctl::model {
namespace {

bool has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A zone or a policy, as its errors name it.
struct Owner {
  std::string label;  // "Zone 'public'" or "Policy 'allow-host-ipv6'"
  const std::string& file;
};

// firewalld's full_check_config() and the zone checks of its start-up.
class ReferenceChecker {
 public:
  explicit ReferenceChecker(const Config& config) : config_(config) {}

  std::vector<Error> run() {
    check_required_zones();
    for (const auto& [name, item] : config_.services) check_service(name, item);
    for (const auto& [name, item] : config_.zones) check_zone(name, item);
    for (const auto& [name, item] : config_.policies) check_policy(name, item);
    return std::move(errors_);
  }

 private:
  // The same problem can be reached twice (two forward ports into one zone): report it once.
  void add(Code code, std::string detail, const std::string& file = {}) {
    Error error{code, std::move(detail), file, 0};
    if (std::find(errors_.begin(), errors_.end(), error) == errors_.end()) errors_.push_back(error);
  }

  // firewalld refuses to start without its three base zones. A combined zone ("block/part")
  // provides its directory's name.
  void check_required_zones() {
    for (std::string zone : {"block", "drop", "trusted"}) {
      auto it = config_.zones.lower_bound(zone);
      bool found =
          it != config_.zones.end() && (it->first == zone || it->first.starts_with(zone + "/"));
      if (!found) add(Code::INVALID_ZONE, "Zone " + quoted(zone) + " is not available.");
    }
  }

  void check_service(const std::string& name, const Item<Service>& item) {
    for (const std::string& include : item.value.includes) {
      if (config_.services.contains(include)) continue;
      add(Code::INVALID_SERVICE,
          "Service " + quoted(name) + ": Included service " + quoted(include) + " not found.",
          item.path);
    }
  }

  void check_zone(const std::string& name, const Item<Zone>& item) {
    Owner owner{"Zone " + quoted(name), item.path};
    check_services_and_icmp_blocks(owner, item.value.services, item.value.icmp_blocks);
    if (config_.policies.contains(name)) {
      add(Code::NAME_CONFLICT, owner.label + ": Can't have the same name as a policy.", item.path);
    }
    check_bindings(name, item);
    for (const RichRule& rule : item.value.rules) check_rule_icmptype(owner, rule);
  }

  void check_services_and_icmp_blocks(const Owner& owner, const std::vector<std::string>& services,
                                      const std::vector<std::string>& icmp_blocks) {
    for (const std::string& service : services) {
      if (config_.services.contains(service)) continue;
      add(Code::INVALID_SERVICE,
          owner.label + ": " + quoted(service) + " not among existing services", owner.file);
    }
    for (const std::string& icmptype : icmp_blocks) {
      if (!config_.icmptypes.contains(icmptype)) add_unknown_icmptype(owner, icmptype);
    }
  }

  void add_unknown_icmptype(const Owner& owner, const std::string& icmptype) {
    add(Code::INVALID_ICMPTYPE,
        owner.label + ": " + quoted(icmptype) + " not among existing ICMP types", owner.file);
  }

  // An interface or source belongs to one zone. Each pair is reported once, by the zone that
  // comes first, as firewalld's first error does.
  void check_bindings(const std::string& name, const Item<Zone>& item) {
    for (auto it = config_.zones.upper_bound(name); it != config_.zones.end(); ++it) {
      const Zone& other = it->second.value;
      std::string bound_to = " already bound to zone " + quoted(it->first);
      for (const std::string& interface : item.value.interfaces) {
        if (!has(other.interfaces, interface)) continue;
        add(Code::INVALID_INTERFACE,
            "Zone " + quoted(name) + ": interface " + quoted(interface) + bound_to, item.path);
      }
      for (const ZoneSource& source : item.value.sources) {
        std::string text = source.to_string();
        bool bound = std::any_of(other.sources.begin(), other.sources.end(),
                                 [&](const ZoneSource& s) { return s.to_string() == text; });
        if (!bound) continue;
        add(Code::INVALID_ADDR, "Zone " + quoted(name) + ": source " + quoted(text) + bound_to,
            item.path);
      }
    }
  }

  void check_rule_icmptype(const Owner& owner, const RichRule& rule) {
    if (!rule.element) return;
    const std::string* name = nullptr;
    if (auto* block = std::get_if<RichIcmpBlock>(&*rule.element)) name = &block->name;
    if (auto* type = std::get_if<RichIcmpType>(&*rule.element)) name = &type->name;
    if (name == nullptr) return;
    auto it = config_.icmptypes.find(*name);
    if (it == config_.icmptypes.end()) return add_unknown_icmptype(owner, *name);
    const auto& destinations = it->second.value.destinations;
    if (!rule.family.empty() && !destinations.empty() && !has(destinations, rule.family)) {
      add(Code::INVALID_ICMPTYPE,
          owner.label + ": rich rule family " + quoted(rule.family) + " conflicts with icmp type " +
              quoted(*name),
          owner.file);
    }
  }

  void check_policy(const std::string& name, const Item<Policy>& item);
  void check_policy_zones_exist(const Owner& owner, const std::vector<std::string>& zones);
  void check_policy_masquerade(const Owner& owner, const Policy& policy);
  void check_policy_forward(const Owner& owner, const Policy& policy, bool has_to_addr);
  void check_policy_mark(const Owner& owner, const Policy& policy);
  void check_policy_rule(const Owner& owner, const Policy& policy, const RichRule& rule);
  void add_bound_egress(const Owner& owner, const std::string& zone, std::string_view what);
  const Zone* find_zone(const std::string& name) const;

  const Config& config_;
  std::vector<Error> errors_;
};

const Zone* ReferenceChecker::find_zone(const std::string& name) const {
  auto it = config_.zones.find(name);
  return it == config_.zones.end() ? nullptr : &it->second.value;
}

void ReferenceChecker::check_policy(const std::string& name, const Item<Policy>& item) {
  const Policy& policy = item.value;
  Owner owner{"Policy " + quoted(name), item.path};
  check_services_and_icmp_blocks(owner, policy.services, policy.icmp_blocks);
  check_policy_zones_exist(owner, policy.ingress_zones);
  check_policy_zones_exist(owner, policy.egress_zones);
  if (policy.masquerade) check_policy_masquerade(owner, policy);
  for (const ForwardPort& forward : policy.forward_ports) {
    check_policy_forward(owner, policy, !forward.to_addr.empty());
  }
  for (const RichRule& rule : policy.rules) check_policy_rule(owner, policy, rule);
}

void ReferenceChecker::check_policy_zones_exist(const Owner& owner,
                                                const std::vector<std::string>& zones) {
  for (const std::string& zone : zones) {
    if (zone == "ANY" || zone == "HOST" || config_.zones.contains(zone)) continue;
    add(Code::INVALID_ZONE, owner.label + ": " + quoted(zone) + " not among existing zones",
        owner.file);
  }
}

// Only the iptables backend cannot masquerade traffic coming in from zones with interfaces.
// HOST on either side is the policy's own error (check_policy).
void ReferenceChecker::check_policy_masquerade(const Owner& owner, const Policy& policy) {
  if (has(policy.egress_zones, "HOST") || has(policy.ingress_zones, "HOST")) return;
  if (config_.conf.firewall_backend == "nftables") return;
  for (const std::string& name : policy.ingress_zones) {
    const Zone* zone = find_zone(name);
    if (zone == nullptr || zone->interfaces.empty()) continue;
    add(Code::INVALID_ZONE,
        owner.label + ": 'masquerade' cannot be used because ingress zone " + quoted(name) +
            " has assigned interfaces. ",
        owner.file);
  }
}

// A forward port with to-addr towards regular zones cannot reach zones bound to interfaces.
// Without to-addr, or towards HOST, the policy's own check has already decided.
void ReferenceChecker::check_policy_forward(const Owner& owner, const Policy& policy,
                                            bool has_to_addr) {
  const auto& egress = policy.egress_zones;
  if (!has_to_addr || egress.empty() || has(egress, "HOST") || has(egress, "ANY")) return;
  for (const std::string& zone : egress) add_bound_egress(owner, zone, "'forward-port'");
}

void ReferenceChecker::check_policy_mark(const Owner& owner, const Policy& policy) {
  for (const std::string& zone : policy.egress_zones)
    add_bound_egress(owner, zone, "'mark' action");
}

void ReferenceChecker::add_bound_egress(const Owner& owner, const std::string& name,
                                        std::string_view what) {
  const Zone* zone = find_zone(name);
  if (zone == nullptr || zone->interfaces.empty()) return;
  add(Code::INVALID_ZONE,
      owner.label + ": " + std::string(what) + " cannot be used because egress zone " +
          quoted(name) + " has assigned interfaces",
      owner.file);
}

void ReferenceChecker::check_policy_rule(const Owner& owner, const Policy& policy,
                                         const RichRule& rule) {
  check_rule_icmptype(owner, rule);
  const RichElement* element = rule.element ? &*rule.element : nullptr;
  const auto* forward = element ? std::get_if<RichForwardPort>(element) : nullptr;
  if (element != nullptr && std::holds_alternative<RichMasquerade>(*element)) {
    check_policy_masquerade(owner, policy);
  } else if (forward != nullptr) {
    check_policy_forward(owner, policy, !forward->to_addr.empty());
  } else if (rule.action && rule.action->type == RichActionType::Mark) {
    check_policy_mark(owner, policy);
  }
}

}  // namespace

std::vector<Error> check_references(const Config& config) { return ReferenceChecker(config).run(); }

}  // namespace fwctl::model
