// fwctl --permanent on the files, one zone (offline.cpp's other half): the zone's lists
// (zone_lists.hpp), flags and values (zone_flags.hpp) and bindings, each edit made as the
// daemon's config.zone object makes it (core/permanent_edit.hpp), so that the file written is
// the one fwctld would write.
#include <algorithm>
#include <span>

#include "core/permanent_edit.hpp"
#include "model/validate.hpp"
#include "offline_store.hpp"
#include "values.hpp"
#include "zone_flags.hpp"
#include "zone_lists.hpp"

namespace fwctl::cli {

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

}  // namespace fwctl::cli
