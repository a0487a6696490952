// firewall-offline-cmd's zone and policy branches. Unlike firewall-cmd --permanent (one call of
// the zone's config object per element, with the daemon's messages), it edits a
// FirewallClientZoneSettings on the client side (its ALREADY_ENABLED/NOT_ENABLED texts, no
// check of the values) and writes the whole zone back with set_zone_config_dict, which checks
// the settings; a failure there ends the command with the bare message and its code. The zone
// is written even when nothing changed (an ALREADY_ENABLED warning, --add-masquerade twice).
#include <algorithm>
#include <cctype>

#include "core/permanent_edit.hpp"
#include "offline_cmd.hpp"
#include "offline_store.hpp"
#include "option_groups.hpp"
#include "permanent_edits.hpp"
#include "settings_edit.hpp"
#include "zone_flags.hpp"

namespace fwctl::cli {
namespace {

// Zone._check_config of "interfaces" and "sources": each one bound by another zone's file is
// refused with that zone's name (firewalld's daemon says ZONE_CONFLICT instead).
Status check_bindings(const Zones& zones, const std::string& name, const model::Zone& z) {
  auto bound_elsewhere = [&](const std::string& item, bool iface) -> std::string {
    for (const auto& [other, each] : zones) {
      if (other == name) continue;
      const auto& bound = iface ? each.value.interfaces : core::source_strings(each.value.sources);
      if (std::find(bound.begin(), bound.end(), item) != bound.end()) return other;
    }
    return {};
  };
  for (const auto& iface : z.interfaces)
    if (auto other = bound_elsewhere(iface, true); !other.empty())
      return fail(Code::INVALID_INTERFACE, "Zone '" + name + "': interface '" + iface +
                                               "' already bound to zone '" + other + "'");
  for (const auto& source : core::source_strings(z.sources))
    if (auto other = bound_elsewhere(source, false); !other.empty())
      return fail(Code::INVALID_ADDR, "Zone '" + name + "': source '" + source +
                                          "' already bound to zone '" + other + "'");
  return ok();
}

// set_zone_config_dict: the settings taken in as the daemon takes them, the bindings checked.
void store_zone(Offline& o, const std::string& name, const ZoneSettings& st) {
  const Zones& zones = o.store.items<model::Zone>();
  o.c.call([&] {
    throw_if_failed(o.store.edit<model::Zone>(name, [&](model::Zone& z) -> Status {
      if (Status applied = apply_settings(z, st); !applied) return applied;
      return check_bindings(zones, name, z);
    }));
  });
}

// The zones (in firewalld's order, by name) whose files bind `item`.
std::vector<std::string> zones_binding(Offline& o, const std::string& item, bool iface) {
  std::vector<std::string> found;
  for (const auto& [name, z] : o.store.items<model::Zone>()) {
    const auto& bound = iface ? z.value.interfaces : core::source_strings(z.value.sources);
    if (std::find(bound.begin(), bound.end(), item) != bound.end()) found.push_back(name);
  }
  return found;
}

// --get-zone-of-interface/-source: a warning per item when several were asked, then on to the
// write of the zone as firewall-offline-cmd goes on; "no zone" (exit 2) for one unbound item.
void zone_of(Offline& o, Dest dest, bool iface) {
  const auto& items = o.a.list(dest);
  const char* what = iface ? "interface" : "source";
  for (const auto& item : items) {
    std::vector<std::string> found = zones_binding(o, item, iface);
    if (found.size() > 1)
      o.p.warning(join(found, " ") + "  (ERROR: " + what + " '" + item + "' is in " +
                  std::to_string(found.size()) + " zone XML files, can be only in one)");
    if (found.size() == 1) {
      if (items.size() > 1) o.p.warning(item + ": " + found[0]);
      else o.p.and_exit(found[0]);
    } else if (items.size() > 1) {
      o.p.warning(item + ": no zone");
    } else {
      o.p.and_exit("no zone", 2);
    }
  }
}

// --change-interface/-source: out of every other zone binding it (each written at once), then
// added to this zone's settings (ALREADY_ENABLED ends the command when it is there already).
void change(Offline& o, const std::string& name, ZoneSettings& st, Dest dest, bool iface) {
  for (const auto& item : o.a.list(dest)) {
    for (const auto& old : zones_binding(o, item, iface)) {
      if (old == name) continue;
      ZoneSettings previous = to_settings(o.zone(old));
      auto& list = iface ? previous.interfaces : previous.sources;
      o.c.call([&] { remove_item(list, item, item); });
      store_zone(o, old, previous);
    }
    o.c.call([&] { add_item(iface ? st.interfaces : st.sources, item, item); });
  }
}

// The add/remove/query sequences of the interfaces or the sources.
bool bindings(Offline& o, std::vector<std::string>& list, const ElementDests& d) {
  Args& a = o.a;
  if (a.t(d.add)) {
    cmd_sequence(
        o.c, a.list(d.add), nullptr, [&](const Item& i) { add_item(list, i.args[0], i.args[0]); },
        false);
    return true;
  }
  if (a.t(d.remove)) {
    cmd_sequence(
        o.c, a.list(d.remove), nullptr,
        [&](const Item& i) { remove_item(list, i.args[0], i.args[0]); }, false);
    return true;
  }
  if (a.t(d.query))
    query_sequence(
        o.c, a.list(d.query), nullptr, [&](const Item& i) { return has_item(list, i.args[0]); },
        "'%s'");
  return false;
}

// Python's int(): optional blanks and sign, then digits.
bool python_int(const std::string& text) {
  auto first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
  if (first == std::string::npos) return false;
  std::string s = text.substr(first, last - first + 1);
  if (s[0] == '+' || s[0] == '-') s.erase(0, 1);
  auto digit = [](unsigned char c) { return std::isdigit(c) != 0; };
  return !s.empty() && std::all_of(s.begin(), s.end(), digit);
}

// What FirewallClientZoneSettings' setters do to each flag (zone_flags.hpp): setMasquerade and
// setForward store the value, without firewall-cmd's ALREADY_ENABLED; icmp-block-inversion has
// its texts. The policy's disable is edit_policy's.
FlagActions client_flag_actions(Offline& o, ZoneSettings& st, const ZoneFlagRow& row) {
  auto store = [&st](bool ZoneSettings::*field) {
    return FlagActions{[&st, field](bool on) { st.*field = on; },
                       [&st, field] { return st.*field; }};
  };
  switch (row.flag) {
    case ZoneFlag::kForward:
      return store(&ZoneSettings::forward);
    case ZoneFlag::kMasquerade:
      return store(&ZoneSettings::masquerade);
    case ZoneFlag::kIcmpBlockInversion:
      return {[&o, &st](bool on) {
                o.c.call([&] { set_flag(st.icmp_block_inversion, on, "icmp-block-inversion"); });
              },
              [&st] { return st.icmp_block_inversion; }};
    case ZoneFlag::kDisable:
      break;
  }
  return {};
}

// firewalld 2.0's zone priorities: setIngressPriority(int(value)), python's ValueError (exit 2)
// for a text that is no int; set_zone_config_dict checks the range. The other values are
// edit_policy's.
ValueActions client_priority_actions(Offline& o, ZoneSettings& st, ZoneValue v) {
  auto priority = [&o, &st](int ZoneSettings::*field) {
    return ValueActions{
        [&o, &st, field](const std::string& text) {
          if (!python_int(text))
            o.p.fail("invalid literal for int() with base 10: " + argparse::python_repr(text));
          st.*field = parse_zone_priority(text);
        },
        [&st, field] { return std::to_string(st.*field); }};
  };
  if (v == ZoneValue::kIngressPriority) return priority(&ZoneSettings::ingress_priority);
  if (v == ZoneValue::kEgressPriority) return priority(&ZoneSettings::egress_priority);
  return {};
}

// What only zones have: interfaces, sources, forward, icmp-block-inversion, priorities; and
// masquerade (the policy branch asks it alone).
bool zone_only(Offline& o, const std::string& name, ZoneSettings& st) {
  Args& a = o.a;
  if (a.t("list_interfaces")) o.list(st.interfaces);
  if (a.t("get_zone_of_interface")) return zone_of(o, "get_zone_of_interface", true), true;
  if (a.t("change_interface")) return change(o, name, st, "change_interface", true), true;
  if (bindings(o, st.interfaces, kInterfaceDests)) return true;
  if (a.t("list_sources")) o.list(st.sources);
  if (a.t("get_zone_of_source")) return zone_of(o, "get_zone_of_source", false), true;
  if (a.t("change_source")) return change(o, name, st, "change_source", false), true;
  if (bindings(o, st.sources, kSourceDests)) return true;
  return run_zone_flag(a, o.p,
                       [&](const ZoneFlagRow& row) { return client_flag_actions(o, st, row); }) ||
         run_zone_value(a, o.p, kZoneValues,
                        [&](ZoneValue v) { return client_priority_actions(o, st, v); });
}

// --remove-service-from-zone / -policy is what edit_policy() knows as --remove-service (which
// here is the lokkit option, already done when the zone branch runs after it).
void rename_remove_service(Args& a, Dest dest) {
  if (a.t(dest)) a.set_list("remove_service", a.list(dest));
  else a.clear("remove_service");
}

}  // namespace

void offline_cmd_zone(Offline& o, const std::string& name) {
  ZoneSettings st = to_settings(o.zone(name));
  if (!zone_only(o, name, st)) {
    if (o.a.t("list_all")) {
      show_zone(o.p, name, st);
      throw Exit{0};
    }
    if (o.a.t("list_all_zones")) {
      for (const auto& [each, z] : o.store.items<model::Zone>()) {
        show_zone(o.p, each, to_settings(z.value));
        o.p.msg("");
      }
      throw Exit{0};
    }
    rename_remove_service(o.a, "remove_service_from_zone");
    edit_policy(o.s, st, true);
  }
  store_zone(o, name, st);
  o.p.and_exit("success");
}

void offline_cmd_policy(Offline& o) {
  std::string name = o.a.str("policy");
  ZoneSettings st = to_settings(o.item<model::Policy>(name).value);
  // setPriority(int(value)): python's ValueError, exit 2.
  if (o.a.t("set_priority") && !python_int(o.a.str("set_priority")))
    o.p.fail("invalid literal for int() with base 10: " +
             argparse::python_repr(o.a.str("set_priority")));
  auto masquerade = [&](const ZoneFlagRow& row) {
    return row.flag == ZoneFlag::kMasquerade ? client_flag_actions(o, st, row) : FlagActions{};
  };
  if (!run_zone_flag(o.a, o.p, masquerade)) {
    rename_remove_service(o.a, "remove_service_from_policy");
    edit_policy(o.s, st, true);
  }
  o.update<model::Policy>(name, st);
  o.p.and_exit("success");
}

}  // namespace fwctl::cli
