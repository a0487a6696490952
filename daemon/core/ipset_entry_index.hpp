#pragma once
// The runtime checks of one ipset entry in log time (issue 13): whether the set has the entry
// and whether the entry overlaps one of its networks, over a sorted list of the set's entries
// read as networks, instead of a scan that parses every entry. A 1,000,000-entry set then costs
// an add what a small one does. The answers are those of contains() and
// check_entry_overlaps_existing() over the list (which they fall back to where the index cannot
// tell: entries with a ',', the error's wording).
//
//   IpsetEntryIndex index(set.entries);
//   if (index.contains(entry, set.entries)) ...;
//   Status st = index.check_overlap(entry, set.entries);
//   index.add(entry);      // after the entry went into the list
//
// The list's networks must not overlap one another (firewalld's entry checks keep it so).

#include <string>
#include <vector>

#include "common/result.hpp"
#include "core/firewall_ipset_entries.hpp"

namespace fwctl::core {

class IpsetEntryIndex {
 public:
  explicit IpsetEntryIndex(const std::vector<std::string>& entries);

  bool contains(const std::string& entry, const std::vector<std::string>& entries) const;
  Status check_overlap(const std::string& entry, const std::vector<std::string>& entries) const;
  void add(const std::string& entry);
  void remove(const std::string& entry);

 private:
  std::vector<Network> nets_;  // by key(): every entry that reads as one network
};

}  // namespace fwctl::core
