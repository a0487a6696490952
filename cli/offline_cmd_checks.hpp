#pragma once
// firewall-offline-cmd's option families (options_lokkit, options_standalone, ...) and its
// checks of their combinations, in its order and with its messages. They differ from
// firewall-cmd's (checks.hpp): other stand-alone options, the lokkit family, no --permanent.

#include <optional>
#include <string>

#include "options.hpp"

namespace fwctl::cli {

struct OfflineFamilies {
  bool lokkit = false, standalone = false, desc_xml_file = false, lockdown_whitelist = false;
  bool config = false, zone_and_policy_adapt_query = false, zone_unique = false;
  bool zone_ops = false, policy_unique = false, policy_ops = false, zone = false;
  bool policy = false, ipset = false, icmptype = false, service = false, helper = false;
  bool permanent = false, direct = false, list_get = false;
};

OfflineFamilies classify_offline(const Args& a);

// The text cmd.fail() prints (exit 2) for a refused combination, or nullopt. Clears -q where
// firewall-offline-cmd refuses it, and keeps only the first --service for a service edit.
std::optional<std::string> check_offline_combinations(Args& a, const OfflineFamilies& f);

}  // namespace fwctl::cli
