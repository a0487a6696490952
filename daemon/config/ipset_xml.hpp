#pragma once
// ipset files (firewalld.ipset(5)), read and written as firewalld 1.3.3's ipset_reader and
// ipset_writer do.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/ipset.hpp"

namespace fwctl::config {

// Reads the content of an ipset file; see parse_zone() for the error and warning contract.
// INVALID_IPSET for malformed XML, INVALID_TYPE, INVALID_OPTION, INVALID_VALUE, INVALID_FAMILY
// for a bad type or option. As in firewalld, a bad or repeated entry is dropped with a warning,
// and so are all entries of a set with a timeout (they live in the kernel only).
Result<Parsed<model::IpSet>> parse_ipset(std::string_view xml, std::string_view name,
                                         const std::string& file);

// The bytes firewalld 1.3.3 writes for `ipset`.
std::string format_ipset(const model::IpSet& ipset);

}  // namespace fwctl::config
