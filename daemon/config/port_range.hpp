#pragma once
// Port lists as firewalld's zone and policy readers build them (functions.py portStr,
// portInPortRange, coalescePortRange): a port is stored in canonical form ("http" → "80",
// "90-80" → "80-90"), and a port that overlaps ports already read is merged with them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/port.hpp"
#include "model/values.hpp"

namespace fwctl::config {

// portStr(range, "-"): "80" or "80-90".
std::string to_string(model::PortRange range);

// portStr(port, "-"): the canonical spelling of a valid port, "" for ""; nullopt if invalid.
std::optional<std::string> canonical_port(std::string_view port);

// coalescePortRange(): `added` merged with every range of `existing` it overlaps (scanned in
// order of their first port, growing as it goes), and the ranges it swallowed.
struct Coalesced {
  model::PortRange merged;
  std::vector<model::PortRange> removed;
};
Coalesced coalesce_port_range(model::PortRange added,
                              const std::vector<model::PortRange>& existing);

// Builds a port list as firewalld's zone and policy readers do. The list must be empty at the
// start and only grow through add(), so that its ranges of one protocol never overlap: then a
// new port merges with exactly the ranges it overlaps, and add() needs no parsing of the list.
class PortListBuilder {
 public:
  explicit PortListBuilder(std::vector<model::PortProto>& ports) : ports_(ports) {}

  // False (nothing changes) when an entry of the same protocol already covers `port`;
  // otherwise the entries it overlaps are replaced by one merged entry at the end, as
  // firewalld does. `port` must be valid.
  bool add(std::string_view port, const std::string& protocol);

 private:
  std::vector<model::PortProto>& ports_;
  std::vector<model::PortRange> ranges_;  // ranges_[i] is ports_[i]'s port
};

}  // namespace fwctl::config
