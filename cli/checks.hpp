#pragma once
// firewall-cmd's option families (options_standalone, options_zone, ...) and the checks it makes
// on their combinations before it talks to the daemon, in its order and with its messages.

#include <optional>
#include <string>

#include "options.hpp"

namespace fwctl::cli {

struct Families {
  bool standalone = false, desc_xml_file = false, lockdown_whitelist = false, config = false;
  bool zone_and_policy_adapt_query = false, zone_unique = false, zone_ops = false;
  bool policy_unique = false, policy_ops = false, zone = false, policy = false;
  bool ipset = false, icmptype = false, service = false, helper = false;
  bool permanent = false, permanent_only = false, direct = false, require_permanent = false;
  bool list_get = false;
};

Families classify(const Args& a);

// firewall-cmd's --timeout reading: N, Ns, Nm or Nh in seconds; nullopt where it fails.
std::optional<int> timeout_seconds(const std::string& text);
// firewalld 2.x's options, shared with firewall-offline-cmd's checks: the zone priorities
// (2.0, zone-only, permanent-only), the policy disable flag (2.4, policy-only) and the usage
// error of --policy-set (2.4), if any.
bool zone_priority_options(const Args& a);
// firewall-cmd's options_* families that firewall-offline-cmd has too, with the same options (an
// option the command line lacks is never given): options_lockdown_whitelist, options_config,
// options_zone_unique, options_policy_unique, options_ipset, options_icmptype, options_service,
// options_helper, options_direct, options_list_get, options_desc_xml_file and the
// new/delete/load/path options of every kind (options_permanent_only's first part). Each takes
// the options of both lists where they differ only by options one of the command lines lacks
// (--passthrough, --get-active-zones, --get-active-policies: firewall-cmd's only).
bool lockdown_whitelist_options(const Args& a);
// options_zone_and_policy_adapt_query, whose --remove-service is --remove-service-from-zone in
// firewall-offline-cmd (its --remove-service is a lokkit option).
bool zone_and_policy_adapt_query_options(const Args& a, Dest remove_service);
bool config_options(const Args& a);
bool zone_unique_options(const Args& a);
bool policy_unique_options(const Args& a);
bool ipset_options(const Args& a);
bool icmptype_options(const Args& a);
bool service_options(const Args& a);
bool helper_options(const Args& a);
bool direct_options(const Args& a);
bool list_get_options(const Args& a);
bool desc_xml_file_options(const Args& a);
bool item_file_options(const Args& a);
bool from_file_options(const Args& a);  // --new-<kind>-from-file, which --name goes with
bool policy_disable_options(const Args& a);
std::optional<std::string> policy_set_error(const Args& a);

// What cmd.fail() is asked to print (exit 2), or nullopt when the combination is accepted.
// Also turns a.timeout into seconds (`timeout` on return) the way firewall-cmd does, and clears
// -q where firewall-cmd refuses it (that failure is printed even though -q was given).
struct CheckResult {
  std::optional<std::string> failure;
  int timeout = 0;
};
CheckResult check_combinations(Args& a, const Families& f, const std::string& prog);

}  // namespace fwctl::cli
