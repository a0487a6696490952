#pragma once
// The runtime ipset entry rules of firewalld 1.3.3 (core/ipset.py) that read entries as
// networks, with Python's ipaddress.ip_network(entry, strict=False) semantics: an address with
// or without a prefix ("10.0.0.1", "10.0.0.1/8"), an IPv4 netmask or hostmask as the prefix
// ("10.0.0.0/255.0.0.0", "10.0.0.0/0.255.255.255"), host bits cleared.
//
//   normalize_ipset_entry("10.1.2.3/8,tcp:80")  -> "10.0.0.0/8,tcp:80"
//   normalize_ipset_entry("fd00::1/64")          -> "fd00::/64"
//
// Neither check looks at entries that are not plain networks (MAC addresses, "ip,port"
// entries, ranges "a-b"): firewalld skips them.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/result.hpp"

namespace fwctl::core {

// An entry read as a network, as Python's ipaddress.ip_network(entry, strict=False).
struct Network {
  bool v6 = false;
  std::array<unsigned char, 16> bytes{};  // the network address, host bits cleared
  int prefix = 0;

  int bits() const { return v6 ? 128 : 32; }
  auto key() const { return std::tie(v6, bytes, prefix); }
};
// nullopt when `text` is no network (a MAC address, "ip,port", a range).
std::optional<Network> parse_network(std::string_view text);
// Whether one of the two contains the other.
bool overlaps(const Network& a, const Network& b);

// Each comma-separated part that holds a '/' and reads as a network is rewritten as Python's
// str() of it ("10.0.0.0/8", "fd00::/64"); every other part stays as it is.
std::string normalize_ipset_entry(std::string_view entry);

// A single-part entry that reads as a network must not overlap any of `entries`:
// INVALID_ENTRY "Entry '10.0.0.1' overlaps with existing entry '10.0.0.0/8'".
Status check_entry_overlaps_existing(std::string_view entry,
                                     const std::vector<std::string>& entries);

// When every entry reads as a network, no two may overlap: INVALID_ENTRY
// "Entry '10.0.0.0/8' overlaps entry '10.1.0.0/16'" (both as Python prints them, the first in
// sorted order).
Status check_for_overlapping_entries(const std::vector<std::string>& entries);

}  // namespace fwctl::core
