#pragma once
// Addresses, networks, MAC addresses and interface names as firewalld 1.3.3 checks them
// (functions.checkIP, checkIP6, checkIPnMask, checkIP6nMask, check_mac, checkInterface).
//
// Notable acceptances, all firewalld's: an IPv4 mask may be any dotted address, contiguous or
// not ("1.2.3.4/255.0.255.0"); a prefix is read with Python's int() ("/ 24", "/024");
// IPv6 text may carry brackets, even unbalanced ones ("[::1]/64", "[::1"); an interface name
// may have 16 characters and any character except ' ', '/', '!' and '*'.

#include <string_view>

#include "common/result.hpp"

namespace fwctl::model {

bool is_ipv4_address(std::string_view s);  // inet_pton(AF_INET): no leading zeros, no blanks
bool is_ipv6_address(std::string_view s);  // inet_pton(AF_INET6) after stripping '[' and ']'
bool is_ipv4_network(std::string_view s);  // address, address/0…32 or address/dotted-mask
bool is_ipv6_network(std::string_view s);  // address or address/0…128

// `s` without leading and trailing '[' and ']' characters (firewalld's normalizeIP6).
std::string_view strip_ipv6_brackets(std::string_view s);

// A network of `family` ("ipv4" or "ipv6"). INVALID_ADDR "'10.0.0.300' is not valid ipv4
// address"; any other family makes every address invalid, as in firewalld.
Status check_address(std::string_view family, std::string_view address);

// Six pairs of hex digits separated by colons, either case. INVALID_MAC with the MAC as detail.
Status check_mac(std::string_view mac);

// 1…16 characters without ' ', '/', '!' and '*'; a trailing '+' is a wildcard and allowed.
// INVALID_INTERFACE with the name as detail.
Status check_interface(std::string_view name);

// The number of characters (UTF-8 code points) in `s`, which is what Python's len() counts.
size_t count_characters(std::string_view s);

}  // namespace fwctl::model
