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

bool whitelist_options(const Args& a) {
  return any_of(a, {"list_lockdown_whitelist_commands", "add_lockdown_whitelist_command",
                    "remove_lockdown_whitelist_command", "query_lockdown_whitelist_command",
                    "list_lockdown_whitelist_contexts", "add_lockdown_whitelist_context",
                    "remove_lockdown_whitelist_context", "query_lockdown_whitelist_context",
                    "list_lockdown_whitelist_uids", "list_lockdown_whitelist_users",
                    "add_lockdown_whitelist_user", "remove_lockdown_whitelist_user",
                    "query_lockdown_whitelist_user"}) ||
         a.given("add_lockdown_whitelist_uid") || a.given("remove_lockdown_whitelist_uid") ||
         a.given("query_lockdown_whitelist_uid");
}

void classify_zone_policy(const Args& a, OfflineFamilies& f) {
  f.zone_and_policy_adapt_query = any_of(a, {"add_service",         "remove_service_from_zone",
                                             "query_service",       "add_port",
                                             "remove_port",         "query_port",
                                             "add_protocol",        "remove_protocol",
                                             "query_protocol",      "add_source_port",
                                             "remove_source_port",  "query_source_port",
                                             "add_icmp_block",      "remove_icmp_block",
                                             "query_icmp_block",    "add_forward_port",
                                             "remove_forward_port", "query_forward_port",
                                             "add_rich_rule",       "remove_rich_rule",
                                             "query_rich_rule",     "add_masquerade",
                                             "remove_masquerade",   "query_masquerade",
                                             "list_services",       "list_ports",
                                             "list_protocols",      "list_source_ports",
                                             "list_icmp_blocks",    "list_forward_ports",
                                             "list_rich_rules",     "list_all",
                                             "get_target",          "set_target"});
  f.zone_unique = any_of(a, {"add_icmp_block_inversion", "remove_icmp_block_inversion",
                             "query_icmp_block_inversion", "add_forward", "remove_forward",
                             "query_forward", "list_interfaces", "change_interface",
                             "add_interface", "remove_interface", "query_interface", "list_sources",
                             "change_source", "add_source", "remove_source", "query_source"}) ||
                  zone_priority_options(a);
  f.zone_ops = f.zone_unique || f.zone_and_policy_adapt_query;
  f.policy_unique =
      any_of(a, {"list_ingress_zones", "add_ingress_zone", "remove_ingress_zone",
                 "query_ingress_zone", "list_egress_zones", "add_egress_zone", "remove_egress_zone",
                 "query_egress_zone", "set_priority", "get_priority"}) ||
      policy_disable_options(a);
  f.policy_ops = f.policy_unique || f.zone_and_policy_adapt_query;
  f.zone = a.t("zone") || f.zone_ops || f.desc_xml_file;
  f.policy = a.t("policy") || a.t("policy_set") || f.policy_ops || f.desc_xml_file;
}

void classify_kinds(const Args& a, OfflineFamilies& f) {
  f.ipset = any_of(a, {"add_entry", "remove_entry", "query_entry", "get_entries",
                       "add_entries_from_file", "remove_entries_from_file"}) ||
            f.desc_xml_file;
  f.icmptype = any_of(a, {"add_destination", "remove_destination", "query_destination",
                          "get_destinations"}) ||
               f.desc_xml_file;
  f.service =
      any_of(
          a,
          {"add_port",        "remove_port",        "query_port",        "get_ports",
           "add_protocol",    "remove_protocol",    "query_protocol",    "get_protocols",
           "add_source_port", "remove_source_port", "query_source_port", "get_source_ports",
           "add_module",      "remove_module",      "query_module",      "get_modules",
           "set_destination", "remove_destination", "query_destination", "get_destinations",
           "add_include",     "remove_include",     "query_include",     "get_includes",
           "add_helper",      "remove_helper",      "query_helper",      "get_service_helpers"}) ||
      f.desc_xml_file;
  f.helper = any_of(a, {"add_port", "remove_port", "query_port", "get_ports", "set_module",
                        "get_module", "set_family", "get_family"}) ||
             f.desc_xml_file;
}

void classify_permanent(const Args& a, OfflineFamilies& f) {
  f.permanent = f.config || f.zone || f.policy ||
                any_of(a, {"new_icmptype",
                           "delete_icmptype",
                           "new_icmptype_from_file",
                           "load_icmptype_defaults",
                           "new_service",
                           "delete_service",
                           "new_service_from_file",
                           "load_service_defaults",
                           "new_zone",
                           "delete_zone",
                           "new_zone_from_file",
                           "load_zone_defaults",
                           "new_policy",
                           "delete_policy",
                           "new_policy_from_file",
                           "load_policy_defaults",
                           "new_helper",
                           "delete_helper",
                           "new_helper_from_file",
                           "load_helper_defaults",
                           "new_ipset",
                           "delete_ipset",
                           "new_ipset_from_file",
                           "load_ipset_defaults",
                           "ipset",
                           "path_zone",
                           "path_icmptype",
                           "path_service",
                           "path_ipset",
                           "path_helper",
                           "path_policy"}) ||
                f.ipset || (a.t("icmptype") && f.icmptype) || (a.t("service") && f.service) ||
                (a.t("helper") && f.helper);
  f.direct = any_of(a, {"add_chain", "remove_chain", "query_chain", "get_chains", "get_all_chains",
                        "add_rule", "remove_rule", "remove_rules", "query_rule", "get_rules",
                        "get_all_rules", "add_passthrough", "remove_passthrough",
                        "query_passthrough", "get_passthroughs", "get_all_passthroughs"});
  f.list_get = any_of(a, {"help",
                          "version",
                          "list_all",
                          "list_all_zones",
                          "list_lockdown_whitelist_commands",
                          "list_lockdown_whitelist_contexts",
                          "list_lockdown_whitelist_uids",
                          "list_lockdown_whitelist_users",
                          "list_services",
                          "list_ports",
                          "list_protocols",
                          "list_icmp_blocks",
                          "list_forward_ports",
                          "list_rich_rules",
                          "list_interfaces",
                          "list_sources",
                          "get_default_zone",
                          "get_zone_of_interface",
                          "get_zone_of_source",
                          "get_zones",
                          "get_services",
                          "get_icmptypes",
                          "get_target",
                          "info_zone",
                          "info_icmptype",
                          "info_service",
                          "info_ipset",
                          "get_ipsets",
                          "get_entries",
                          "info_helper",
                          "get_helpers",
                          "get_destinations",
                          "get_description",
                          "list_all_policies",
                          "info_policy",
                          "get_policies"});
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
  f.desc_xml_file = any_of(a, {"set_description", "get_description", "set_short", "get_short"});
  f.lockdown_whitelist = whitelist_options(a);
  f.config = any_of(a, {"get_zones", "get_services", "get_icmptypes", "list_all_zones",
                        "get_zone_of_interface", "get_zone_of_source", "info_zone", "info_icmptype",
                        "info_service", "info_ipset", "info_policy", "get_ipsets", "info_helper",
                        "get_helpers", "get_policies", "list_all_policies"}) ||
             f.lockdown_whitelist;
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
  if (a.t("name") &&
      !any_of(a, {"new_zone_from_file", "new_service_from_file", "new_ipset_from_file",
                  "new_icmptype_from_file", "new_helper_from_file", "new_policy_from_file"}))
    return usage + "Wrong usage of '--name' option.";
  bool config_only =
      any_of(a, {"get_zones", "get_services", "get_icmptypes"}) || f.lockdown_whitelist ||
      any_of(a, {"list_all_zones", "get_zone_of_interface", "get_zone_of_source", "info_zone",
                 "info_icmptype", "info_service", "info_ipset", "info_policy", "get_ipsets",
                 "info_helper", "get_helpers", "get_policies", "list_all_policies"});
  if (config_only && (f.zone || f.policy))
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
