#pragma once
// ipset types, options and entries as firewalld 1.3.3 checks them (core/ipset.py and
// core/io/ipset.py: the XML reader's option checks and IPSet.check_entry).

#include <span>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "model/ipset.hpp"

namespace fwctl::model {

// Every type firewalld 1.3.3 knows; the nftables backend supports all of them.
std::span<const std::string_view> ipset_types();

// The types a zone source or a rich-rule source may name (firewalld's SOURCE_IPSET_TYPES).
bool is_source_ipset_type(std::string_view type);

// INVALID_TYPE "'hash:foo' is not valid ipset type".
Status check_ipset_type(std::string_view type);

// Each option in file order, as firewalld's XML reader checks them:
//   a name other than family, timeout, hashsize, maxelem     INVALID_OPTION "Unknown option 'x'"
//   family on a hash:mac set                                  INVALID_OPTION
//   an empty value                                            INVALID_OPTION
//   timeout, hashsize, maxelem not an integer, or negative    INVALID_VALUE
//   family other than inet, inet6                             INVALID_FAMILY with the value
Status check_ipset_options(const IpSet& ipset);

// The value of the first option called `name` (firewalld ignores repeats), or nullptr.
const std::string* find_ipset_option(const IpSet& ipset, std::string_view name);

// True when the set has a timeout other than "0": its entries live in the kernel only.
bool ipset_has_timeout(const IpSet& ipset);

// One entry against the set's type and family (option family inet6 makes it IPv6, anything else
// IPv4). INVALID_ENTRY with firewalld's detail, e.g. "invalid address '1.2.3' in '1.2.3,80' for
// hash:ip,port (ipv4)"; INVALID_IPSET when the type is not a hash type at all.
// firewalld's XML reader drops an entry that fails this check with a warning; its D-Bus
// setters refuse the whole set.
Status check_ipset_entry(const IpSet& ipset, std::string_view entry);

}  // namespace fwctl::model
