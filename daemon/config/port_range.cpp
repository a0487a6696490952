#include "config/port_range.hpp"

#include <algorithm>

namespace fwctl::config {
namespace {

// portInPortRange(): `port` lies wholly inside `range`.
bool port_in_range(model::PortRange port, model::PortRange range) {
  return port.first >= range.first && port.last <= range.last;
}

}  // namespace

std::string to_string(model::PortRange range) {
  if (range.first == range.last) return std::to_string(range.first);
  return std::to_string(range.first) + "-" + std::to_string(range.last);
}

std::optional<std::string> canonical_port(std::string_view port) {
  if (port.empty()) return std::string();
  auto range = model::parse_port_range(port);
  if (!range) return std::nullopt;
  return to_string(*range);
}

Coalesced coalesce_port_range(model::PortRange added,
                              const std::vector<model::PortRange>& existing) {
  std::vector<model::PortRange> sorted = existing;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](model::PortRange a, model::PortRange b) { return a.first < b.first; });
  Coalesced result{added, {}};
  model::PortRange& m = result.merged;
  for (model::PortRange r : sorted) {
    if (m.first <= r.first && m.last >= r.last) {
      result.removed.push_back(r);  // covers r
    } else if (m.first <= r.first && m.last < r.last && m.last >= r.first) {
      result.removed.push_back(r);  // grows to r's end
      m.last = r.last;
    } else if (m.first > r.first && m.last >= r.last && m.first <= r.last) {
      result.removed.push_back(r);  // grows to r's start
      m.first = r.first;
    }
  }
  return result;
}

bool PortListBuilder::add(std::string_view port, const std::string& protocol) {
  auto added = model::parse_port_range(port);
  if (!added) return false;
  std::vector<model::PortRange> overlapping;
  for (std::size_t i = 0; i < ports_.size(); ++i) {
    if (ports_[i].protocol != protocol) continue;
    const model::PortRange& r = ranges_[i];
    if (port_in_range(*added, r)) return false;
    if (r.first <= added->last && added->first <= r.last) overlapping.push_back(r);
  }
  Coalesced c = coalesce_port_range(*added, overlapping);
  for (model::PortRange removed : c.removed) {
    for (std::size_t i = 0; i < ports_.size(); ++i) {
      if (ports_[i].protocol == protocol && ranges_[i] == removed) {
        ports_.erase(ports_.begin() + static_cast<std::ptrdiff_t>(i));
        ranges_.erase(ranges_.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
  ports_.push_back({to_string(c.merged), protocol});
  ranges_.push_back(c.merged);
  return true;
}

}  // namespace fwctl::config
