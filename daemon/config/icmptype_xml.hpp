#pragma once
// ICMP type files (firewalld.icmptype(5)), read and written as firewalld 1.3.3's
// icmptype_reader and icmptype_writer do.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/icmptype.hpp"

namespace fwctl::config {

// Reads the content of an icmptype file; see parse_zone() for the error and warning contract.
// INVALID_ICMPTYPE for malformed XML. <destination ipv4="yes" ipv6="no"/> adds the families
// whose value is yes or true (any case); other values are ignored, as in firewalld.
Result<Parsed<model::IcmpType>> parse_icmptype(std::string_view xml, std::string_view name,
                                               const std::string& file);

// The bytes firewalld 1.3.3 writes for `icmptype`: destinations in the order of the list.
std::string format_icmptype(const model::IcmpType& icmptype);

}  // namespace fwctl::config
