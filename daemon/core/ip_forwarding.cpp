#include "core/ip_forwarding.hpp"

#include "model/address.hpp"

namespace fwctl::core {
namespace {

std::string family_of(const std::string& address) {
  return model::is_ipv6_address(address) ? "ipv6" : "ipv4";
}

template <typename Item>
void add_needs(std::set<std::string>& out, const std::string& owner, const Item& item) {
  if (item.masquerade) out.insert("ipv4 " + owner + " masquerade");
  for (const auto& f : item.forward_ports) {
    if (f.to_addr.empty()) continue;
    out.insert(family_of(f.to_addr) + " " + owner + " forward-port " + f.port + "/" + f.protocol +
               ">" + f.to_port + "@" + f.to_addr);
  }
  for (const auto& rule : item.rules) {
    if (!rule.element) continue;
    bool masquerade = std::holds_alternative<model::RichMasquerade>(*rule.element);
    auto* forward = std::get_if<model::RichForwardPort>(&*rule.element);
    if (!masquerade && !(forward && !forward->to_addr.empty())) continue;
    std::string text = " " + owner + " rule " + model::to_string(rule);
    for (const char* family : {"ipv4", "ipv6"}) {
      if (rule.family.empty() || rule.family == family) out.insert(family + text);
    }
  }
}

}  // namespace

std::set<std::string> forwarding_needs(const model::Config& config,
                                       const compiler::RuntimeBindings& bindings) {
  auto bound = [](const auto& map, const std::string& zone) {
    auto it = map.find(zone);
    return it != map.end() && !it->second.empty();
  };
  std::set<std::string> out;
  for (const auto& [name, item] : config.zones) {
    bool used = name == bindings.default_zone || bound(bindings.interfaces, name) ||
                bound(bindings.sources, name);
    if (used) add_needs(out, "zone " + name, item.value);
  }
  for (const auto& [name, item] : config.policies) add_needs(out, "policy " + name, item.value);
  return out;
}

std::set<std::string> families_to_enable(const std::set<std::string>& before,
                                         const std::set<std::string>& after) {
  std::set<std::string> families;
  for (const auto& need : after) {
    if (!before.count(need)) families.insert(need.substr(0, need.find(' ')));
  }
  return families;
}

std::string forwarding_file(const std::string& sysctl_dir, const std::string& family) {
  return sysctl_dir + (family == "ipv6" ? "/net/ipv6/conf/all/forwarding" : "/net/ipv4/ip_forward");
}

}  // namespace fwctl::core
