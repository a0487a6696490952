#pragma once
// Which table a batch message is about: its family and name (`inet firewalld`).

#include <cstdint>
#include <optional>
#include <string>

namespace fwctl::nft {

struct TableId {
  std::string family = "inet";
  std::string name;
  bool operator==(const TableId&) const = default;
};

// NFPROTO_* of an nft family name (inet, ip, ip6, arp, bridge, netdev).
std::optional<uint16_t> family_number(const std::string& family);
// The nft family name of NFPROTO_* `number`; "unknown" for others.
std::string family_name(uint16_t number);

}  // namespace fwctl::nft
