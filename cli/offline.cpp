// fwctl --permanent while no daemon runs: firewall-cmd's command line on the files (and the
// handlers fwctl --offline, firewall-offline-cmd's command line, shares: offline_store.hpp,
// offline_cmd.cpp). The permanent configuration is loaded from the two trees
// (--default-config, --system-config) and changed through core::Permanent, the store fwctld
// itself uses: zones with the one-element edits of its config.zone objects
// (core/permanent_edit.hpp); the other kinds with the client-side edits the --permanent path
// makes of the settings it fetched (permanent_edits.hpp), taken in as the daemon takes them
// (model_settings.hpp); direct.xml and the lockdown whitelist with the daemon's edits of them
// (offline_direct.hpp). The files written are the ones the daemon would write for the same
// commands. Messages and exit codes are firewall-cmd's.
#include "offline.hpp"

#include <algorithm>
#include <span>

#include "checks.hpp"
#include "config/firewalld_conf_file.hpp"
#include "config/loader.hpp"
#include "core/capabilities.hpp"
#include "core/lockdown.hpp"
#include "core/permanent.hpp"
#include "core/permanent_edit.hpp"
#include "info_format.hpp"
#include "model/validate.hpp"
#include "model_settings.hpp"
#include "offline_direct.hpp"
#include "offline_store.hpp"
#include "option_groups.hpp"
#include "permanent_edits.hpp"
#include "show.hpp"
#include "values.hpp"
#include "zone_flags.hpp"
#include "zone_lists.hpp"

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

// The --list-* and --get-* queries of one zone, `st`; exits when one was asked.
bool Offline::zone_lists(const std::string& name, const ZoneSettings& st, const FlagExecutor& flags,
                         const ValueExecutor& values) {
  auto sorted = [](std::vector<std::string> v) { return std::sort(v.begin(), v.end()), v; };
  if (a.t("list_all")) {
    p.msg(format_zone(name, st, p.verbose()));
    throw Exit{0};
  }
  if (a.t("list_interfaces")) list(sorted(st.interfaces));
  if (a.t("list_sources")) list(st.sources);
  if (a.t("list_services")) list(sorted(st.services));
  if (a.t("list_ports")) p.and_exit(join_ports(sorted_ports(st.ports)));
  if (a.t("list_protocols")) list(sorted(st.protocols));
  if (a.t("list_source_ports")) p.and_exit(join_ports(sorted_ports(st.source_ports)));
  if (a.t("list_icmp_blocks")) list(st.icmp_blocks);
  if (a.t("list_rich_rules")) list(st.rules, "\n");
  if (a.t("list_forward_ports")) {
    std::vector<std::string> lines;
    for (const auto& fp : st.forward_ports) lines.push_back(format_forward_port(fp));
    list(lines, "\n");
  }
  // The target, the description and short name, the flags, the priorities: the order fwctl
  // --offline has always asked them in (the --permanent path asks the description last).
  run_zone_value(a, p, std::span(kZoneValues).first(1), values, kReads);
  run_zone_value(a, p, kInfoValues, values, kReads);
  run_zone_flag(a, p, flags, kReads);
  run_zone_value(a, p, kZoneValues, values, kReads);
  return false;
}

static Status name_op(std::vector<std::string>& list, const Item& i, bool add) {
  return add ? core::add_name(list, i.args[0]) : core::remove_name(list, i.args[0]);
}

// --get-zone-of-interface/-source and --change-interface/-source on the permanent zones, as the
// --permanent path does them through config.getZoneOf* and the zones' add/remove.
bool Offline::bindings(const std::string& name) {
  auto zone_of = [&](const std::string& item, bool iface) {
    for (const auto& [each, z] : store.items<model::Zone>()) {
      const auto& bound = iface ? z.value.interfaces : core::source_strings(z.value.sources);
      if (core::has_name(bound, item)) return each;
    }
    return std::string();
  };
  if (a.t("get_zone_of_interface") || a.t("get_zone_of_source")) {
    bool iface = a.t("get_zone_of_interface");
    const auto& items = iface ? a.list("get_zone_of_interface") : a.list("get_zone_of_source");
    for (const auto& each : items) {
      std::string found = zone_of(each, iface);
      if (items.size() > 1) p.warning(each + ": " + (found.empty() ? "no zone" : found));
      else if (found.empty()) p.fail("no zone");
      else p.and_exit(found);
    }
    return true;
  }
  for (bool iface : {true, false}) {
    Dest dest = iface ? Dest("change_interface") : Dest("change_source");
    if (!a.t(dest)) continue;
    zone(name);
    for (const auto& each : a.list(dest)) {
      std::string old = zone_of(each, iface);
      if (old == name) continue;
      c.call([&] {
        if (!old.empty())
          edit(old, [&](model::Zone& z) {
            return iface ? core::remove_name(z.interfaces, each)
                         : core::remove_source(z.sources, each);
          });
        edit(name, [&](model::Zone& z) {
          return iface ? core::add_name(z.interfaces, each) : core::add_source(z.sources, each);
        });
      });
    }
    return true;
  }
  return false;
}

// What an edit of the zone's file does to one item of each list (zone_lists.hpp): `edits`
// makes an add or remove of a Status(Zone&, const Item&), `queries` a query of a
// bool(const Zone&, const Item&).
template <typename Edits, typename Queries>
static ListActions list_actions(ZoneList list, Edits edits, Queries queries) {
  using Z = model::Zone;
  auto names = [&](std::vector<std::string> Z::*f) {
    return ListActions{
        edits([f](Z& z, const Item& i) { return name_op(z.*f, i, true); }),
        edits([f](Z& z, const Item& i) { return name_op(z.*f, i, false); }),
        queries([f](const Z& z, const Item& i) { return core::has_name(z.*f, i.args[0]); })};
  };
  auto ports = [&](std::vector<model::PortProto> Z::*f) {
    return ListActions{
        edits([f](Z& z, const Item& i) { return core::add_port(z.*f, i.args[0], i.args[1]); }),
        edits([f](Z& z, const Item& i) { return core::remove_port(z.*f, i.args[0], i.args[1]); }),
        queries(
            [f](const Z& z, const Item& i) { return core::has_port(z.*f, i.args[0], i.args[1]); })};
  };
  auto forward = [](const Item& i) {
    return model::ForwardPort{i.args[0], i.args[1], i.args[2], i.args[3]};
  };
  switch (list) {
    case ZoneList::kService:
      return names(&Z::services);
    case ZoneList::kProtocol:
      return names(&Z::protocols);
    case ZoneList::kIcmpBlock:
      return names(&Z::icmp_blocks);
    case ZoneList::kInterface:
      return names(&Z::interfaces);
    case ZoneList::kPort:
      return ports(&Z::ports);
    case ZoneList::kSourcePort:
      return ports(&Z::source_ports);
    case ZoneList::kSource:
      return {edits([](Z& z, const Item& i) { return core::add_source(z.sources, i.args[0]); }),
              edits([](Z& z, const Item& i) { return core::remove_source(z.sources, i.args[0]); }),
              queries([](const Z& z, const Item& i) {
                return core::has_name(core::source_strings(z.sources), i.args[0]);
              })};
    case ZoneList::kRichRule:
      return {edits([](Z& z, const Item& i) { return core::add_rich_rule(z.rules, i.args[0]); }),
              edits([](Z& z, const Item& i) { return core::remove_rich_rule(z.rules, i.args[0]); }),
              queries([](const Z& z, const Item& i) {
                auto has = core::has_rich_rule(z.rules, i.args[0]);
                if (!has) throw FwError{has.error().message()};
                return *has;
              })};
    case ZoneList::kForwardPort:
      return {edits([=](Z& z, const Item& i) {
                return core::add_forward_port(z.forward_ports, forward(i));
              }),
              edits([=](Z& z, const Item& i) {
                return core::remove_forward_port(z.forward_ports, forward(i));
              }),
              queries([=](const Z& z, const Item& i) {
                return core::has_forward_port(z.forward_ports, forward(i));
              })};
  }
  return {};
}

using ZoneChange = std::function<void(const std::function<Status(model::Zone&)>&)>;

// What an edit of the zone's file does to each flag (zone_flags.hpp), and what `st` says of it.
static FlagActions file_flag_actions(const ZoneFlagRow& row, const ZoneSettings& st,
                                     const ZoneChange& change) {
  using Z = model::Zone;
  auto flag = [&](bool Z::*field, bool ZoneSettings::*shown) {
    return FlagActions{[&change, field, word = row.word](bool on) {
                         change([&](Z& z) { return core::set_flag(z.*field, on, word); });
                       },
                       [&st, shown] { return st.*shown; }};
  };
  switch (row.flag) {
    case ZoneFlag::kMasquerade:
      return flag(&Z::masquerade, &ZoneSettings::masquerade);
    case ZoneFlag::kIcmpBlockInversion:
      return flag(&Z::icmp_block_inversion, &ZoneSettings::icmp_block_inversion);
    case ZoneFlag::kForward:  // firewall-cmd sends {"forward": on} through update2
      return {[&change](bool on) { change([on](Z& z) { return z.forward = on, ok(); }); },
              [&st] { return st.forward; }};
    case ZoneFlag::kDisable:
      break;
  }
  return {};
}

// The same for each value; a priority is read as the --permanent path reads it, then checked.
static ValueActions file_value_actions(Client& c, ZoneValue v, const ZoneSettings& st,
                                       const ZoneChange& change) {
  using Z = model::Zone;
  auto priority = [&](int Z::*field, int ZoneSettings::*shown) {
    return ValueActions{[&c, &change, field](const std::string& value) {
                          int n = c.call([&] { return parse_zone_priority(value); });
                          change([&](Z& z) {
                            z.*field = n;
                            return model::check_zone_priority(z.info.name, n);
                          });
                        },
                        [&st, shown] { return std::to_string(st.*shown); }};
  };
  switch (v) {
    case ZoneValue::kTarget:
      return {[&change](const std::string& target) {
                change([&](Z& z) {
                  return z.target = target == "REJECT" ? "%%REJECT%%" : target, ok();
                });
              },
              [&st] { return st.target == "%%REJECT%%" ? std::string("REJECT") : st.target; }};
    case ZoneValue::kIngressPriority:
      return priority(&Z::ingress_priority, &ZoneSettings::ingress_priority);
    case ZoneValue::kEgressPriority:
      return priority(&Z::egress_priority, &ZoneSettings::egress_priority);
    case ZoneValue::kDescription:
      return {[&change](const std::string& value) {
                change([&](Z& z) { return z.info.description = value, ok(); });
              },
              [&st] { return st.description; }};
    case ZoneValue::kShort:
      return {[&change](const std::string& value) {
                change([&](Z& z) { return z.info.short_ = value, ok(); });
              },
              [&st] { return st.short_name; }};
    case ZoneValue::kPriority:
      break;
  }
  return {};
}

void Offline::zone_ops(const std::string& name) {
  using Z = model::Zone;
  if (bindings(name)) return;
  ZoneSettings st = to_settings(zone(name));
  ZoneChange change = [&](const std::function<Status(Z&)>& fn) { c.call([&] { edit(name, fn); }); };
  auto flags = [&](const ZoneFlagRow& row) { return file_flag_actions(row, st, change); };
  auto values = [&](ZoneValue v) { return file_value_actions(c, v, st, change); };
  zone_lists(name, st, flags, values);
  if (auto op = zone_list_op(a)) {
    auto edits = [&](auto edit_one) {
      return [this, &name, edit_one](const Item& i) {
        edit(name, [&](Z& z) { return edit_one(z, i); });
      };
    };
    auto queries = [&](auto has) {
      return [this, &name, has](const Item& i) { return has(zone(name), i); };
    };
    return run_list_op(c, a, *op, list_actions(op->list, edits, queries), false, false);
  }
  if (run_zone_flag(a, p, flags, kEdits) || run_zone_value(a, p, kZoneValues, values, kEdits) ||
      run_zone_value(a, p, kInfoValues, values, kEdits))
    return;
  p.fail("Error: fwctl --offline does not support this option yet");
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
