// --permanent zone commands: through the zone's /config/zone/N object (config.getZoneByName).
#include <algorithm>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "info_format.hpp"
#include "session.hpp"
#include "settings_dbus.hpp"
#include "show.hpp"
#include "values.hpp"
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
  // forward: FirewallClientConfigZone sends just that key through update2
  if (a.t("add_forward") || a.t("remove_forward")) {
    bool on = a.t("add_forward");
    return void(c.call([&] { z.update2(Dict{{"forward", sdbus::Variant(on)}}); }));
  }
  if (a.t("query_forward"))
    p.query_result(c.call([&] { return decode_zone(z.getSettings2()).forward; }));
  // zone priorities (firewalld 2.0): FirewallClientConfigZone sends just that key through update2
  struct Priority {
    const char* key;
    Dest get, set;
    int ZoneSettings::*field;
  };
  // A named variable, not a structured binding: clang 14 cannot capture those in a lambda.
  for (const Priority& priority :
       {Priority{"ingress_priority", "get_ingress_priority", "set_ingress_priority",
                 &ZoneSettings::ingress_priority},
        Priority{"egress_priority", "get_egress_priority", "set_egress_priority",
                 &ZoneSettings::egress_priority}}) {
    if (a.t(priority.get)) {
      ZoneSettings settings = decode_zone(c.call([&] { return z.getSettings2(); }));
      p.and_exit(std::to_string(settings.*priority.field));
    }
    if (a.t(priority.set)) {
      return void(c.call([&] {
        int32_t value = parse_zone_priority(a.str(priority.set));
        z.update2(Dict{{priority.key, sdbus::Variant(value)}});
      }));
    }
  }
  if (a.t("add_masquerade")) return void(c.call([&] { z.addMasquerade(); }));
  if (a.t("remove_masquerade")) return void(c.call([&] { z.removeMasquerade(); }));
  if (a.t("query_masquerade")) p.query_result(c.call([&] { return z.queryMasquerade(); }));
  // forward ports
  if (a.t("list_forward_ports")) {
    std::vector<std::string> lines;
    for (const auto& fp : c.call([&] { return z.getForwardPorts(); }))
      lines.push_back(format_forward_port({fp.get<0>(), fp.get<1>(), fp.get<2>(), fp.get<3>()}));
    print_list(lines, "\n");
  }
  // icmp blocks and their inversion
  if (a.t("list_icmp_blocks")) print_list(c.call([&] { return z.getIcmpBlocks(); }));
  if (a.t("add_icmp_block_inversion")) return void(c.call([&] { z.addIcmpBlockInversion(); }));
  if (a.t("remove_icmp_block_inversion"))
    return void(c.call([&] { z.removeIcmpBlockInversion(); }));
  if (a.t("query_icmp_block_inversion"))
    p.query_result(c.call([&] { return z.queryIcmpBlockInversion(); }));
  // target
  if (a.t("get_target")) {
    std::string target = c.call([&] { return z.getTarget(); });
    p.and_exit(target == "%%REJECT%%" ? "REJECT" : target);
  }
  if (a.t("set_target")) {
    std::string target = a.str("set_target");
    return void(c.call([&] { z.setTarget(target == "REJECT" ? "%%REJECT%%" : target); }));
  }
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
  // descriptions: the whole settings go back through update2, as firewall-cmd sends them
  auto update = [&](auto edit) {
    ZoneSettings st = decode_zone(c.call([&] { return z.getSettings2(); }));
    edit(st);
    c.call([&] { z.update2(encode_zone(st)); });
  };
  if (a.t("set_description"))
    return update([&](ZoneSettings& st) { st.description = a.str("set_description"); });
  if (a.t("get_description"))
    p.and_exit(decode_zone(c.call([&] { return z.getSettings2(); })).description);
  if (a.t("set_short"))
    return update([&](ZoneSettings& st) { st.short_name = a.str("set_short"); });
  if (a.t("get_short"))
    p.and_exit(decode_zone(c.call([&] { return z.getSettings2(); })).short_name);
}

}  // namespace fwctl::cli
