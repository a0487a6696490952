#pragma once
// Policy files (firewalld.policy(5)), read and written as firewalld 1.3.3's policy_reader and
// policy_writer do.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "config/item_reader.hpp"
#include "model/policy.hpp"

namespace fwctl::config {

// Reads the content of a policy file; see parse_zone() for the error and warning contract.
// INVALID_POLICY for malformed XML; a priority that is not a number is INVALID_PRIORITY (firewalld
// crashes on it); the priority's range is model::check_policy()'s business.
Result<Parsed<model::Policy>> parse_policy(std::string_view xml, std::string_view name,
                                           const std::string& file);

// The bytes firewalld 1.3.3 writes for `policy`.
std::string format_policy(const model::Policy& policy);

}  // namespace fwctl::config
