// --permanent --service=X / --ipset=X / --icmptype=X / --helper=X edits. As firewall-cmd does
// it: fetch the item's settings, change them on the client side (FirewallClient*Settings'
// add/remove/query, with their ALREADY_ENABLED / NOT_ENABLED texts), send them back with update.
// The settings and `update` come from the caller: the item's config object over D-Bus
// (run_permanent.cpp), or the permanent store on disk (--offline, offline.cpp).
#include "core/firewall_ipset_entries.hpp"
#include "item_lists.hpp"
#include "permanent_edits.hpp"
#include "settings_edit.hpp"
#include "values.hpp"
#include "zone_flags.hpp"

namespace fwctl::cli {

bool entries_from_files(Session& s, std::vector<std::string>& entries, bool add);

namespace {

std::string quoted_port(const Item& i) { return "'" + i.args[0] + ":" + i.args[1] + "'"; }

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& each : items) out += (out.empty() ? "" : sep) + each;
  return out;
}

std::vector<std::string> port_list(const std::vector<PortProto>& ports) {
  std::vector<std::string> out;
  for (const auto& [port, proto] : ports) out.push_back(port + "/" + proto);
  return out;
}

// What the client-side settings do to one port or name of a list, with
// FirewallClient*Settings' ALREADY_ENABLED/NOT_ENABLED texts.
ListActions port_actions(std::vector<PortProto>& ports) {
  auto port = [](const Item& i) { return PortProto{i.args[0], i.args[1]}; };
  return {[&ports, port](const Item& i) { add_item(ports, port(i), quoted_port(i)); },
          [&ports, port](const Item& i) { remove_item(ports, port(i), quoted_port(i)); },
          [&ports, port](const Item& i) { return has_item(ports, port(i)); }};
}

ListActions name_actions(std::vector<std::string>& names) {
  return {[&names](const Item& i) { add_item(names, i.args[0], i.args[0]); },
          [&names](const Item& i) { remove_item(names, i.args[0], i.args[0]); },
          [&names](const Item& i) { return has_item(names, i.args[0]); }};
}

// The add/remove/query of a list of ports; `update` stores the settings after an edit.
bool port_ops(Session& s, std::vector<PortProto>& ports, const ElementDests& d,
              const std::function<void()>& update) {
  return run_elements(s.c, s.a, d, parse_port, "%s/%s", port_actions(ports)) && (update(), true);
}

// The same for a list of names.
bool name_ops(Session& s, std::vector<std::string>& names, const ElementDests& d,
              const std::function<void()>& update) {
  return run_elements(s.c, s.a, d, nullptr, "'%s'", name_actions(names)) && (update(), true);
}

// --set-description/--get-description/--set-short/--get-short, common to every kind
// (zone_flags.hpp's kInfoValues).
template <typename Settings>
bool info_ops(Session& s, Settings& st, const std::function<void()>& update) {
  auto field = [&](std::string Settings::*f) {
    return ValueActions{[&st, &update, f](const std::string& text) { st.*f = text, update(); },
                        [&st, f] { return st.*f; }};
  };
  return run_zone_value(s.a, s.p, kInfoValues, [&](ZoneValue v) {
    return v == ZoneValue::kDescription ? field(&Settings::description)
                                        : field(&Settings::short_name);
  });
}

// A service's lists of kServiceLists[first, last): an edit (true) or a --get-X (exits).
bool service_lists(Session& s, ServiceSettings& st, std::size_t first, std::size_t last,
                   const std::function<void()>& update) {
  for (std::size_t n = first; n < last; ++n) {
    const ServiceListRow& row = kServiceLists[n];
    if (row.ports ? port_ops(s, st.*row.ports, row.dests, update)
                  : name_ops(s, st.*row.names, row.dests, update))
      return true;
    if (!s.a.t(row.get)) continue;
    std::vector<std::string> shown = row.ports ? port_list(st.*row.ports) : st.*row.names;
    if (row.sorted) std::sort(shown.begin(), shown.end());
    s.p.and_exit(join(shown, " "));
  }
  return false;
}

void service_destinations(Session& s, ServiceSettings& st, const std::function<void()>& update) {
  auto& d = st.destinations;
  auto find = [&](const std::string& ipv) {
    return std::find_if(d.begin(), d.end(), [&](const auto& e) { return e.first == ipv; });
  };
  if (s.a.t("set_destination")) {
    cmd_sequence(
        s.c, s.a.list("set_destination"), parse_service_destination,
        [&](const Item& i) {
          auto it = find(i.args[0]);
          if (it != d.end() && it->second == i.args[1])
            throw FwError{"ALREADY_ENABLED: '" + i.args[0] + ":" + i.args[1] + "'"};
          if (it != d.end()) it->second = i.args[1];
          else d.emplace_back(i.args[0], i.args[1]);
        },
        true);
    return update();
  }
  const auto& removed = s.a.list("remove_destination");
  for (const auto& ipv : removed) {  // firewall-cmd's special case: only the ipv, no address
    s.c.call([&] { check_destination_ipv(ipv); });
    auto it = find(ipv);
    if (it != d.end()) {
      d.erase(it);
    } else if (removed.size() > 1) {
      s.p.warning("Warning: NOT_ENABLED: '" + ipv + "'");
    } else {
      s.p.and_exit("Error: NOT_ENABLED: '" + ipv + "'", static_cast<int>(Code::NOT_ENABLED));
    }
  }
  update();
}

}  // namespace

void permanent_service(Session& s, ServiceSettings& st, const std::function<void()>& update) {
  auto& a = s.a;
  constexpr std::size_t kSplit = kServiceListsBeforeDestinations;
  if (service_lists(s, st, 0, kSplit, update)) return;
  if (a.t("set_destination") || a.t("remove_destination"))
    return service_destinations(s, st, update);
  if (a.t("query_destination"))
    query_sequence(
        s.c, a.list("query_destination"), parse_service_destination,
        [&](const Item& i) {
          return has_item(st.destinations, {i.args[0], i.args[1]});
        },
        "'%s'");
  if (a.t("get_destinations")) {
    std::vector<std::string> shown;
    for (const auto& [ipv, address] : st.destinations) shown.push_back(ipv + ":" + address);
    s.p.and_exit(join(shown, " "));
  }
  if (service_lists(s, st, kSplit, std::size(kServiceLists), update)) return;
  if (info_ops(s, st, update)) return;
  s.fail_usage("Unknown option");
}

void permanent_ipset(Session& s, IPSetSettings& st, const std::function<void()>& update) {
  auto& a = s.a;
  auto timeout = std::find_if(st.options.begin(), st.options.end(),
                              [](const auto& o) { return o.first == "timeout"; });
  auto no_timeout = [&] {
    if (timeout != st.options.end() && timeout->second != "0") throw FwError{"IPSET_WITH_TIMEOUT"};
  };
  ListActions entry_actions{
      [&](const Item& i) {
        no_timeout();
        std::string entry = core::normalize_ipset_entry(i.args[0]);
        if (has_item(st.entries, entry)) throw FwError{"ALREADY_ENABLED: " + entry};
        if (auto overlap = core::check_entry_overlaps_existing(entry, st.entries); !overlap)
          throw FwError{overlap.error().message()};
        st.entries.push_back(entry);
      },
      [&](const Item& i) {
        no_timeout();
        std::string entry = core::normalize_ipset_entry(i.args[0]);
        remove_item(st.entries, entry, entry);
      },
      [&](const Item& i) {
        no_timeout();
        return has_item(st.entries, core::normalize_ipset_entry(i.args[0]));
      }};
  if (run_elements(s.c, a, kEntryDests, nullptr, "'%s'", entry_actions)) return update();
  if (a.t("get_entries")) s.p.and_exit(join(st.entries, "\n"));
  if (a.t("add_entries_from_file") || a.t("remove_entries_from_file")) {
    if (entries_from_files(s, st.entries, a.t("add_entries_from_file"))) {
      s.c.call([&] {
        no_timeout();
        if (auto overlaps = core::check_for_overlapping_entries(st.entries); !overlaps)
          throw FwError{overlaps.error().message()};
      });
      update();
    }
    return;
  }
  if (info_ops(s, st, update)) return;
  s.fail_usage("Unknown option");
}

void permanent_icmptype(Session& s, IcmpTypeSettings& st, const std::function<void()>& update) {
  auto& a = s.a;
  auto& d = st.destinations;  // empty means both
  ListActions destinations{[&](const Item& i) {
                             if (d.empty() || has_item(d, i.args[0]))
                               throw FwError{"ALREADY_ENABLED: " + i.args[0]};
                             d.push_back(i.args[0]);
                           },
                           [&](const Item& i) {
                             if (has_item(d, i.args[0]))
                               return void(remove_item(d, i.args[0], i.args[0]));
                             if (!d.empty()) throw FwError{"NOT_ENABLED: " + i.args[0]};
                             d = {i.args[0] == "ipv4" ? "ipv6" : "ipv4"};
                           },
                           [&](const Item& i) { return d.empty() || has_item(d, i.args[0]); }};
  if (run_elements(s.c, a, kDestinationDests, check_destination_ipv, "'%s'", destinations))
    return update();
  if (a.t("get_destinations")) s.p.and_exit(d.empty() ? "ipv4\nipv6" : join(d, "\n"));
  if (info_ops(s, st, update)) return;
  s.fail_usage("Unknown option");
}

void permanent_helper(Session& s, HelperSettings& st, const std::function<void()>& update,
                      const std::function<std::vector<PortProto>()>& get_ports) {
  auto& a = s.a;
  if (port_ops(s, st.ports, kPortDests, update)) return;
  if (a.t("get_ports")) s.p.and_exit(join(port_list(get_ports()), " "));
  if (a.t("get_module")) s.p.and_exit(st.module);
  if (a.t("set_module")) {
    st.module = s.c.call([&] { return check_module(a.str("set_module")); });
    return update();
  }
  if (a.t("get_family")) s.p.and_exit(st.family);
  if (a.t("set_family")) {
    const auto& values = a.list("set_family");
    st.family = s.c.call([&] { return check_helper_family(values.empty() ? "" : values[0]); });
    return update();
  }
  if (info_ops(s, st, update)) return;
  s.fail_usage("Unknown option");
}

}  // namespace fwctl::cli
