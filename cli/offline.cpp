// fwctl --permanent while no daemon runs: firewall-cmd's command line on the files (and the
// handlers fwctl --offline, firewall-offline-cmd's command line, shares: offline_store.hpp,
// offline_cmd.cpp). The permanent configuration is loaded from the two trees
// (--default-config, --system-config) and changed through core::Permanent, the store fwctld
// itself uses: zones with the one-element edits of its config.zone objects (offline_zone.cpp,
// core/permanent_edit.hpp); the other kinds with the client-side edits the --permanent path
// makes of the settings it fetched (permanent_edits.hpp), taken in as the daemon takes them
// (model_settings.hpp); direct.xml and the lockdown whitelist with the daemon's edits of them
// (offline_direct.hpp). The files written are the ones the daemon would write for the same
// commands. Messages and exit codes are firewall-cmd's.
#include "offline.hpp"

#include <algorithm>

#include "checks.hpp"
#include "config/firewalld_conf_file.hpp"
#include "config/loader.hpp"
#include "core/capabilities.hpp"
#include "core/lockdown.hpp"
#include "core/permanent.hpp"
#include "info_format.hpp"
#include "model_settings.hpp"
#include "offline_direct.hpp"
#include "offline_store.hpp"
#include "option_groups.hpp"
#include "permanent_edits.hpp"
#include "show.hpp"
#include "values.hpp"

namespace fwctl::cli {

// Every kind's listings, new, delete, defaults, info and path; the zone list of all zones.
bool Offline::general() {
  if (item_ops<model::IpSet>(kIpsetDests, [&](auto& n, const auto& st) { show_ipset(p, n, st); }))
    return true;
  if (a.t("new_ipset")) {
    IPSetSettings st = new_ipset_settings(s);
    return add<model::IpSet>(a.str("new_ipset"), st), true;
  }
  if (item_ops<model::Zone>(kZoneDests, [&](auto& n, const auto& st) { show_zone(p, n, st); }))
    return true;
  if (a.t("new_zone")) {
    ZoneSettings st;
    st.target = "default";
    return add<model::Zone>(a.str("new_zone"), st), true;
  }
  if (new_from_file()) return true;
  if (item_ops<model::Policy>(kPolicyDests,
                              [&](auto& n, const auto& st) { show_policy(p, n, st); }))
    return true;
  if (a.t("new_policy")) {
    ZoneSettings st;
    st.target = "CONTINUE";
    return add<model::Policy>(a.str("new_policy"), st), true;
  }
  if (item_ops<model::Service>(kServiceDests,
                               [&](auto& n, const auto& st) { show_service(p, n, st); }))
    return true;
  if (a.t("new_service")) return add<model::Service>(a.str("new_service"), ServiceSettings{}), true;
  if (item_ops<model::Helper>(kHelperDests,
                              [&](auto& n, const auto& st) { show_helper(p, n, st); }))
    return true;
  if (a.t("new_helper")) {
    HelperSettings st = new_helper_settings(s);
    return add<model::Helper>(a.str("new_helper"), st), true;
  }
  if (item_ops<model::IcmpType>(kIcmptypeDests,
                                [&](auto& n, const auto& st) { show_icmptype(p, n, st); }))
    return true;
  if (a.t("new_icmptype"))
    return add<model::IcmpType>(a.str("new_icmptype"), IcmpTypeSettings{}), true;
  if (a.t("list_all_zones")) {
    for (const auto& [name, each] : store.items<model::Zone>()) {
      show_zone(p, name, to_settings(each.value));
      p.msg("");
    }
    throw Exit{0};
  }
  if (a.t("list_all_policies")) {
    for (const auto& [name, each] : store.items<model::Policy>()) {
      show_policy(p, name, to_settings(each.value));
      p.msg("");
    }
    throw Exit{0};
  }
  return false;
}

// --new-<kind>-from-file: the file read as the --permanent path reads it, then added as
// config.add<Kind> adds the settings it sends.
bool Offline::new_from_file() {
  auto from_file = [&]<typename T>(const KindDests& kind) {
    if (!a.t(kind.create_from_file)) return false;
    T value = read_item_file<T>(s, std::string(kind.kind), a.str(kind.create_from_file));
    return add<T>(value.info.name, to_settings(value)), true;
  };
  return from_file.operator()<model::Zone>(kZoneDests) ||
         from_file.operator()<model::Policy>(kPolicyDests) ||
         from_file.operator()<model::Service>(kServiceDests) ||
         from_file.operator()<model::IpSet>(kIpsetDests) ||
         from_file.operator()<model::IcmpType>(kIcmptypeDests) ||
         from_file.operator()<model::Helper>(kHelperDests);
}

// The edits of one service, ipset, icmptype, helper or policy, the lockdown whitelist and the
// direct configuration.
bool Offline::kinds() {
  auto edit = [&]<typename T, typename Settings>(Dest kind, auto handler) {
    if (!a.t(kind)) return false;
    std::string name = a.str(kind);
    Settings st = to_settings(item<T>(name).value);
    handler(st, [&] { update<T>(name, st); });
    return true;
  };
  if (edit.operator()<model::IpSet, IPSetSettings>(
          "ipset", [&](IPSetSettings& st, auto update) { permanent_ipset(s, st, update); }))
    return true;
  if (edit.operator()<model::Helper, HelperSettings>(
          "helper", [&](HelperSettings& st, auto update) {
            permanent_helper(s, st, update, [&] { return st.ports; });
          }))
    return true;
  if (edit.operator()<model::IcmpType, IcmpTypeSettings>(
          "icmptype",
          [&](IcmpTypeSettings& st, auto update) { permanent_icmptype(s, st, update); }))
    return true;
  if (edit.operator()<model::Service, ServiceSettings>(
          "service", [&](ServiceSettings& st, auto update) { permanent_service(s, st, update); }))
    return true;
  if (s.f.lockdown_whitelist) {
    OfflineWhitelist whitelist(paths);
    if (c.offline_cmd()) whitelist.set_offline_cmd();
    run_whitelist(s, whitelist);
    if (c.offline_cmd()) c.call([&] { whitelist.write(); });
    return true;
  }
  if (s.f.direct) {
    OfflineDirect direct(paths);
    if (c.offline_cmd()) direct.set_offline_cmd(&p.err());
    run_direct(s, direct);
    if (c.offline_cmd()) c.call([&] { direct.write(); });
    return true;
  }
  if (policy_set()) return true;
  return edit.operator()<model::Policy, ZoneSettings>("policy", [&](ZoneSettings& st, auto update) {
    edit_policy(s, st, true);
    update();
  });
}

bool Offline::policy_set() {
  if (!a.t("policy_set")) return false;
  const std::string prefix = a.str("policy_set");
  for (const std::string& name : names(store.items<model::Policy>())) {
    if (name.rfind(prefix, 0) != 0) continue;
    ZoneSettings st = to_settings(item<model::Policy>(name).value);
    edit_policy(s, st, true);
    update<model::Policy>(name, st);
  }
  return true;
}

// firewall-offline-cmd's stand-alone options that concern the permanent configuration:
// firewalld.conf's DefaultZone, Lockdown and LogDenied.
bool Offline::standalone() {
  const model::FirewalldConf& conf = store.config().conf;
  if (a.t("get_default_zone")) p.and_exit(conf.default_zone);
  if (a.t("set_default_zone"))
    return c.call([&] { throw_if_failed(store.set_default_zone(a.str("set_default_zone"))); }),
           true;
  if (a.t("query_lockdown")) p.query_result(core::lockdown_from_conf(conf.lockdown));
  if (a.t("lockdown_on") || a.t("lockdown_off"))
    return c.call([&] {
      value_or_fail(store.set_conf("Lockdown", a.t("lockdown_on") ? "yes" : "no"));
    }),
           true;
  if (a.t("get_ipset_types")) {
    std::vector<std::string> types = core::ipset_types();
    std::sort(types.begin(), types.end());
    list(types);
  }
  if (a.t("get_log_denied")) p.and_exit(conf.log_denied);
  if (a.t("set_log_denied"))
    return c.call([&] { throw_if_failed(store.set_log_denied(a.str("set_log_denied"))); }), true;
  return false;
}

void run_offline_edit(Args& a, const Printer& p, const std::string& prog) {
  config::Paths paths;
  if (a.t("default_config")) paths.default_dir = a.str("default_config");
  if (a.t("system_config")) paths.system_dir = a.str("system_config");
  config::LoadResult loaded = config::load_config(paths);
  core::Permanent store(paths, loaded.config, [] { return false; });
  Client client(p);
  // firewall-offline-cmd takes the permanent configuration's stand-alone options alone; every
  // other option counts as --permanent, after firewall-cmd's usage checks.
  Families f = classify(a);
  if (f.standalone) {
    if (CheckResult check = check_combinations(a, f, prog); check.failure) p.fail(*check.failure);
    Session s{a, f, p, client, 0, a.str("zone"), prog};
    Offline o{a, p, client, store, s, paths};
    if (!o.standalone()) p.fail("Error: fwctl --offline does not support this option");
    p.and_exit("success");
  }
  a.set("permanent", "");
  f = classify(a);
  if (CheckResult check = check_combinations(a, f, prog); check.failure) p.fail(*check.failure);
  Session s{a, f, p, client, 0, a.str("zone"), prog};
  Offline o{a, p, client, store, s, paths};
  if (!o.general() && !o.kinds()) {
    std::string zone = a.t("zone") ? a.str("zone") : loaded.config.conf.default_zone;
    o.zone_ops(zone);
  }
  p.and_exit("success");
}

}  // namespace fwctl::cli
