#include "core/ipset_entry_index.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <iterator>

#include "common/lists.hpp"

namespace fwctl::core {
namespace {

// How an entry is spelled. Two entries of one network spelled the same canonical way are the
// same string, so the index answers contains() alone; any other spelling ("FD00::1",
// "10.0.0.0/08", host bits set) sends it to the list.
constexpr unsigned char kOther = 0;
constexpr unsigned char kPlain = 1;     // an address as inet_ntop / Python print it
constexpr unsigned char kPrefixed = 2;  // the network as Python prints it: "10.0.0.0/8"

// glibc's inet_pton takes an IPv4 address only as four decimal parts without leading zeros: as
// inet_ntop prints it. IPv4 is checked by hand (a 1,000,000-entry set is built in one go);
// IPv6, which has many spellings, by printing it.
unsigned char spelling_of(const std::string& entry, const Network& net) {
  size_t slash = entry.find('/');
  if (net.v6) {
    std::string prefixed = slash == std::string::npos ? entry + "/128" : entry;
    if (normalize_ipset_entry(prefixed) != prefixed) return kOther;
    return slash == std::string::npos ? kPlain : kPrefixed;
  }
  if (slash == std::string::npos) return kPlain;
  std::array<unsigned char, 4> address{};
  if (inet_pton(AF_INET, entry.substr(0, slash).c_str(), address.data()) != 1) return kOther;
  bool network_address = std::equal(address.begin(), address.end(), net.bytes.begin());
  bool digits = entry.compare(slash + 1, std::string::npos, std::to_string(net.prefix)) == 0;
  return network_address && digits ? kPrefixed : kOther;
}

}  // namespace

// An entry of one part that reads as a network; others are not indexed.
bool IpsetEntryIndex::slot_of(const std::string& entry, Slot& slot) {
  if (entry.find(',') != std::string::npos) return false;
  auto net = parse_network(entry);
  if (!net) return false;
  slot = Slot{net->v6, spelling_of(entry, *net), net->bytes, net->prefix};
  return true;
}

IpsetEntryIndex::IpsetEntryIndex(const std::vector<std::string>& entries) {
  std::vector<Slot> all;
  all.reserve(entries.size());
  Slot slot;
  for (const auto& entry : entries) {
    if (slot_of(entry, slot)) all.push_back(slot);
  }
  std::sort(all.begin(), all.end(), [](const Slot& a, const Slot& b) { return a.key() < b.key(); });
  for (size_t begin = 0; begin < all.size(); begin += kBlock) {
    size_t end = std::min(begin + kBlock, all.size());
    blocks_.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(begin),
                         all.begin() + static_cast<std::ptrdiff_t>(end));
  }
}

// The blocks are in order and none is empty: the first slot for which `before` is false is in
// the first block whose last slot is not before.
template <typename Pred>
IpsetEntryIndex::Pos IpsetEntryIndex::first_not(const Pred& before) const {
  auto block = std::partition_point(blocks_.begin(), blocks_.end(),
                                    [&](const Block& b) { return before(b.back()); });
  if (block == blocks_.end()) return {blocks_.size(), 0};
  auto slot = std::partition_point(block->begin(), block->end(), before);
  return {static_cast<size_t>(block - blocks_.begin()), static_cast<size_t>(slot - block->begin())};
}

const IpsetEntryIndex::Slot* IpsetEntryIndex::at(Pos pos) const {
  return pos.first < blocks_.size() ? &blocks_[pos.first][pos.second] : nullptr;
}

IpsetEntryIndex::Pos IpsetEntryIndex::next(Pos pos) const {
  if (++pos.second < blocks_[pos.first].size()) return pos;
  return {pos.first + 1, 0};
}

// The list has at most one entry per network (they do not overlap); a slot of the same network
// spelled the same canonical way is the entry. Where a spelling is not canonical, the list says.
bool IpsetEntryIndex::contains(const std::string& entry,
                               const std::vector<std::string>& entries) const {
  Slot probe;
  if (!slot_of(entry, probe)) return fwctl::contains(entries, entry);
  bool unsure = false;
  auto key = probe.key();
  for (Pos pos = first_not([&](const Slot& s) { return s.key() < key; }); at(pos) != nullptr;
       pos = next(pos)) {
    const Slot& slot = *at(pos);
    if (slot.key() != key) break;
    if (probe.spelling != kOther && slot.spelling == probe.spelling) return true;
    unsure = unsure || probe.spelling == kOther || slot.spelling == kOther;
  }
  return unsure && fwctl::contains(entries, entry);
}

// Of networks that do not overlap each other, only two can overlap `net`: the last one starting
// before it (which may contain it) and the first starting at or after it (which it may contain).
Status IpsetEntryIndex::check_overlap(const std::string& entry,
                                      const std::vector<std::string>& entries) const {
  Slot probe;
  if (!slot_of(entry, probe)) return ok();
  Network net = probe.net();
  Pos pos = first_not(
      [&](const Slot& s) { return std::tie(s.v6, s.bytes) < std::tie(probe.v6, probe.bytes); });
  const Slot* after = at(pos);
  const Slot* before = nullptr;
  if (pos.second > 0) before = &blocks_[pos.first][pos.second - 1];
  if (pos.second == 0 && pos.first > 0) before = &blocks_[pos.first - 1].back();
  bool overlap = (after && overlaps(after->net(), net)) || (before && overlaps(before->net(), net));
  if (!overlap) return ok();
  return check_entry_overlaps_existing(entry, entries);  // names the entry as listed
}

void IpsetEntryIndex::add(const std::string& entry) {
  Slot slot;
  if (!slot_of(entry, slot)) return;
  auto key = slot.key();
  Pos pos = first_not([&](const Slot& s) { return !(key < s.key()); });  // after its equals
  if (pos.first == blocks_.size()) {
    if (blocks_.empty() || blocks_.back().size() >= kBlock) blocks_.emplace_back();
    pos = {blocks_.size() - 1, blocks_.back().size()};
  }
  Block& block = blocks_[pos.first];
  block.insert(block.begin() + static_cast<std::ptrdiff_t>(pos.second), slot);
  if (block.size() <= kBlock) return;
  Block upper(block.begin() + static_cast<std::ptrdiff_t>(block.size() / 2), block.end());
  block.resize(block.size() / 2);
  block.shrink_to_fit();
  blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(pos.first) + 1, std::move(upper));
}

void IpsetEntryIndex::remove(const std::string& entry) {
  Slot slot;
  if (!slot_of(entry, slot)) return;
  auto key = slot.key();
  Pos pos = first_not([&](const Slot& s) { return s.key() < key; });
  if (at(pos) == nullptr || at(pos)->key() != key) return;
  // Of several slots of the network (only a list that breaks the rule above has them), the one
  // spelled as the entry, so that the others keep telling their entries apart.
  for (Pos p = pos; at(p) != nullptr && at(p)->key() == key; p = next(p)) {
    if (at(p)->spelling == slot.spelling) {
      pos = p;
      break;
    }
  }
  Block& block = blocks_[pos.first];
  block.erase(block.begin() + static_cast<std::ptrdiff_t>(pos.second));
  if (block.empty()) blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(pos.first));
}

}  // namespace fwctl::core
