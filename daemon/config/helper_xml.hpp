#pragma once
// Helper files (firewalld.helper(5)), read and written as firewalld 1.3.3's helper_reader and
// helper_writer do.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/helper.hpp"

namespace fwctl::config {

// Reads the content of a helper file; see parse_zone() for the error and warning contract.
// INVALID_HELPER for malformed XML, INVALID_IPV for a family other than ipv4/ipv6,
// INVALID_MODULE for a module not named nf_conntrack_*.
Result<Parsed<model::Helper>> parse_helper(std::string_view xml, std::string_view name,
                                           const std::string& file);

// The bytes firewalld 1.3.3 writes for `helper`.
std::string format_helper(const model::Helper& helper);

}  // namespace fwctl::config
