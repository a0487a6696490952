#pragma once
// The runtime checks of one ipset entry in log time (issue 13): whether the set has the entry
// and whether the entry overlaps one of its networks, over the set's entries read as networks,
// kept sorted, instead of a scan that parses every entry. A 1,000,000-entry set then costs an
// add or a remove what a small one does. The answers are those of contains() and
// check_entry_overlaps_existing() over the list (which they fall back to where the index cannot
// tell: entries with a ',', spellings other than the canonical one, the error's wording).
//
//   IpsetEntryIndex index(set.entries);
//   if (index.contains(entry, set.entries)) ...;
//   Status st = index.check_overlap(entry, set.entries);
//   index.add(entry);      // after the entry went into the list
//
// The list's networks must not overlap one another (firewalld's entry checks keep it so).
//
// The networks are kept in sorted blocks of at most kBlock (a one-level B-tree): an add or a
// remove moves at most a block and, when a block splits or empties, the block headers, instead
// of half of a sorted vector of the whole set.

#include <array>
#include <cstddef>
#include <string>
#include <tuple>
#include <utility>
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

  static constexpr std::size_t kBlock = 512;

 private:
  // A network of the list and how its entry is spelled (24 bytes, as a Network).
  struct Slot {
    bool v6 = false;
    unsigned char spelling = 0;  // kOther, kPlain or kPrefixed (ipset_entry_index.cpp)
    std::array<unsigned char, 16> bytes{};
    int prefix = 0;

    auto key() const { return std::tie(v6, bytes, prefix); }
    Network net() const { return Network{v6, bytes, prefix}; }
  };
  using Block = std::vector<Slot>;
  using Pos = std::pair<std::size_t, std::size_t>;  // block, index in it

  static bool slot_of(const std::string& entry, Slot& slot);
  template <typename Pred>
  Pos first_not(const Pred& before) const;  // the first slot for which before() is false
  const Slot* at(Pos pos) const;
  Pos next(Pos pos) const;

  std::vector<Block> blocks_;  // each sorted by key() and not empty; in order
};

}  // namespace fwctl::core
