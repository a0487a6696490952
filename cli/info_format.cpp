#include "info_format.hpp"

#include <algorithm>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "model/port.hpp"

namespace fwctl::cli {
namespace {

// The number after priority= in a rich rule, firewall-cmd's sort key for "rich rules:".
int rule_priority(const std::string& rule) {
  auto at = rule.find("priority=");
  if (at == std::string::npos) return 0;
  at += 9;
  auto end = rule.find(' ', at);
  std::string text = rule.substr(at, end == std::string::npos ? std::string::npos : end - at);
  text.erase(std::remove(text.begin(), text.end(), '"'), text.end());
  try {
    return std::stoi(text);
  } catch (...) {
    return 0;
  }
}

std::string tabbed(const std::vector<std::string>& lines) {
  return lines.empty() ? "" : "\n\t" + join(lines, "\n\t");
}

void add_summary(std::string& out, const std::string& short_name, const std::string& description,
                 bool verbose) {
  if (!verbose) return;
  out += "\n  summary: " + short_name + "\n  description: " + description;
}

std::string format_common(std::string name, const ZoneSettings& s, bool verbose, bool policy,
                          const std::string& default_zone) {
  std::vector<std::string> attributes;
  std::vector<std::string> interfaces = s.interfaces;
  std::sort(interfaces.begin(), interfaces.end());
  interfaces.erase(std::unique(interfaces.begin(), interfaces.end()), interfaces.end());
  if (!default_zone.empty() && name == default_zone) attributes.push_back("default");
  if ((!policy && (!interfaces.empty() || !s.sources.empty())) ||
      (policy && !s.disable && !s.ingress_zones.empty() && !s.egress_zones.empty()))
    attributes.push_back("active");
  if (!attributes.empty()) name += " (" + join(attributes, ", ") + ")";
  std::string out = name;
  add_summary(out, s.short_name, s.description, verbose);
  if (policy && s.disable) out += "\n  disable: yes";  // firewalld 2.4, shown only when set
  if (policy) out += "\n  priority: " + std::to_string(s.priority);
  // firewalld's placeholder for a zone's default target, which the client shows as "default".
  out += "\n  target: " + (s.target == "{chain}_{zone}" ? std::string("default") : s.target);
  if (!policy && (s.ingress_priority != 0 || s.egress_priority != 0)) {  // firewalld 2.0, when set
    out += "\n  ingress-priority: " + std::to_string(s.ingress_priority) +
           "\n  egress-priority: " + std::to_string(s.egress_priority);
  }
  if (!policy)
    out += std::string("\n  icmp-block-inversion: ") + (s.icmp_block_inversion ? "yes" : "no");
  if (policy) {
    out +=
        "\n  ingress-zones: " + join(s.ingress_zones) + "\n  egress-zones: " + join(s.egress_zones);
  } else {
    out += "\n  interfaces: " + join(interfaces) + "\n  sources: " + join(s.sources);
  }
  out += "\n  services: " + join(sorted(s.services));
  out += "\n  ports: " + join_ports(s.ports);
  out += "\n  protocols: " + join(sorted(s.protocols));
  if (!policy) out += std::string("\n  forward: ") + (s.forward ? "yes" : "no");
  out += std::string("\n  masquerade: ") + (s.masquerade ? "yes" : "no");
  std::vector<std::string> forwards;
  for (const auto& f : s.forward_ports) forwards.push_back(format_forward_port(f));
  out += "\n  forward-ports: " + tabbed(forwards);
  out += "\n  source-ports: " + join_ports(s.source_ports);
  out += "\n  icmp-blocks: " + join(s.icmp_blocks);
  std::vector<std::string> rules = s.rules;
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    return rule_priority(a) < rule_priority(b);
  });
  out += "\n  rich rules: " + tabbed(rules);
  return out;
}

}  // namespace

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::string join_ports(const std::vector<PortProto>& ports) {
  std::vector<std::string> items;
  for (const auto& [port, proto] : ports) items.push_back(port + "/" + proto);
  return join(items);
}

std::string format_forward_port(const ForwardPort& f) {
  return "port=" + f.port + ":proto=" + f.protocol + ":toport=" + f.to_port +
         ":toaddr=" + f.to_addr;
}

std::vector<PortProto> sorted_ports(std::vector<PortProto> ports) {
  auto first = [](const std::string& port) {
    auto range = model::parse_port_range(port);
    return range ? range->first : -1;
  };
  std::stable_sort(ports.begin(), ports.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second < b.second;
    return first(a.first) < first(b.first);
  });
  return ports;
}

std::string format_zone(const std::string& name, const ZoneSettings& s, bool verbose,
                        const std::string& default_zone) {
  return format_common(name, s, verbose, false, default_zone);
}

std::string format_policy(const std::string& name, const ZoneSettings& s, bool verbose) {
  return format_common(name, s, verbose, true, {});
}

std::string format_service(const std::string& name, const ServiceSettings& s, bool verbose) {
  std::string out = name;
  add_summary(out, s.short_name, s.description, verbose);
  out += "\n  ports: " + join_ports(s.ports);
  out += "\n  protocols: " + join(s.protocols);
  out += "\n  source-ports: " + join_ports(s.source_ports);
  out += "\n  modules: " + join(s.modules);
  std::vector<std::string> destinations;
  for (const auto& [ipv, addr] : s.destinations) destinations.push_back(ipv + ":" + addr);
  out += "\n  destination: " + join(destinations);
  out += "\n  includes: " + join(sorted(s.includes));
  out += "\n  helpers: " + join(sorted(s.helpers));
  return out;
}

std::string format_icmptype(const std::string& name, const IcmpTypeSettings& s, bool verbose) {
  std::string out = name;
  add_summary(out, s.short_name, s.description, verbose);
  auto destinations = s.destinations;
  if (destinations.empty()) destinations = {"ipv4", "ipv6"};
  return out + "\n  destination: " + join(destinations);
}

std::string format_ipset(const std::string& name, const IPSetSettings& s, bool verbose) {
  std::string out = name;
  add_summary(out, s.short_name, s.description, verbose);
  out += "\n  type: " + s.type;
  std::vector<std::string> options;
  for (const auto& [k, v] : s.options) options.push_back(v.empty() ? k : k + "=" + v);
  out += "\n  options: " + join(options);
  return out + "\n  entries: " + join(s.entries);
}

std::string format_helper(const std::string& name, const HelperSettings& s, bool verbose) {
  std::string out = name;
  add_summary(out, s.short_name, s.description, verbose);
  out += "\n  family: " + s.family + "\n  module: " + s.module;
  return out + "\n  ports: " + join_ports(s.ports);
}

std::string format_active(const ActiveMap& active, const std::vector<std::string>& keys) {
  std::vector<std::string> lines;
  for (const auto& [name, items] : active) {
    lines.push_back(name);
    for (const auto& key : keys) {
      auto it = items.find(key);
      if (it == items.end()) continue;
      std::string label = key;
      std::replace(label.begin(), label.end(), '_', '-');
      lines.push_back("  " + label + ": " + join(it->second));
    }
  }
  return join(lines, "\n");
}

}  // namespace fwctl::cli
