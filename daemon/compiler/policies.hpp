#pragma once
// Applying a policy (firewalld's _policy_settings), and the policies a zone is split into.

#include <array>
#include <string>

#include "compiler/context.hpp"

namespace fwctl::compiler {

// Creates the policy's chains, its dispatch (real policies) and every element's rules.
void apply_policy(Context& ctx, const PolicySpec& spec);

// A real policy is applied when both its ingress and egress name an active zone, HOST or ANY.
bool policy_active(const Context& ctx, const model::Policy& policy);

// zone_<z>_HOST (services, ports, ...), zone_ANY_<z> (masquerade), zone_<z>_ANY (forward
// ports), in the order firewalld applies them; rich rules go where they belong.
std::array<PolicySpec, 3> zone_policies(const std::string& name, const model::Zone& zone);
// The same three without the zone's elements: their names, zones and target only (a zone's
// dispatch, which does not look at its elements).
std::array<PolicySpec, 3> zone_policy_shells(const std::string& name, const model::Zone& zone);

}  // namespace fwctl::compiler
