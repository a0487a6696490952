#pragma once
// A policy's settings in the a{sv} form of firewalld's getPolicySettings/setPolicySettings
// (export_config_dict / import_config_dict of io/policy.py).
//
//   policy_dict(policy)      {"target": "CONTINUE", "priority": -1, "masquerade": false,
//                             "ingress_zones": ["HOST"], "services": [...], ...}; empty strings
//                             and lists and a priority of 0 are left out, masquerade never
//   policy_update(settings)  the keys given; INVALID_OPTION "option 'x' is not valid" for a key
//                            firewalld does not know, INVALID_TYPE for a value of another type

#include "bus/config_settings.hpp"
#include "bus/settings_dict.hpp"
#include "common/result.hpp"
#include "core/firewall.hpp"
#include "core/firewall_policy.hpp"

namespace fwctl::bus {

// policy_dict() and ipset_tuple() are config_settings.hpp's: one form for runtime and permanent.
Result<core::PolicyUpdate> policy_update(const Dict& settings);

}  // namespace fwctl::bus
