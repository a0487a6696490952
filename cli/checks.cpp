#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace fwctl::cli {
namespace {

bool any(const Args& a, std::initializer_list<Dest> dests) {
  return std::any_of(dests.begin(), dests.end(), [&](Dest d) { return a.t(d); });
}

bool all_digits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

// firewalld 2.0's zone-only, permanent-only options.
bool zone_priority_options(const Args& a) {
  return any(a, {"get_ingress_priority", "set_ingress_priority", "get_egress_priority",
                 "set_egress_priority"});
}

// firewalld 2.4's policy-only options.
bool policy_disable_options(const Args& a) {
  return any(a, {"add_disable", "remove_disable", "query_disable"});
}

// firewalld 2.4's --policy-set: only with --add-disable or --remove-disable, and in place of
// --policy for them. 1.3.3's message stays for every other policy-only option.
std::optional<std::string> policy_set_error(const Args& a) {
  if (a.t("policy_set") && !(a.t("add_disable") || a.t("remove_disable")))
    return "Option --policy-set may only be used with --add-disable or --remove-disable.";
  if (a.t("policy_set") && a.t("policy")) return "Can't use --policy with --policy-set.";
  if (a.t("policy_set") && a.t("zone")) return "Can't use --zone with policy only options.";
  return std::nullopt;
}

Families classify(const Args& a) {
  Families f;
  f.standalone = any(a, {"help",
                         "version",
                         "state",
                         "reload",
                         "complete_reload",
                         "runtime_to_permanent",
                         "reset_to_defaults",
                         "panic_on",
                         "panic_off",
                         "query_panic",
                         "lockdown_on",
                         "lockdown_off",
                         "query_lockdown",
                         "get_default_zone",
                         "set_default_zone",
                         "get_active_zones",
                         "get_ipset_types",
                         "get_log_denied",
                         "set_log_denied",
                         "get_automatic_helpers",
                         "set_automatic_helpers",
                         "check_config",
                         "get_active_policies"});
  f.desc_xml_file = any(a, {"set_description", "get_description", "set_short", "get_short"});
  f.lockdown_whitelist =
      any(a, {"list_lockdown_whitelist_commands", "add_lockdown_whitelist_command",
              "remove_lockdown_whitelist_command", "query_lockdown_whitelist_command",
              "list_lockdown_whitelist_contexts", "add_lockdown_whitelist_context",
              "remove_lockdown_whitelist_context", "query_lockdown_whitelist_context",
              "list_lockdown_whitelist_uids", "list_lockdown_whitelist_users",
              "add_lockdown_whitelist_user", "remove_lockdown_whitelist_user",
              "query_lockdown_whitelist_user"}) ||
      a.given("add_lockdown_whitelist_uid") || a.given("remove_lockdown_whitelist_uid") ||
      a.given("query_lockdown_whitelist_uid");
  f.config = any(a, {"get_zones", "get_services", "get_icmptypes", "list_all_zones",
                     "get_zone_of_interface", "get_zone_of_source", "info_zone", "info_icmptype",
                     "info_service", "info_ipset", "info_policy", "get_ipsets", "info_helper",
                     "get_helpers", "get_policies", "list_all_policies"}) ||
             f.lockdown_whitelist;
  f.zone_and_policy_adapt_query = any(
      a, {"add_service",         "remove_service",     "query_service",      "add_port",
          "remove_port",         "query_port",         "add_protocol",       "remove_protocol",
          "query_protocol",      "add_source_port",    "remove_source_port", "query_source_port",
          "add_icmp_block",      "remove_icmp_block",  "query_icmp_block",   "add_forward_port",
          "remove_forward_port", "query_forward_port", "add_rich_rule",      "remove_rich_rule",
          "query_rich_rule",     "add_masquerade",     "remove_masquerade",  "query_masquerade",
          "list_services",       "list_ports",         "list_protocols",     "list_source_ports",
          "list_icmp_blocks",    "list_forward_ports", "list_rich_rules",    "list_all",
          "get_target",          "set_target"});
  f.zone_unique = any(a, {"add_icmp_block_inversion", "remove_icmp_block_inversion",
                          "query_icmp_block_inversion", "add_forward", "remove_forward",
                          "query_forward", "list_interfaces", "change_interface", "add_interface",
                          "remove_interface", "query_interface", "list_sources", "change_source",
                          "add_source", "remove_source", "query_source"}) ||
                  zone_priority_options(a);
  f.zone_ops = f.zone_unique || f.zone_and_policy_adapt_query;
  f.policy_unique =
      any(a, {"list_ingress_zones", "add_ingress_zone", "remove_ingress_zone", "query_ingress_zone",
              "list_egress_zones", "add_egress_zone", "remove_egress_zone", "query_egress_zone",
              "set_priority", "get_priority"}) ||
      policy_disable_options(a);
  f.policy_ops = f.policy_unique || f.zone_and_policy_adapt_query;
  bool timeout = a.str("timeout") != "0";
  f.zone = a.t("zone") || timeout || f.zone_ops || f.desc_xml_file;
  f.policy = a.t("policy") || a.t("policy_set") || timeout || f.policy_ops || f.desc_xml_file;
  f.ipset = any(a, {"add_entry", "remove_entry", "query_entry", "get_entries",
                    "add_entries_from_file", "remove_entries_from_file"}) ||
            f.desc_xml_file;
  f.icmptype =
      any(a, {"add_destination", "remove_destination", "query_destination", "get_destinations"}) ||
      f.desc_xml_file;
  f.service =
      any(a,
          {"add_port",        "remove_port",        "query_port",        "get_ports",
           "add_protocol",    "remove_protocol",    "query_protocol",    "get_protocols",
           "add_source_port", "remove_source_port", "query_source_port", "get_source_ports",
           "add_module",      "remove_module",      "query_module",      "get_modules",
           "set_destination", "remove_destination", "query_destination", "get_destinations",
           "add_include",     "remove_include",     "query_include",     "get_includes",
           "add_helper",      "remove_helper",      "query_helper",      "get_service_helpers"}) ||
      f.desc_xml_file;
  f.helper = any(a, {"add_port", "remove_port", "query_port", "get_ports", "set_module",
                     "get_module", "set_family", "get_family"}) ||
             f.desc_xml_file;
  f.permanent = a.t("permanent") || f.config || a.t("zone") || f.zone_ops || a.t("policy") ||
                a.t("policy_set") || f.policy_ops || a.t("ipset") || f.ipset || a.t("helper") ||
                f.helper;
  f.permanent_only =
      any(a, {"new_icmptype", "delete_icmptype", "new_icmptype_from_file", "load_icmptype_defaults",
              "new_service",  "delete_service",  "new_service_from_file",  "load_service_defaults",
              "new_zone",     "delete_zone",     "new_zone_from_file",     "load_zone_defaults",
              "new_policy",   "delete_policy",   "new_policy_from_file",   "load_policy_defaults",
              "new_ipset",    "delete_ipset",    "new_ipset_from_file",    "load_ipset_defaults",
              "new_helper",   "delete_helper",   "new_helper_from_file",   "load_helper_defaults",
              "path_zone",    "path_icmptype",   "path_service",           "path_ipset",
              "path_helper",  "path_policy"}) ||
      (a.t("icmptype") && f.icmptype) || (a.t("service") && f.service) ||
      (a.t("helper") && f.helper) || f.desc_xml_file || zone_priority_options(a);
  f.direct = any(a, {"passthrough", "add_chain", "remove_chain", "query_chain", "get_chains",
                     "get_all_chains", "add_rule", "remove_rule", "remove_rules", "query_rule",
                     "get_rules", "get_all_rules", "add_passthrough", "remove_passthrough",
                     "query_passthrough", "get_passthroughs", "get_all_passthroughs"});
  f.require_permanent = f.permanent_only || a.t("get_target") || a.t("set_target");
  f.list_get = any(a, {"help",
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
                       "get_active_zones",
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
                       "get_policies",
                       "get_active_policies"});
  return f;
}

// firewall-cmd's --timeout reading: N, Ns, Nm or Nh; nullopt where it fails.
std::optional<int> timeout_seconds(const std::string& text) {
  int value = 0;
  char unit = 's';
  if (text.empty()) return std::nullopt;
  if (all_digits(text)) {
    value = std::stoi(text.substr(0, 9));
  } else {
    if (text.size() == 1 || !all_digits(text.substr(0, text.size() - 1))) return std::nullopt;
    value = std::stoi(text.substr(0, std::min<size_t>(text.size() - 1, 9)));
    unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
  }
  switch (unit) {
    case 's':
      return value;
    case 'm':
      return value * 60;
    case 'h':
      return value * 3600;
    default:
      return std::nullopt;
  }
}

CheckResult check_combinations(Args& a, const Families& f, const std::string& prog) {
  const std::string usage = format_usage(prog);
  auto failure = [&](const std::string& text) { return CheckResult{usage + text, 0}; };
  if (f.standalone &&
      (f.zone || f.permanent || f.direct || f.permanent_only || f.ipset || f.policy))
    return failure("Can't use stand-alone options with other options.");
  if (f.ipset && !f.desc_xml_file && !a.t("ipset")) return failure("No ipset specified.");
  if ((f.icmptype && !a.t("icmptype")) && !(f.service && a.t("service")) && !f.desc_xml_file)
    return failure("No icmptype specified.");
  if ((f.helper && !a.t("helper")) && !(f.service && a.t("service")) && !f.zone &&
      !f.desc_xml_file && !f.policy)
    return failure("No helper specified.");
  if ((f.direct || f.permanent_only) && (f.zone && !a.t("zone")) &&
      (f.service && !a.t("service")) && (f.icmptype && a.t("icmptype")) && !f.desc_xml_file)
    return failure("Can't be used with --zone.");
  if ((a.t("direct") && !f.direct) || (f.direct && !a.t("direct")))
    return failure("Wrong usage of 'direct' options.");
  if (a.t("zone") && a.t("direct")) return failure("--zone is an invalid option with --direct");
  if (a.t("name") && !(a.t("new_zone_from_file") || a.t("new_service_from_file") ||
                       a.t("new_ipset_from_file") || a.t("new_icmptype_from_file") ||
                       a.t("new_helper_from_file") || a.t("new_policy_from_file")))
    return failure("Wrong usage of '--name' option.");
  if (f.require_permanent && !a.t("permanent"))
    return failure("Option can be used only with --permanent.");
  if (f.config && (f.zone || f.policy))
    return failure(
        "Wrong usage of --get-zones | --get-services | --get-icmptypes | --get-policies.");
  int timeout = 0;
  if (std::string text = a.str("timeout"); text != "0") {
    auto seconds = timeout_seconds(text);
    if (!seconds)
      return failure("'" + text + "' is wrong timeout value. Use for example '2m' or '1h'");
    timeout = *seconds;
  }
  if (timeout &&
      !any(a, {"add_service", "add_port", "add_protocol", "add_icmp_block", "add_forward_port",
               "add_source_port", "add_forward", "add_masquerade", "add_rich_rule"}))
    return failure("Wrong --timeout usage");
  if (a.t("permanent")) {
    if (timeout) return failure("Can't specify timeout for permanent action.");
    if (!(f.config && !a.t("zone")) && !f.permanent) return failure("Wrong --permanent usage.");
  }
  if (a.t("quiet") && f.list_get) {
    a.clear("quiet");
    return CheckResult{"-q/--quiet can't be used with this option(s)", 0};
  }
  if (a.t("zone") && a.t("policy")) return failure("Can't use --zone with --policy.");
  if (a.t("policy") && f.zone_unique) return failure("Can't use --policy with zone only options.");
  if (a.t("zone") && f.policy_unique) return failure("Can't use --zone with policy only options.");
  if (auto text = policy_set_error(a)) return failure(*text);
  if (!a.t("policy") && !a.t("policy_set") && f.policy_unique)
    return failure("Must use --policy with policy only options.");
  return CheckResult{std::nullopt, timeout};
}

}  // namespace fwctl::cli
