#pragma once
// Classifies and canonicalises the addresses firewalld accepts (IPv4/IPv6 with or without a
// prefix length, MAC) into the form nft prints: host bits cleared, full-length prefixes shown
// as plain addresses, IPv6 compressed, MAC lower case.

#include <optional>
#include <string>

#include "compiler/ir.hpp"

namespace fwctl::compiler {

struct ParsedAddress {
  std::string family;  // "ip", "ip6" or "ether": the payload protocol that matches it
  Value value;         // Address or Prefix, canonical
};

// nullopt when the text is none of the accepted forms. An IPv4 prefix may also be a dotted
// netmask or hostmask ("10.10.0.0/255.255.0.0" is 10.10.0.0/16), as firewalld's nftables backend
// reads it with Python's ipaddress.IPv4Network.
std::optional<ParsedAddress> parse_address(const std::string& text);

// Python's "'255.0.255.0' is not a valid netmask" for an IPv4 address whose dotted mask is
// neither a netmask nor a hostmask (firewalld reports it as a bare exception: UNKNOWN_ERROR);
// nullopt for every other text.
std::optional<std::string> netmask_error(const std::string& text);

// The canonical text of a single IPv4 or IPv6 address; the input when it is neither.
std::string canonical_address(const std::string& text);

bool is_ipv6_address(const std::string& text);

}  // namespace fwctl::compiler
