// --policy: firewall-cmd fetches the policy's settings, edits them on the client side and
// sends them back whole (setPolicySettings at runtime, config.policy.update with --permanent).
#include <algorithm>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "info_format.hpp"
#include "option_groups.hpp"
#include "permanent_edits.hpp"
#include "settings_dbus.hpp"
#include "settings_edit.hpp"
#include "show.hpp"
#include "values.hpp"
#include "zone_flags.hpp"
#include "zone_lists.hpp"

namespace fwctl::cli {
namespace {

std::string port_shown(const Item& i) { return "'" + i.args[0] + ":" + i.args[1] + "'"; }

// What an edit of the settings on the client side does to one item of each list
// (zone_lists.hpp), with FirewallClientPolicySettings' ALREADY_ENABLED/NOT_ENABLED texts.
// Interfaces and sources are not a policy's.
ListActions settings_list_actions(ZoneSettings& st, ZoneList list) {
  auto names = [](std::vector<std::string>& v) {
    return ListActions{[&v](const Item& i) { add_item(v, i.args[0], i.args[0]); },
                       [&v](const Item& i) { remove_item(v, i.args[0], i.args[0]); },
                       [&v](const Item& i) { return has_item(v, i.args[0]); }};
  };
  auto ports = [](std::vector<PortProto>& v) {
    auto port = [](const Item& i) { return PortProto{i.args[0], i.args[1]}; };
    return ListActions{[&v, port](const Item& i) { add_item(v, port(i), port_shown(i)); },
                       [&v, port](const Item& i) { remove_item(v, port(i), port_shown(i)); },
                       [&v, port](const Item& i) { return has_item(v, port(i)); }};
  };
  auto fwd = [](const Item& i) { return ForwardPort{i.args[0], i.args[1], i.args[2], i.args[3]}; };
  auto fwd_shown = [](const Item& i) {
    return "'" + i.args[0] + ":" + i.args[1] + ":" + i.args[2] + ":" + i.args[3] + "'";
  };
  switch (list) {
    case ZoneList::kRichRule:
      return {[&st](const Item& i) {
                auto rule = normalize_rule(i.args[0]);
                add_item(st.rules, rule, rule);
              },
              [&st](const Item& i) {
                auto rule = normalize_rule(i.args[0]);
                remove_item(st.rules, rule, rule);
              },
              [&st](const Item& i) { return has_item(st.rules, normalize_rule(i.args[0])); }};
    case ZoneList::kService:
      return names(st.services);
    case ZoneList::kPort:
      return ports(st.ports);
    case ZoneList::kProtocol:
      return names(st.protocols);
    case ZoneList::kSourcePort:
      return ports(st.source_ports);
    case ZoneList::kForwardPort:
      return {[&st, fwd, fwd_shown](const Item& i) {
                add_item(st.forward_ports, fwd(i), fwd_shown(i));
              },
              [&st, fwd, fwd_shown](const Item& i) {
                remove_item(st.forward_ports, fwd(i), fwd_shown(i));
              },
              [&st, fwd](const Item& i) { return has_item(st.forward_ports, fwd(i)); }};
    case ZoneList::kIcmpBlock:
      return names(st.icmp_blocks);
    case ZoneList::kInterface:
    case ZoneList::kSource:
      break;
  }
  return {};
}

// What an edit of the settings on the client side does to each flag and value
// (zone_flags.hpp), with FirewallClientPolicySettings' texts. Forward, icmp-block-inversion and
// the priorities of a zone are not a policy's (firewall-offline-cmd's zone branch does them
// before it comes here).
FlagActions settings_flag_actions(Client& c, ZoneSettings& st, const ZoneFlagRow& row) {
  switch (row.flag) {
    case ZoneFlag::kMasquerade:
      return {[&c, &st](bool on) { c.call([&] { set_flag(st.masquerade, on, "masquerade"); }); },
              [&st] { return st.masquerade; }};
    case ZoneFlag::kDisable:  // firewalld 2.4: FirewallClientPolicySettings.setDisable()
      return {[&st](bool on) {
                st.disable = on;
                st.has_2x_keys = true;
              },
              [&st] { return st.disable; }};
    case ZoneFlag::kForward:
    case ZoneFlag::kIcmpBlockInversion:
      break;
  }
  return {};
}

ValueActions settings_value_actions(Client& c, ZoneSettings& st, ZoneValue v) {
  switch (v) {
    case ZoneValue::kPriority:  // setPriority stores the text; the daemon checks it
      return {[&c, &st](const std::string& text) {
                try {
                  st.priority = std::stoi(text);
                } catch (...) {
                  c.handle("", "INVALID_PRIORITY: " + text);
                }
              },
              [&st] { return std::to_string(st.priority); }};
    case ZoneValue::kTarget:
      return {[&st](const std::string& text) { st.target = text; }, [&st] { return st.target; }};
    case ZoneValue::kDescription:
      return {[&st](const std::string& text) { st.description = text; },
              [&st] { return st.description; }};
    case ZoneValue::kShort:
      return {[&st](const std::string& text) { st.short_name = text; },
              [&st] { return st.short_name; }};
    case ZoneValue::kIngressPriority:
    case ZoneValue::kEgressPriority:
      break;
  }
  return {};
}

}  // namespace

// Shared by the runtime and the permanent --policy branches; returns after an edit (the caller
// sends the settings back), exits for listings and queries.
void edit_policy(Session& s, ZoneSettings& st, bool permanent) {
  Args& a = s.a;
  const Printer& p = s.p;
  auto seq = [&](Dest dest, const ParseItem& parse, auto action) {
    cmd_sequence(s.c, a.list(dest), parse, action, true);
  };
  auto query = [&](Dest dest, const ParseItem& parse, auto q) {
    query_sequence(s.c, a.list(dest), parse, q, parse ? "%s/%s" : "'%s'");
  };
  auto strings = [&](const ElementDests& d, std::vector<std::string>& list) {
    if (a.t(d.add)) {
      seq(d.add, nullptr, [&](const Item& i) { add_item(list, i.args[0], i.args[0]); });
      return true;
    }
    if (a.t(d.remove)) {
      seq(d.remove, nullptr, [&](const Item& i) { remove_item(list, i.args[0], i.args[0]); });
      return true;
    }
    if (a.t(d.query))
      query(d.query, nullptr, [&](const Item& i) { return has_item(list, i.args[0]); });
    return false;
  };
  auto port_list = [&](const std::vector<PortProto>& list) {
    std::vector<std::string> out;
    for (const auto& [port, proto] : sorted_ports(list)) out.push_back(port + "/" + proto);
    s.print_list(out);
  };

  if (a.t("list_all")) {
    show_policy(p, a.str("policy"), st);
    throw Exit{0};
  }
  if (a.t("list_ingress_zones")) s.print_list(sorted(st.ingress_zones));
  if (strings(kIngressZoneDests, st.ingress_zones)) return;
  if (a.t("list_egress_zones")) s.print_list(sorted(st.egress_zones));
  if (strings(kEgressZoneDests, st.egress_zones)) return;
  auto flags = [&](const ZoneFlagRow& row) { return settings_flag_actions(s.c, st, row); };
  auto values = [&](ZoneValue v) { return settings_value_actions(s.c, st, v); };
  // priority and target (permanent only), disable, masquerade
  if (permanent && run_zone_value(a, p, kZoneValues, values)) return;
  if (run_zone_flag(a, p, flags)) return;
  if (a.t("list_rich_rules")) s.print_list(st.rules, "\n");
  if (auto op = zone_list_op(a);
      op && op->list != ZoneList::kInterface && op->list != ZoneList::kSource) {
    run_list_op(s.c, a, *op, settings_list_actions(st, op->list), false, true);
    return;
  }
  if (a.t("list_services")) s.print_list(sorted(st.services));
  if (a.t("list_ports")) port_list(st.ports);
  if (a.t("list_protocols")) s.print_list(sorted(st.protocols));
  if (a.t("list_source_ports")) port_list(st.source_ports);
  if (a.t("list_forward_ports")) {
    std::vector<std::string> lines;
    for (const auto& f : st.forward_ports) lines.push_back(format_forward_port(f));
    s.print_list(lines, "\n");
  }
  if (a.t("list_icmp_blocks")) s.print_list(st.icmp_blocks);
  if (permanent) run_zone_value(a, p, kInfoValues, values);  // description, short
}

// firewall-cmd 2.4 loops over the policies (runtime, or permanent with --permanent) whose names
// start with the prefix, each fetched, edited and sent back as with --policy.
void Session::policy_set() {
  const std::string prefix = a.str("policy_set");
  bool perm = a.t("permanent");
  std::vector<std::string> names = perm ? c.call([&] { return bus().config().getPolicyNames(); })
                                        : c.call([&] { return bus().policy().getPolicies(); });
  for (const std::string& name : names) {
    if (name.rfind(prefix, 0) != 0) continue;
    a.set("policy", name);
    if (perm) permanent();
    else runtime_policy();
  }
}

bool Session::runtime_policy() {
  if (!a.t("policy")) return false;
  std::string name = a.str("policy");
  auto& pol = bus().policy();
  ZoneSettings st = decode_policy(c.call([&] { return pol.getPolicySettings(name); }));
  edit_policy(*this, st, false);
  c.call([&] { pol.setPolicySettings(name, encode_policy(st, true)); });
  return true;
}

}  // namespace fwctl::cli
