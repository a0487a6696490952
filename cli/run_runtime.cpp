// Runtime commands without --permanent: the general options and the zone elements, in
// firewall-cmd's order of checks.
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

std::vector<std::string> port_strings(const std::vector<std::vector<std::string>>& ports) {
  std::vector<PortProto> pairs;
  for (const auto& p : ports)
    if (p.size() >= 2) pairs.emplace_back(p[0], p[1]);
  std::vector<std::string> out;
  for (const auto& [port, proto] : sorted_ports(pairs)) out.push_back(port + "/" + proto);
  return out;
}

}  // namespace

bool Session::runtime_general() {
  auto& fw = bus().fw();
  if (a.t("version")) p.and_exit(c.call([&] { return fw.version(); }));
  if (a.t("state")) {
    std::string state = c.call([&] { return fw.state(); });
    if (state == "RUNNING") p.and_exit("running");
    if (state == "FAILED") p.and_exit("failed", static_cast<int>(Code::RUNNING_BUT_FAILED));
    p.and_exit("not running", static_cast<int>(Code::NOT_RUNNING));
  }
  if (a.t("get_log_denied")) p.and_exit(c.call([&] { return fw.getLogDenied(); }));
  if (a.t("set_log_denied")) return c.call([&] { fw.setLogDenied(a.str("set_log_denied")); }), true;
  if (a.t("get_automatic_helpers")) p.and_exit(c.call([&] { return fw.getAutomaticHelpers(); }));
  if (a.t("set_automatic_helpers"))
    return c.call([&] { fw.setAutomaticHelpers(a.str("set_automatic_helpers")); }), true;
  if (a.t("get_ipset_types")) print_list(sorted(c.call([&] { return fw.IPSetTypes(); })));
  if (a.t("reload")) return c.call([&] { fw.reload(); }), true;
  if (a.t("complete_reload")) return c.call([&] { fw.completeReload(); }), true;
  if (a.t("runtime_to_permanent")) return c.call([&] { fw.runtimeToPermanent(); }), true;
  if (a.t("reset_to_defaults")) return c.call([&] { fw.resetToDefaults(); }), true;
  if (a.t("check_config")) return c.call([&] { fw.checkPermanentConfig(); }), true;
  if (a.t("direct")) return runtime_objects();
  if (a.t("get_default_zone")) p.and_exit(c.call([&] { return fw.getDefaultZone(); }));
  if (a.t("set_default_zone"))
    return c.call([&] { fw.setDefaultZone(a.str("set_default_zone")); }), true;
  if (a.t("get_zones")) print_list(c.call([&] { return bus().zone().getZones(); }));
  if (a.t("get_active_zones")) {
    auto active = c.call([&] { return bus().zone().getActiveZones(); });
    show_active(p, active, {"interfaces", "sources"});
  }
  if (a.t("get_policies")) print_list(c.call([&] { return bus().policy().getPolicies(); }));
  if (a.t("get_active_policies")) {
    auto active = c.call([&] { return bus().policy().getActivePolicies(); });
    show_active(p, active, {"ingress_zones", "egress_zones"});
  }
  if (a.t("get_services")) print_list(c.call([&] { return fw.listServices(); }));
  if (a.t("get_icmptypes")) print_list(c.call([&] { return fw.listIcmpTypes(); }));
  if (a.t("panic_on")) return c.call([&] { fw.enablePanicMode(); }), true;
  if (a.t("panic_off")) return c.call([&] { fw.disablePanicMode(); }), true;
  if (a.t("query_panic")) p.query_result(c.call([&] { return fw.queryPanicMode(); }));
  return false;
}

// What the daemon's runtime zone methods do to one item of each list (zone_lists.hpp).
ListActions Session::runtime_list_actions(ZoneList list) {
  auto& z = bus().zone();
  const std::string& zn = zone;
  switch (list) {
    case ZoneList::kInterface:
      return {[&](const Item& i) { z.addInterface(zn, i.args[0]); },
              [&](const Item& i) { z.removeInterface(zn, i.args[0]); },
              [&](const Item& i) { return z.queryInterface(zn, i.args[0]); }};
    case ZoneList::kSource:
      return {[&](const Item& i) { z.addSource(zn, i.args[0]); },
              [&](const Item& i) { z.removeSource(zn, i.args[0]); },
              [&](const Item& i) { return z.querySource(zn, i.args[0]); }};
    case ZoneList::kRichRule:
      return {[&](const Item& i) { z.addRichRule(zn, i.args[0], timeout); },
              [&](const Item& i) { z.removeRichRule(zn, i.args[0]); },
              [&](const Item& i) { return z.queryRichRule(zn, i.args[0]); }};
    case ZoneList::kService:
      return {[&](const Item& i) { z.addService(zn, i.args[0], timeout); },
              [&](const Item& i) { z.removeService(zn, i.args[0]); },
              [&](const Item& i) { return z.queryService(zn, i.args[0]); }};
    case ZoneList::kPort:
      return {[&](const Item& i) { z.addPort(zn, i.args[0], i.args[1], timeout); },
              [&](const Item& i) { z.removePort(zn, i.args[0], i.args[1]); },
              [&](const Item& i) { return z.queryPort(zn, i.args[0], i.args[1]); }};
    case ZoneList::kProtocol:
      return {[&](const Item& i) { z.addProtocol(zn, i.args[0], timeout); },
              [&](const Item& i) { z.removeProtocol(zn, i.args[0]); },
              [&](const Item& i) { return z.queryProtocol(zn, i.args[0]); }};
    case ZoneList::kSourcePort:
      return {[&](const Item& i) { z.addSourcePort(zn, i.args[0], i.args[1], timeout); },
              [&](const Item& i) { z.removeSourcePort(zn, i.args[0], i.args[1]); },
              [&](const Item& i) { return z.querySourcePort(zn, i.args[0], i.args[1]); }};
    case ZoneList::kForwardPort:
      return {[&](const Item& i) {
                z.addForwardPort(zn, i.args[0], i.args[1], i.args[2], i.args[3], timeout);
              },
              [&](const Item& i) {
                z.removeForwardPort(zn, i.args[0], i.args[1], i.args[2], i.args[3]);
              },
              [&](const Item& i) {
                return z.queryForwardPort(zn, i.args[0], i.args[1], i.args[2], i.args[3]);
              }};
    case ZoneList::kIcmpBlock:
      return {[&](const Item& i) { z.addIcmpBlock(zn, i.args[0], timeout); },
              [&](const Item& i) { z.removeIcmpBlock(zn, i.args[0]); },
              [&](const Item& i) { return z.queryIcmpBlock(zn, i.args[0]); }};
  }
  return {};
}

// What the daemon's runtime zone methods do to each flag (zone_flags.hpp); firewall-cmd sets
// forward through setZoneSettings2.
FlagActions Session::runtime_flag_actions(const ZoneFlagRow& row) {
  auto& z = bus().zone();
  const std::string& zn = zone;
  switch (row.flag) {
    case ZoneFlag::kForward:
      return {[&](bool on) {
                c.call([&] { z.setZoneSettings2(zn, Dict{{"forward", sdbus::Variant(on)}}); });
              },
              [&] { return c.call([&] { return decode_zone(z.getZoneSettings2(zn)).forward; }); }};
    case ZoneFlag::kMasquerade:
      return {[&](bool on) {
                c.call([&] { on ? z.addMasquerade(zn, timeout) : z.removeMasquerade(zn); });
              },
              [&] { return c.call([&] { return z.queryMasquerade(zn); }); }};
    case ZoneFlag::kIcmpBlockInversion:
      return {[&](bool on) {
                c.call([&] { on ? z.addIcmpBlockInversion(zn) : z.removeIcmpBlockInversion(zn); });
              },
              [&] { return c.call([&] { return z.queryIcmpBlockInversion(zn); }); }};
    case ZoneFlag::kDisable:
      break;
  }
  return {};
}

bool Session::runtime_zone() {
  auto& z = bus().zone();
  const std::string& zn = zone;
  auto add_seq = [&](Dest dest, const ParseItem& parse, auto action) {
    cmd_sequence(c, a.list(dest), parse, action, true);
    return true;
  };
  // interfaces
  if (a.t("list_interfaces")) print_list(c.call([&] { return z.getInterfaces(zn); }));
  if (a.t("get_zone_of_interface") || a.t("get_zone_of_source")) {
    bool iface = a.t("get_zone_of_interface");
    const auto& items = iface ? a.list("get_zone_of_interface") : a.list("get_zone_of_source");
    for (const auto& item : items) {
      std::string found =
          c.call([&] { return iface ? z.getZoneOfInterface(item) : z.getZoneOfSource(item); });
      if (items.size() > 1) p.warning(item + ": " + (found.empty() ? "no zone" : found));
      else if (found.empty()) p.fail("no zone");
      else p.and_exit(found);
      if (!iface) throw Exit{0};  // firewall-cmd stops after the first source
    }
    return true;
  }
  if (a.t("change_interface"))
    return add_seq("change_interface", nullptr,
                   [&](const Item& i) { z.changeZoneOfInterface(zn, i.args[0]); });
  // sources
  if (a.t("list_sources")) print_list(c.call([&] { return z.getSources(zn); }));
  if (a.t("change_source"))
    return add_seq("change_source", nullptr,
                   [&](const Item& i) { z.changeZoneOfSource(zn, i.args[0]); });
  if (a.t("policy")) return runtime_policy();
  if (auto op = zone_list_op(a))
    return run_list_op(c, a, *op, runtime_list_actions(op->list), true, true), true;
  // listings of the lists, then the flags (forward, masquerade, icmp-block-inversion)
  if (a.t("list_rich_rules")) print_list(c.call([&] { return z.getRichRules(zn); }), "\n");
  if (a.t("list_services")) print_list(sorted(c.call([&] { return z.getServices(zn); })));
  if (a.t("list_ports")) print_list(port_strings(c.call([&] { return z.getPorts(zn); })));
  if (a.t("list_protocols")) print_list(sorted(c.call([&] { return z.getProtocols(zn); })));
  if (a.t("list_source_ports"))
    print_list(port_strings(c.call([&] { return z.getSourcePorts(zn); })));
  if (run_zone_flag(a, p, [&](const ZoneFlagRow& row) { return runtime_flag_actions(row); }))
    return true;
  if (a.t("list_forward_ports")) {
    std::vector<std::string> lines;
    for (const auto& fp : c.call([&] { return z.getForwardPorts(zn); }))
      if (fp.size() >= 4) lines.push_back(format_forward_port({fp[0], fp[1], fp[2], fp[3]}));
    print_list(lines, "\n");
  }
  if (a.t("list_icmp_blocks")) print_list(c.call([&] { return z.getIcmpBlocks(zn); }));
  // listings
  if (a.t("list_all")) {
    std::string name = zn.empty() ? c.call([&] { return bus().fw().getDefaultZone(); }) : zn;
    show_zone(p, name, decode_zone(c.call([&] { return z.getZoneSettings2(name); })));
    throw Exit{0};
  }
  if (a.t("list_all_zones")) {
    for (const auto& name : c.call([&] { return z.getZones(); })) {
      show_zone(p, name, decode_zone(c.call([&] { return z.getZoneSettings2(name); })));
      p.msg("");
    }
    throw Exit{0};
  }
  if (a.t("list_all_policies")) {
    auto& pol = bus().policy();
    for (const auto& name : c.call([&] { return pol.getPolicies(); })) {
      show_policy(p, name, decode_policy(c.call([&] { return pol.getPolicySettings(name); })));
      p.msg("");
    }
    throw Exit{0};
  }
  if (a.t("info_zone")) {
    auto name = a.str("info_zone");
    show_zone(p, name, decode_zone(c.call([&] { return z.getZoneSettings2(name); })));
    throw Exit{0};
  }
  if (a.t("info_policy")) {
    auto name = a.str("info_policy");
    show_policy(p, name,
                decode_policy(c.call([&] { return bus().policy().getPolicySettings(name); })));
    throw Exit{0};
  }
  if (a.t("info_service")) {
    auto name = a.str("info_service");
    show_service(p, name,
                 decode_service(c.call([&] { return bus().fw().getServiceSettings2(name); })));
    throw Exit{0};
  }
  if (a.t("info_icmptype")) {
    auto name = a.str("info_icmptype");
    show_icmptype(p, name,
                  decode_icmptype(c.call([&] { return bus().fw().getIcmpTypeSettings(name); })));
    throw Exit{0};
  }
  return false;
}

}  // namespace fwctl::cli
