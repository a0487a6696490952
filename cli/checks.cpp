#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>

#include "option_groups.hpp"

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

bool lockdown_whitelist_options(const Args& a) {
  return any(a, {"list_lockdown_whitelist_commands", "add_lockdown_whitelist_command",
                 "remove_lockdown_whitelist_command", "query_lockdown_whitelist_command",
                 "list_lockdown_whitelist_contexts", "add_lockdown_whitelist_context",
                 "remove_lockdown_whitelist_context", "query_lockdown_whitelist_context",
                 "list_lockdown_whitelist_uids", "list_lockdown_whitelist_users",
                 "add_lockdown_whitelist_user", "remove_lockdown_whitelist_user",
                 "query_lockdown_whitelist_user"}) ||
         a.given("add_lockdown_whitelist_uid") || a.given("remove_lockdown_whitelist_uid") ||
         a.given("query_lockdown_whitelist_uid");
}

bool config_options(const Args& a) {
  return any(a, {"get_zones", "get_services", "get_icmptypes", "list_all_zones",
                 "get_zone_of_interface", "get_zone_of_source", "info_zone", "info_icmptype",
                 "info_service", "info_ipset", "info_policy", "get_ipsets", "info_helper",
                 "get_helpers", "get_policies", "list_all_policies"}) ||
         lockdown_whitelist_options(a);
}

bool zone_and_policy_adapt_query_options(const Args& a, Dest remove_service) {
  return any(
      a, {"add_service",         remove_service,       "query_service",      "add_port",
          "remove_port",         "query_port",         "add_protocol",       "remove_protocol",
          "query_protocol",      "add_source_port",    "remove_source_port", "query_source_port",
          "add_icmp_block",      "remove_icmp_block",  "query_icmp_block",   "add_forward_port",
          "remove_forward_port", "query_forward_port", "add_rich_rule",      "remove_rich_rule",
          "query_rich_rule",     "add_masquerade",     "remove_masquerade",  "query_masquerade",
          "list_services",       "list_ports",         "list_protocols",     "list_source_ports",
          "list_icmp_blocks",    "list_forward_ports", "list_rich_rules",    "list_all",
          "get_target",          "set_target"});
}

bool zone_unique_options(const Args& a) {
  return any(a, {"add_icmp_block_inversion", "remove_icmp_block_inversion",
                 "query_icmp_block_inversion", "add_forward", "remove_forward", "query_forward",
                 "list_interfaces", "change_interface", "add_interface", "remove_interface",
                 "query_interface", "list_sources", "change_source", "add_source", "remove_source",
                 "query_source"}) ||
         zone_priority_options(a);
}

bool policy_unique_options(const Args& a) {
  return any(a, {"list_ingress_zones", "add_ingress_zone", "remove_ingress_zone",
                 "query_ingress_zone", "list_egress_zones", "add_egress_zone", "remove_egress_zone",
                 "query_egress_zone", "set_priority", "get_priority"}) ||
         policy_disable_options(a);
}

bool ipset_options(const Args& a) {
  return any(a, {"add_entry", "remove_entry", "query_entry", "get_entries", "add_entries_from_file",
                 "remove_entries_from_file"});
}

bool icmptype_options(const Args& a) {
  return any(a, {"add_destination", "remove_destination", "query_destination", "get_destinations"});
}

bool service_options(const Args& a) {
  return any(a,
             {"add_port",        "remove_port",        "query_port",        "get_ports",
              "add_protocol",    "remove_protocol",    "query_protocol",    "get_protocols",
              "add_source_port", "remove_source_port", "query_source_port", "get_source_ports",
              "add_module",      "remove_module",      "query_module",      "get_modules",
              "set_destination", "remove_destination", "query_destination", "get_destinations",
              "add_include",     "remove_include",     "query_include",     "get_includes",
              "add_helper",      "remove_helper",      "query_helper",      "get_service_helpers"});
}

bool helper_options(const Args& a) {
  return any(a, {"add_port", "remove_port", "query_port", "get_ports", "set_module", "get_module",
                 "set_family", "get_family"});
}

bool direct_options(const Args& a) {
  return any(a, {"passthrough", "add_chain", "remove_chain", "query_chain", "get_chains",
                 "get_all_chains", "add_rule", "remove_rule", "remove_rules", "query_rule",
                 "get_rules", "get_all_rules", "add_passthrough", "remove_passthrough",
                 "query_passthrough", "get_passthroughs", "get_all_passthroughs"});
}

bool list_get_options(const Args& a) {
  return any(a, {"help",
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
}

bool desc_xml_file_options(const Args& a) {
  return any(a, {"set_description", "get_description", "set_short", "get_short"});
}

bool from_file_options(const Args& a) {
  return std::any_of(std::begin(kAllKindDests), std::end(kAllKindDests),
                     [&](const KindDests& k) { return a.t(k.create_from_file); });
}

bool item_file_options(const Args& a) {
  return std::any_of(std::begin(kAllKindDests), std::end(kAllKindDests), [&](const KindDests& k) {
    return a.t(k.create) || a.t(k.remove) || a.t(k.create_from_file) || a.t(k.load_defaults) ||
           a.t(k.path);
  });
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
  f.desc_xml_file = desc_xml_file_options(a);
  f.lockdown_whitelist = lockdown_whitelist_options(a);
  f.config = config_options(a);
  f.zone_and_policy_adapt_query = zone_and_policy_adapt_query_options(a, "remove_service");
  f.zone_unique = zone_unique_options(a);
  f.zone_ops = f.zone_unique || f.zone_and_policy_adapt_query;
  f.policy_unique = policy_unique_options(a);
  f.policy_ops = f.policy_unique || f.zone_and_policy_adapt_query;
  bool timeout = a.str("timeout") != "0";
  f.zone = a.t("zone") || timeout || f.zone_ops || f.desc_xml_file;
  f.policy = a.t("policy") || a.t("policy_set") || timeout || f.policy_ops || f.desc_xml_file;
  f.ipset = ipset_options(a) || f.desc_xml_file;
  f.icmptype = icmptype_options(a) || f.desc_xml_file;
  f.service = service_options(a) || f.desc_xml_file;
  f.helper = helper_options(a) || f.desc_xml_file;
  f.permanent = a.t("permanent") || f.config || a.t("zone") || f.zone_ops || a.t("policy") ||
                a.t("policy_set") || f.policy_ops || a.t("ipset") || f.ipset || a.t("helper") ||
                f.helper;
  f.permanent_only = item_file_options(a) || (a.t("icmptype") && f.icmptype) ||
                     (a.t("service") && f.service) || (a.t("helper") && f.helper) ||
                     f.desc_xml_file || zone_priority_options(a);
  f.direct = direct_options(a);
  f.require_permanent = f.permanent_only || a.t("get_target") || a.t("set_target");
  f.list_get = list_get_options(a);
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
  if (a.t("name") && !from_file_options(a)) return failure("Wrong usage of '--name' option.");
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
