// firewalld.conf through config.Set (firewalld's server/config.py Set).
#include <algorithm>
#include <array>
#include <cctype>

#include "common/text.hpp"
#include "config/firewalld_conf_file.hpp"
#include "core/lockdown.hpp"
#include "core/permanent.hpp"

namespace fwctl::core {
namespace {

struct ConfKey {
  const char* name;
  std::string model::FirewalldConf::*field;
  enum { Boolean, RpFilter, LogDenied, Backend, Flowtable, Ignored } kind;
};

// firewalld 1.3.3's properties of org.fedoraproject.FirewallD1.config, then the firewalld 2.x
// keys of fwctl's org.fwctl.Config1 (2.x's property names; bus/fwctl_config_adaptor.hpp).
constexpr std::array<ConfKey, 17> kKeys{{
    {"CleanupOnExit", &model::FirewalldConf::cleanup_on_exit, ConfKey::Boolean},
    {"CleanupModulesOnExit", &model::FirewalldConf::cleanup_modules_on_exit, ConfKey::Boolean},
    {"Lockdown", &model::FirewalldConf::lockdown, ConfKey::Boolean},
    {"IPv6_rpfilter", &model::FirewalldConf::ipv6_rpfilter, ConfKey::Boolean},
    {"IndividualCalls", &model::FirewalldConf::individual_calls, ConfKey::Boolean},
    {"FlushAllOnReload", &model::FirewalldConf::flush_all_on_reload, ConfKey::Boolean},
    {"RFC3964_IPv4", &model::FirewalldConf::rfc3964_ipv4, ConfKey::Boolean},
    {"LogDenied", &model::FirewalldConf::log_denied, ConfKey::LogDenied},
    {"FirewallBackend", &model::FirewalldConf::firewall_backend, ConfKey::Backend},
    {"MinimalMark", &model::FirewalldConf::minimal_mark, ConfKey::Ignored},
    {"AutomaticHelpers", &model::FirewalldConf::automatic_helpers, ConfKey::Ignored},
    {"AllowZoneDrifting", &model::FirewalldConf::allow_zone_drifting, ConfKey::Ignored},
    {"NftablesCounters", &model::FirewalldConf::nftables_counters, ConfKey::Boolean},
    {"StrictForwardPorts", &model::FirewalldConf::strict_forward_ports, ConfKey::Boolean},
    {"NftablesTableOwner", &model::FirewalldConf::nftables_table_owner, ConfKey::Boolean},
    // 2.x lists it as writable but its setter has no case for it (BugError); here it is checked.
    {"NftablesFlowtable", &model::FirewalldConf::nftables_flowtable, ConfKey::Flowtable},
    // IPv6_rpfilter with 2.2's modes; the 1.3.3 property above still takes only booleans.
    {"IPv6_rpfilter2", &model::FirewalldConf::ipv6_rpfilter, ConfKey::RpFilter},
}};

bool one_of(const std::string& value, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool valid(const ConfKey& key, const std::string& value) {
  switch (key.kind) {
    case ConfKey::Boolean:
      return one_of(lower(value), {"yes", "no", "true", "false"});
    case ConfKey::RpFilter:  // 2.x's setter compares case-sensitively
      return one_of(value, {"yes", "true", "no", "false", "strict", "loose", "loose-forward",
                            "strict-forward"});
    case ConfKey::LogDenied:
      return one_of(value, {"all", "unicast", "broadcast", "multicast", "off"});
    case ConfKey::Backend:
      return one_of(value, {"nftables", "iptables"});
    case ConfKey::Flowtable:
      return model::valid_flowtable(value);
    case ConfKey::Ignored:
      return true;
  }
  return false;
}

// Writes `next` to SYSTEM_DIR/firewalld.conf and, once it is on disk, makes it `current`.
Status replace_conf(const config::Paths& paths, model::FirewalldConf& current,
                    model::FirewalldConf next) {
  if (Status st = config::save_firewalld_conf(next, paths.system_dir + "/firewalld.conf"); !st) {
    return st;
  }
  current = std::move(next);
  return ok();
}

}  // namespace

Result<bool> Permanent::set_conf(const std::string& key, const std::string& value) {
  if (Status st = refuse_if_failed(); !st) return st;
  auto it =
      std::find_if(kKeys.begin(), kKeys.end(), [&](const ConfKey& k) { return key == k.name; });
  if (it == kKeys.end()) {
    return fail(Code::INVALID_VALUE, "Property '" + key + "' does not exist");
  }
  if (it->kind == ConfKey::Ignored) return false;
  if (!valid(*it, value)) return fail(Code::INVALID_VALUE, "'" + value + "' for " + key);
  model::FirewalldConf next = config_.conf;
  next.*(it->field) = value;
  if (Status st = replace_conf(paths_, config_.conf, std::move(next)); !st) return st;
  return true;
}

Status check_log_denied(const std::string& value) {
  constexpr std::array<const char*, 5> values = {"all", "unicast", "broadcast", "multicast", "off"};
  if (std::find(values.begin(), values.end(), value) != values.end()) return ok();
  std::string choices;
  for (const char* each : values) choices += std::string(choices.empty() ? "" : "','") + each;
  return fail(Code::INVALID_VALUE, "'" + value + "', choose from '" + choices + "'");
}

Status Permanent::set_log_denied(const std::string& value) {
  if (Status st = refuse_if_failed(); !st) return st;
  if (Status st = check_log_denied(value); !st) return st;
  if (value == config_.conf.log_denied) return fail(Code::ALREADY_SET, value);
  model::FirewalldConf next = config_.conf;
  next.log_denied = value;
  return replace_conf(paths_, config_.conf, std::move(next));
}

// Declared with core::Lockdown; defined here, in the store, for fwctl --offline --query-lockdown.
bool lockdown_from_conf(const std::string& value) {
  std::string lower = ascii_lower(value);
  return lower == "yes" || lower == "true";
}

Status Permanent::set_default_zone(const std::string& zone) {
  if (Status st = refuse_if_failed(); !st) return st;
  if (!config_.zones.count(zone)) return fail(Code::INVALID_ZONE, zone);
  if (zone == config_.conf.default_zone) return fail(Code::ZONE_ALREADY_SET, zone);
  model::FirewalldConf next = config_.conf;
  next.default_zone = zone;
  return replace_conf(paths_, config_.conf, std::move(next));
}

}  // namespace fwctl::core
