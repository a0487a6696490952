#pragma once
// Names of configuration items (the file name without ".xml"), as firewalld 1.3.3 checks them
// (IO_Object.check_name and the Zone and Policy overrides).

#include <string_view>

#include "common/result.hpp"

namespace fwctl::model {

// Longest zone and policy names. Both come from iptables' 28-character chain names; firewalld
// keeps the limits with the nftables backend.
inline constexpr size_t kMaxZoneNameLength = 17;
inline constexpr size_t kMaxPolicyNameLength = 18;

// `kind` is "zone", "policy", "service", "ipset", "icmptype" or "helper". A name is letters and
// digits (Unicode ones too, as Python's isalnum()) plus the kind's extra characters:
//   zone, policy: _ - /   service, icmptype: _ -   ipset: _ - : .   helper: - .
// A zone or policy name may hold one '/' (combined zones, "dir/file"), not first or last, and
// the part before it has at most kMaxZoneNameLength or kMaxPolicyNameLength characters.
// An unknown kind allows letters and digits only. Fails with INVALID_NAME and firewalld's detail,
// e.g. "' ' is not allowed in 'my zone'".
Status check_item_name(std::string_view kind, std::string_view name);

}  // namespace fwctl::model
