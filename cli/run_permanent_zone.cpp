// --permanent zone commands: through the zone's /config/zone/N object (config.getZoneByName).
#include <algorithm>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "info_format.hpp"
#include "session.hpp"
#include "settings_dbus.hpp"
#include "show.hpp"
#include "values.hpp"
#include "zone_flags.hpp"
#include "zone_lists.hpp"

namespace fwctl::cli {
namespace {

std::vector<std::string> port_strings(const std::vector<PortTuple>& ports) {
  std::vector<std::string> out;
  for (const auto& [port, proto] : sorted_ports(port_pairs(ports)))
    out.push_back(port + "/" + proto);
  return out;
}

// What a zone's config object does to one item of each list (zone_lists.hpp).
ListActions permanent_list_actions(proxy::FirewallD1_config_zone& z, ZoneList list) {
  switch (list) {
    case ZoneList::kInterface:
      return {[&](const Item& i) { z.addInterface(i.args[0]); },
              [&](const Item& i) { z.removeInterface(i.args[0]); },
              [&](const Item& i) { return z.queryInterface(i.args[0]); }};
    case ZoneList::kSource:
      return {[&](const Item& i) { z.addSource(i.args[0]); },
              [&](const Item& i) { z.removeSource(i.args[0]); },
              [&](const Item& i) { return z.querySource(i.args[0]); }};
    case ZoneList::kRichRule:
      return {[&](const Item& i) { z.addRichRule(i.args[0]); },
              [&](const Item& i) { z.removeRichRule(i.args[0]); },
              [&](const Item& i) { return z.queryRichRule(i.args[0]); }};
    case ZoneList::kService:
      return {[&](const Item& i) { z.addService(i.args[0]); },
              [&](const Item& i) { z.removeService(i.args[0]); },
              [&](const Item& i) { return z.queryService(i.args[0]); }};
    case ZoneList::kPort:
      return {[&](const Item& i) { z.addPort(i.args[0], i.args[1]); },
              [&](const Item& i) { z.removePort(i.args[0], i.args[1]); },
              [&](const Item& i) { return z.queryPort(i.args[0], i.args[1]); }};
    case ZoneList::kProtocol:
      return {[&](const Item& i) { z.addProtocol(i.args[0]); },
              [&](const Item& i) { z.removeProtocol(i.args[0]); },
              [&](const Item& i) { return z.queryProtocol(i.args[0]); }};
    case ZoneList::kSourcePort:
      return {[&](const Item& i) { z.addSourcePort(i.args[0], i.args[1]); },
              [&](const Item& i) { z.removeSourcePort(i.args[0], i.args[1]); },
              [&](const Item& i) { return z.querySourcePort(i.args[0], i.args[1]); }};
    case ZoneList::kForwardPort:
      return {
          [&](const Item& i) { z.addForwardPort(i.args[0], i.args[1], i.args[2], i.args[3]); },
          [&](const Item& i) { z.removeForwardPort(i.args[0], i.args[1], i.args[2], i.args[3]); },
          [&](const Item& i) {
            return z.queryForwardPort(i.args[0], i.args[1], i.args[2], i.args[3]);
          }};
    case ZoneList::kIcmpBlock:
      return {[&](const Item& i) { z.addIcmpBlock(i.args[0]); },
              [&](const Item& i) { z.removeIcmpBlock(i.args[0]); },
              [&](const Item& i) { return z.queryIcmpBlock(i.args[0]); }};
  }
  return {};
}

// What a zone's config object does to each flag (zone_flags.hpp); FirewallClientConfigZone
// sends forward through update2, that key alone.
FlagActions permanent_flag_actions(Client& c, proxy::FirewallD1_config_zone& z,
                                   const ZoneFlagRow& row) {
  switch (row.flag) {
    case ZoneFlag::kForward:
      return {[&](bool on) { c.call([&] {
                               z.update2(Dict{{"forward", sdbus::Variant(on)}});
                             }); },
              [&] { return c.call([&] { return decode_zone(z.getSettings2()).forward; }); }};
    case ZoneFlag::kMasquerade:
      return {[&](bool on) { c.call([&] { on ? z.addMasquerade() : z.removeMasquerade(); }); },
              [&] { return c.call([&] { return z.queryMasquerade(); }); }};
    case ZoneFlag::kIcmpBlockInversion:
      return {[&](bool on) {
                c.call([&] { on ? z.addIcmpBlockInversion() : z.removeIcmpBlockInversion(); });
              },
              [&] { return c.call([&] { return z.queryIcmpBlockInversion(); }); }};
    case ZoneFlag::kDisable:
      break;
  }
  return {};
}

// firewalld 2.0's zone priorities: FirewallClientConfigZone sends that key alone through update2.
ValueActions permanent_priority_actions(Client& c, proxy::FirewallD1_config_zone& z,
                                        const char* key, int ZoneSettings::*field) {
  return {[&c, &z, key](const std::string& text) {
            c.call([&] {
              int32_t value = parse_zone_priority(text);
              z.update2(Dict{{key, sdbus::Variant(value)}});
            });
          },
          [&c, &z, field] {
            return std::to_string(decode_zone(c.call([&] { return z.getSettings2(); })).*field);
          }};
}

// What a zone's config object does to each value (zone_flags.hpp). The description and the
// short name go back with the whole settings through update2, as firewall-cmd sends them.
ValueActions permanent_value_actions(Client& c, proxy::FirewallD1_config_zone& z, ZoneValue v) {
  auto settings = [&c, &z] { return decode_zone(c.call([&] { return z.getSettings2(); })); };
  auto update = [&c, &z, settings](auto edit) {
    ZoneSettings st = settings();
    edit(st);
    c.call([&] { z.update2(encode_zone(st)); });
  };
  switch (v) {
    case ZoneValue::kTarget:
      return {[&](const std::string& target) {
                c.call([&] { z.setTarget(target == "REJECT" ? "%%REJECT%%" : target); });
              },
              [&] {
                std::string target = c.call([&] { return z.getTarget(); });
                return target == "%%REJECT%%" ? std::string("REJECT") : target;
              }};
    case ZoneValue::kIngressPriority:
      return permanent_priority_actions(c, z, "ingress_priority", &ZoneSettings::ingress_priority);
    case ZoneValue::kEgressPriority:
      return permanent_priority_actions(c, z, "egress_priority", &ZoneSettings::egress_priority);
    case ZoneValue::kDescription:
      return {[=](const std::string& text) {
                update([&](ZoneSettings& st) { st.description = text; });
              },
              [=] { return settings().description; }};
    case ZoneValue::kShort:
      return {
          [=](const std::string& text) { update([&](ZoneSettings& st) { st.short_name = text; }); },
          [=] { return settings().short_name; }};
    case ZoneValue::kPriority:
      break;
  }
  return {};
}

}  // namespace

void Session::permanent_zone() {
  auto& cfg = bus().config();
  std::string name = zone.empty() ? c.call([&] { return bus().fw().getDefaultZone(); }) : zone;
  auto zone_object = [&](const std::string& n) {
    std::string path = c.call([&] { return std::string(cfg.getZoneByName(n)); });
    return bus().object<proxy::FirewallD1_config_zone>(path);
  };
  auto fz = zone_object(name);
  auto& z = *fz;
  // interfaces
  if (a.t("list_interfaces")) print_list(sorted(c.call([&] { return z.getInterfaces(); })));
  if (a.t("get_zone_of_interface") || a.t("get_zone_of_source")) {
    bool iface = a.t("get_zone_of_interface");
    const auto& items = iface ? a.list("get_zone_of_interface") : a.list("get_zone_of_source");
    for (const auto& item : items) {
      std::string found =
          c.call([&] { return iface ? cfg.getZoneOfInterface(item) : cfg.getZoneOfSource(item); });
      if (items.size() > 1) p.warning(item + ": " + (found.empty() ? "no zone" : found));
      else if (found.empty()) p.fail("no zone");
      else p.and_exit(found);
    }
    return;
  }
  auto change = [&](Dest dest, bool iface) {
    for (const auto& item : a.list(dest)) {
      std::string old =
          c.call([&] { return iface ? cfg.getZoneOfInterface(item) : cfg.getZoneOfSource(item); });
      if (old == name) continue;
      if (!old.empty()) {
        auto previous = zone_object(old);
        c.call([&] { iface ? previous->removeInterface(item) : previous->removeSource(item); });
      }
      c.call([&] { iface ? z.addInterface(item) : z.addSource(item); });
    }
  };
  if (a.t("change_interface")) return change("change_interface", true);
  // sources
  if (a.t("list_sources")) print_list(c.call([&] { return z.getSources(); }));
  if (a.t("change_source")) return change("change_source", false);
  if (auto op = zone_list_op(a))
    return run_list_op(c, a, *op, permanent_list_actions(z, op->list), false, true);
  // rich rules
  if (a.t("list_rich_rules")) print_list(c.call([&] { return z.getRichRules(); }), "\n");
  // services, ports, protocols, source ports
  if (a.t("list_services")) print_list(sorted(c.call([&] { return z.getServices(); })));
  if (a.t("list_ports")) print_list(port_strings(c.call([&] { return z.getPorts(); })));
  if (a.t("list_protocols")) print_list(sorted(c.call([&] { return z.getProtocols(); })));
  if (a.t("list_source_ports"))
    print_list(port_strings(c.call([&] { return z.getSourcePorts(); })));
  // forward, masquerade, icmp-block-inversion; target, priorities
  auto flags = [&](const ZoneFlagRow& row) { return permanent_flag_actions(c, z, row); };
  auto values = [&](ZoneValue v) { return permanent_value_actions(c, z, v); };
  if (run_zone_flag(a, p, flags) || run_zone_value(a, p, kZoneValues, values)) return;
  // forward ports
  if (a.t("list_forward_ports")) {
    std::vector<std::string> lines;
    for (const auto& fp : c.call([&] { return z.getForwardPorts(); }))
      lines.push_back(format_forward_port({fp.get<0>(), fp.get<1>(), fp.get<2>(), fp.get<3>()}));
    print_list(lines, "\n");
  }
  // icmp blocks
  if (a.t("list_icmp_blocks")) print_list(c.call([&] { return z.getIcmpBlocks(); }));
  // listings
  if (a.t("list_all")) {
    show_zone(p, name, decode_zone(c.call([&] { return z.getSettings2(); })));
    throw Exit{0};
  }
  if (a.t("list_all_zones")) {
    for (const auto& each : sorted(c.call([&] { return cfg.getZoneNames(); }))) {
      auto obj = zone_object(each);
      show_zone(p, each, decode_zone(c.call([&] { return obj->getSettings2(); })));
      p.msg("");
    }
    throw Exit{0};
  }
  run_zone_value(a, p, kInfoValues, values);  // description, short
}

}  // namespace fwctl::cli
