#pragma once
// Zone files (firewalld.zone(5)), read and written as firewalld 1.3.3's zone_reader and
// zone_writer do.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/zone.hpp"

namespace fwctl::config {

// Reads the content of a zone file. `name` is the zone's name (the file name without ".xml";
// "dir/name" for a combined zone), `file` names the file in errors and warnings.
//
// Fails with firewalld's code where its reader raises: INVALID_ZONE for malformed XML,
// PARSE_ERROR for an unknown element or attribute or a missing attribute, INVALID_TARGET,
// INVALID_PORT, INVALID_PROTOCOL, INVALID_ADDR, … for bad values, and whatever
// model::check_zone() finds. What firewalld only logs (duplicates, deprecated attributes,
// invalid rich rules, sources it ignores) is left out and listed in the warnings.
//
// Like firewalld, the reader stores ports in canonical form ("http" → "80") and merges
// overlapping ports of one protocol.
Result<Parsed<model::Zone>> parse_zone(std::string_view xml, std::string_view name,
                                       const std::string& file);

// The bytes firewalld 1.3.3 writes for `zone`.
std::string format_zone(const model::Zone& zone);

}  // namespace fwctl::config
