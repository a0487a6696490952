#include "config/combined_zones.hpp"

#include <algorithm>

namespace fwctl::config {
namespace {

template <typename T>
void add_missing(std::vector<T>& to, const std::vector<T>& from) {
  for (const T& value : from) {
    if (std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
  }
}

void combine(model::Zone& into, const model::Zone& part) {
  add_missing(into.interfaces, part.interfaces);
  add_missing(into.sources, part.sources);
  add_missing(into.services, part.services);
  add_missing(into.ports, part.ports);
  add_missing(into.protocols, part.protocols);
  add_missing(into.icmp_blocks, part.icmp_blocks);
  into.forward = into.forward || part.forward;
  into.masquerade = into.masquerade || part.masquerade;
  add_missing(into.forward_ports, part.forward_ports);
  add_missing(into.source_ports, part.source_ports);
  into.rules.insert(into.rules.end(), part.rules.begin(), part.rules.end());
  into.icmp_block_inversion = into.icmp_block_inversion || part.icmp_block_inversion;
}

}  // namespace

model::Config combine_zones(model::Config permanent) {
  std::map<std::string, model::Item<model::Zone>> combined;
  for (auto it = permanent.zones.begin(); it != permanent.zones.end();) {
    size_t slash = it->first.find('/');
    if (slash == std::string::npos) {
      ++it;
      continue;
    }
    std::string name = it->first.substr(0, slash);
    auto [entry, fresh] = combined.try_emplace(name);
    if (fresh) {
      entry->second.value.info.name = name;
      entry->second.origin = model::Origin::System;
      // The directory the parts came from, as firewalld's combined zone keeps its path.
      entry->second.path = it->second.path.substr(0, it->second.path.rfind('/'));
    }
    combine(entry->second.value, it->second.value);
    it = permanent.zones.erase(it);
  }
  for (auto& [name, item] : combined) permanent.zones[name] = std::move(item);
  return permanent;
}

}  // namespace fwctl::config
