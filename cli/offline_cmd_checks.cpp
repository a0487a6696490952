// Transcribed from firewall-offline-cmd 1.3.3 (the options_* expressions and the "Check various
// impossible combinations of options" block), in its order.
#include "offline_cmd_checks.hpp"

#include <algorithm>
#include <initializer_list>

#include "checks.hpp"
#include "offline_cmd_options.hpp"

namespace fwctl::cli {
namespace {

bool any_of(const Args& a, std::initializer_list<Dest> dests) {
  return std::any_of(dests.begin(), dests.end(), [&](Dest d) { return a.t(d); });
}

void classify_zone_policy(const Args& a, OfflineFamilies& f) {
  f.zone_and_policy_adapt_query =
      zone_and_policy_adapt_query_options(a, "remove_service_from_zone");
  f.zone_unique = zone_unique_options(a);
  f.zone_ops = f.zone_unique || f.zone_and_policy_adapt_query;
  f.policy_unique = policy_unique_options(a);
  f.policy_ops = f.policy_unique || f.zone_and_policy_adapt_query;
  f.zone = a.t("zone") || f.zone_ops || f.desc_xml_file;
  f.policy = a.t("policy") || a.t("policy_set") || f.policy_ops || f.desc_xml_file;
}

void classify_kinds(const Args& a, OfflineFamilies& f) {
  f.ipset = ipset_options(a) || f.desc_xml_file;
  f.icmptype = icmptype_options(a) || f.desc_xml_file;
  f.service = service_options(a) || f.desc_xml_file;
  f.helper = helper_options(a) || f.desc_xml_file;
}

void classify_permanent(const Args& a, OfflineFamilies& f) {
  f.permanent = f.config || f.zone || f.policy || item_file_options(a) || a.t("ipset") || f.ipset ||
                (a.t("icmptype") && f.icmptype) || (a.t("service") && f.service) ||
                (a.t("helper") && f.helper);
  f.direct = direct_options(a);
  f.list_get = list_get_options(a);
}

}  // namespace

OfflineFamilies classify_offline(const Args& a) {
  OfflineFamilies f;
  f.lokkit = any_of(
      a, {"enabled", "disabled", "addmodule", "removemodule", "trust", "masq", "custom_rules",
          "service", "remove_service", "port", "forward_port", "block_icmp"});
  f.standalone = any_of(
      a, {"help", "version", "policy_server", "policy_desktop", "lockdown_on", "lockdown_off",
          "query_lockdown", "reset_to_defaults", "get_default_zone", "set_default_zone",
          "get_log_denied", "set_log_denied", "get_automatic_helpers", "set_automatic_helpers"});
  f.desc_xml_file = desc_xml_file_options(a);
  f.lockdown_whitelist = lockdown_whitelist_options(a);
  f.config = config_options(a);
  classify_zone_policy(a, f);
  classify_kinds(a, f);
  classify_permanent(a, f);
  return f;
}

std::optional<std::string> check_offline_combinations(Args& a, const OfflineFamilies& f) {
  const std::string usage = offline_usage();
  const bool service_edit = f.service && a.t("service");
  if (!(f.standalone || f.ipset || f.lokkit || f.icmptype || f.service || f.helper || f.permanent ||
        f.direct || f.desc_xml_file || a.t("check_config")))
    return usage + "No option specified.";
  if (f.lokkit && (f.standalone || f.permanent || f.direct) && !service_edit)
    return usage + "Can't use lokkit options with other options.";
  if (f.standalone && (f.permanent || f.direct || f.ipset))
    return usage + "Can't use stand-alone options with other options.";
  if (f.ipset && !f.desc_xml_file && !a.t("ipset")) return usage + "No ipset specified.";
  if ((f.icmptype && !a.t("icmptype")) && !service_edit && !f.desc_xml_file)
    return usage + "No icmptype specified.";
  if (service_edit && a.list("service").size() > 1)
    return usage + "More than one service specified.";
  if ((f.helper && !a.t("helper")) && !service_edit && !f.zone && !f.desc_xml_file && !f.policy)
    return usage + "No helper specified.";
  if (f.direct && (f.zone || f.policy))
    return usage + "Can't use 'direct' options with other options.";
  if ((a.t("direct") && !f.direct) || (f.direct && !a.t("direct")))
    return usage + "Wrong usage of 'direct' options.";
  if (a.t("name") && !from_file_options(a)) return usage + "Wrong usage of '--name' option.";
  if (f.config && (f.zone || f.policy))
    return usage +
           "Wrong usage of --get-zones | --get-services | --get-icmptypes | "
           "--get-policies.";
  if (a.t("quiet") && f.list_get) {
    a.clear("quiet");
    return std::string("-q/--quiet can't be used with this option(s)");
  }
  if (a.t("zone") && a.t("policy")) return usage + "Can't use --zone with --policy.";
  if (a.t("policy") && f.zone_unique) return usage + "Can't use --policy with zone only options.";
  if (a.t("zone") && f.policy_unique) return usage + "Can't use --zone with policy only options.";
  if (auto text = policy_set_error(a)) return usage + *text;
  if (!a.t("policy") && !a.t("policy_set") && f.policy_unique)
    return usage + "Must use --policy with policy only options.";
  return std::nullopt;
}

}  // namespace fwctl::cli
