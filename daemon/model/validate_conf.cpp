// check_firewalld_conf(): firewalld.conf values.

#include <algorithm>
#include <cctype>
#include <string>

#include "common/text.hpp"
#include "model/python_int.hpp"
#include "model/validate.hpp"

namespace fwctl::model {
namespace {

bool is_boolean(std::string_view value) {
  return one_of(ascii_lower(value), {"yes", "no", "true", "false"});
}

struct Setting {
  std::string_view key;
  const std::string& value;
  bool valid;
};

}  // namespace

Status check_firewalld_conf(const FirewalldConf& conf) {
  if (conf.default_zone.empty()) return fail(Code::INVALID_ZONE, "DefaultZone is not set");
  const Setting settings[] = {
      {"MinimalMark", conf.minimal_mark,
       parse_python_int(conf.minimal_mark, PythonIntBase::Decimal).has_value()},
      {"CleanupOnExit", conf.cleanup_on_exit, is_boolean(conf.cleanup_on_exit)},
      {"CleanupModulesOnExit", conf.cleanup_modules_on_exit,
       is_boolean(conf.cleanup_modules_on_exit)},
      {"Lockdown", conf.lockdown, is_boolean(conf.lockdown)},
      {"IPv6_rpfilter", conf.ipv6_rpfilter, rpfilter_mode(conf.ipv6_rpfilter).has_value()},
      {"IndividualCalls", conf.individual_calls, is_boolean(conf.individual_calls)},
      {"LogDenied", conf.log_denied,
       one_of(conf.log_denied, {"all", "unicast", "broadcast", "multicast", "off"})},
      {"AutomaticHelpers", conf.automatic_helpers,
       one_of(ascii_lower(conf.automatic_helpers), {"yes", "no", "system"})},
      {"FirewallBackend", conf.firewall_backend,
       one_of(conf.firewall_backend, {"nftables", "iptables"})},
      {"FlushAllOnReload", conf.flush_all_on_reload, is_boolean(conf.flush_all_on_reload)},
      {"ReloadPolicy", conf.reload_policy, parse_reload_policy(conf.reload_policy).has_value()},
      {"RFC3964_IPv4", conf.rfc3964_ipv4, is_boolean(conf.rfc3964_ipv4)},
      {"AllowZoneDrifting", conf.allow_zone_drifting, is_boolean(conf.allow_zone_drifting)},
      {"NftablesFlowtable", conf.nftables_flowtable, valid_flowtable(conf.nftables_flowtable)},
      {"NftablesCounters", conf.nftables_counters, is_boolean(conf.nftables_counters)},
      {"StrictForwardPorts", conf.strict_forward_ports, is_boolean(conf.strict_forward_ports)},
      {"NftablesTableOwner", conf.nftables_table_owner, is_boolean(conf.nftables_table_owner)},
  };
  for (const Setting& setting : settings) {
    if (!setting.valid) {
      return fail(Code::INVALID_VALUE, "'" + setting.value + "' for " + std::string(setting.key));
    }
  }
  return ok();
}

}  // namespace fwctl::model
