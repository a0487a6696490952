#pragma once
// What the nftables backend supports, as firewalld 1.3.3 reports it in the D-Bus properties
// IPSetTypes, IPv4ICMPTypes and IPv6ICMPTypes (sorted).

#include <string>
#include <vector>

namespace fwctl::core {

// hash:ip, hash:ip,port, ... (firewalld's IPSET_TYPES).
const std::vector<std::string>& ipset_types();
// The ICMP type names nft can match for "ipv4" or "ipv6"; empty for anything else.
const std::vector<std::string>& icmp_types(const std::string& ipv);

}  // namespace fwctl::core
