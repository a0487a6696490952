#include "compiler/bindings.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace fwctl::compiler {

RuntimeBindings bindings_from_config(const model::Config& config) {
  RuntimeBindings b;
  b.default_zone = config.conf.default_zone;
  for (const auto& [name, item] : config.zones) {
    const auto& zone = item.value;
    if (!zone.interfaces.empty()) b.interfaces[name] = zone.interfaces;
    for (const auto& interface : zone.interfaces) b.interface_order.push_back(interface);
    for (const auto& source : zone.sources) b.sources[name].push_back(source.to_string());
  }
  return b;
}

namespace {

// interface -> zone it is bound to (views into `b`: no copy of every name per change).
std::unordered_map<std::string_view, std::string_view> zone_of(const RuntimeBindings& b) {
  std::unordered_map<std::string_view, std::string_view> out;
  for (const auto& [zone, interfaces] : b.interfaces) {
    for (const auto& interface : interfaces) out.emplace(interface, zone);
  }
  return out;
}

}  // namespace

void order_interfaces(const RuntimeBindings& prev, RuntimeBindings& next) {
  auto before = zone_of(prev);
  auto after = zone_of(next);
  auto unchanged = [&](const std::string& interface) {
    auto b = before.find(interface), a = after.find(interface);
    return b != before.end() && a != after.end() && b->second == a->second;
  };
  std::vector<std::string> order;
  std::unordered_set<std::string_view> listed;  // what `order` holds (a search of it: n^2)
  order.reserve(prev.interface_order.size() + 1);
  for (const auto& interface : prev.interface_order) {
    if (unchanged(interface)) order.push_back(interface);
  }
  for (const auto& interface : order) listed.insert(interface);
  std::vector<const std::string*> fresh;
  for (const auto& [zone, interfaces] : next.interfaces) {
    for (const auto& interface : interfaces) {
      // Within one change, a zone's new interfaces keep the order they were bound in.
      if (listed.insert(interface).second) fresh.push_back(&interface);
    }
  }
  for (const auto* interface : fresh) order.push_back(*interface);
  next.interface_order = std::move(order);
}

std::map<std::string, size_t> interface_ranks(const RuntimeBindings& bindings) {
  std::map<std::string, size_t> ranks;
  for (const auto& interface : bindings.interface_order) ranks.emplace(interface, ranks.size());
  for (const auto& [zone, interfaces] : bindings.interfaces) {
    for (const auto& interface : interfaces) ranks.emplace(interface, ranks.size());
  }
  return ranks;
}

}  // namespace fwctl::compiler
