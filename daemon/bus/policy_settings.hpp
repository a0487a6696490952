#pragma once
// An ipset's settings in the (ssssa{ss}as) form of getIPSetSettings, and a policy's settings in
// the a{sv} form of firewalld's getPolicySettings/setPolicySettings
// (export_config_dict / import_config_dict of io/policy.py).
//
//   policy_dict(policy)      {"target": "CONTINUE", "priority": -1, "masquerade": false,
//                             "ingress_zones": ["HOST"], "services": [...], ...}; empty strings
//                             and lists and a priority of 0 are left out, masquerade never
//   policy_update(settings)  the keys given; INVALID_OPTION "option 'x' is not valid" for a key
//                            firewalld does not know, INVALID_TYPE for a value of another type

#include "bus/settings_dict.hpp"
#include "common/result.hpp"
#include "core/firewall.hpp"
#include "core/firewall_policy.hpp"

namespace fwctl::bus {

// version, short, description, type, options, entries.
using IpSetTuple = sdbus::Struct<std::string, std::string, std::string, std::string,
                                 std::map<std::string, std::string>, std::vector<std::string>>;

// The options as a dict: a repeated option keeps its first value, as firewalld's reader does.
IpSetTuple ipset_tuple(const model::IpSet& ipset);

Dict policy_dict(const model::Policy& policy);
Result<core::PolicyUpdate> policy_update(const Dict& settings);

}  // namespace fwctl::bus
