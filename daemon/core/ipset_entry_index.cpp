#include "core/ipset_entry_index.hpp"

#include <algorithm>

#include "common/lists.hpp"

namespace fwctl::core {
namespace {

// An entry of one part that reads as a network; others are not indexed.
std::optional<Network> indexed(const std::string& entry) {
  if (entry.find(',') != std::string::npos) return std::nullopt;
  return parse_network(entry);
}

bool key_less(const Network& a, const Network& b) { return a.key() < b.key(); }

// By address only: the first network at or after `net`'s address, whatever its prefix.
bool address_less(const Network& a, const Network& b) {
  return std::tie(a.v6, a.bytes) < std::tie(b.v6, b.bytes);
}

}  // namespace

IpsetEntryIndex::IpsetEntryIndex(const std::vector<std::string>& entries) {
  nets_.reserve(entries.size());
  for (const auto& entry : entries) {
    if (auto net = indexed(entry)) nets_.push_back(*net);
  }
  std::sort(nets_.begin(), nets_.end(), key_less);
}

// Equal strings read as equal networks: no equal network, no equal entry. An equal network
// under another spelling ("10.0.0.1" and "10.0.0.1/32") is rare; the list tells then.
bool IpsetEntryIndex::contains(const std::string& entry,
                               const std::vector<std::string>& entries) const {
  auto net = indexed(entry);
  if (!net) return fwctl::contains(entries, entry);
  if (!std::binary_search(nets_.begin(), nets_.end(), *net, key_less)) return false;
  return fwctl::contains(entries, entry);
}

// Of networks that do not overlap each other, only two can overlap `net`: the last one starting
// before it (which may contain it) and the first starting at or after it (which it may contain).
Status IpsetEntryIndex::check_overlap(const std::string& entry,
                                      const std::vector<std::string>& entries) const {
  auto net = indexed(entry);
  if (!net) return ok();
  auto it = std::lower_bound(nets_.begin(), nets_.end(), *net, address_less);
  bool overlap = (it != nets_.end() && overlaps(*it, *net)) ||
                 (it != nets_.begin() && overlaps(*std::prev(it), *net));
  if (!overlap) return ok();
  return check_entry_overlaps_existing(entry, entries);  // names the entry as listed
}

void IpsetEntryIndex::add(const std::string& entry) {
  auto net = indexed(entry);
  if (!net) return;
  nets_.insert(std::upper_bound(nets_.begin(), nets_.end(), *net, key_less), *net);
}

void IpsetEntryIndex::remove(const std::string& entry) {
  auto net = indexed(entry);
  if (!net) return;
  auto it = std::lower_bound(nets_.begin(), nets_.end(), *net, key_less);
  if (it != nets_.end() && it->key() == net->key()) nets_.erase(it);
}

}  // namespace fwctl::core
