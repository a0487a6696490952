// fwctl --offline: firewall-offline-cmd's job. The permanent configuration is loaded from the
// two trees (--default-config, --system-config) and changed through core::Permanent, the store
// fwctld itself uses, with the one-element edits of its config.zone objects
// (core/permanent_edit.hpp): the files written are the ones the daemon would write for the same
// commands. Messages and exit codes are firewall-cmd's.
#include "offline.hpp"

#include <algorithm>

#include "config/loader.hpp"
#include "core/permanent.hpp"
#include "core/permanent_edit.hpp"
#include "info_format.hpp"
#include "model_settings.hpp"
#include "values.hpp"

namespace fwctl::cli {
namespace {

using Zones = std::map<std::string, model::Item<model::Zone>>;

void throw_if_failed(const Status& st) {
  if (!st) throw FwError{st.error().message()};
}

template <typename T>
std::vector<std::string> names(const std::map<std::string, model::Item<T>>& items) {
  std::vector<std::string> out;
  for (const auto& [name, item] : items) out.push_back(name);
  return out;
}

struct Offline {
  Args& a;
  const Printer& p;
  Client& c;
  core::Permanent& store;

  [[noreturn]] void list(const std::vector<std::string>& items, const char* sep = " ") const {
    p.and_exit(join(items, sep));
  }
  const model::Zone& zone(const std::string& name) const {
    auto found = store.find<model::Zone>(name);
    if (!found) {
      c.handle("", found.error().message());
      throw Exit{static_cast<int>(found.error().code)};
    }
    return (*found)->value;
  }
  // One zone edit as config.zone's add*/remove* method does it (binding check included).
  void edit(const std::string& name, const std::function<Status(model::Zone&)>& change) {
    const Zones& zones = store.items<model::Zone>();
    throw_if_failed(store.edit<model::Zone>(name, [&](model::Zone& z) {
      model::Zone old = z;
      if (Status st = change(z); !st) return st;
      return core::check_zone_bindings(zones, name, old, z);
    }));
  }
  void seq(const char* dest, const ParseItem& parse, const std::string& name,
           const std::function<Status(model::Zone&, const Item&)>& change) {
    cmd_sequence(c, a.list(dest), parse, [&](const Item& i) {
      edit(name, [&](model::Zone& z) { return change(z, i); });
    }, false);
  }
  [[noreturn]] void query(const char* dest, const ParseItem& parse, const std::string& name,
                          const std::function<bool(const model::Zone&, const Item&)>& q,
                          const char* message) {
    query_sequence(c, a.list(dest), parse, [&](const Item& i) { return q(zone(name), i); },
                   message);
  }

  bool general();
  void zone_ops(const std::string& name);
  bool zone_lists(const std::string& name);
};

bool Offline::general() {
  const auto& cfg = store.config();
  if (a.t("get_zones")) list(names(cfg.zones));
  if (a.t("get_services")) list(names(cfg.services));
  if (a.t("get_ipsets")) list(names(cfg.ipsets));
  if (a.t("get_icmptypes")) list(names(cfg.icmptypes));
  if (a.t("get_helpers")) list(names(cfg.helpers));
  if (a.t("get_policies")) list(names(cfg.policies));
  if (a.t("get_default_zone")) p.and_exit(cfg.conf.default_zone);
  if (a.t("new_zone")) {
    model::Zone z;
    return c.call([&] { throw_if_failed(store.add(a.str("new_zone"), z)); }), true;
  }
  if (a.t("delete_zone")) {
    return c.call([&] {
      auto removed = store.remove<model::Zone>(a.str("delete_zone"));
      if (!removed) throw FwError{removed.error().message()};
    }), true;
  }
  if (a.t("info_zone")) {
    auto name = a.str("info_zone");
    p.msg(format_zone(name, to_settings(zone(name)), p.verbose()));
    throw Exit{0};
  }
  if (a.t("list_all_zones")) {
    for (const auto& [name, item] : cfg.zones) {
      p.msg(format_zone(name, to_settings(item.value), p.verbose()));
      p.msg("");
    }
    throw Exit{0};
  }
  return false;
}

// The --list-* and --get-* queries of one zone; exits when one was asked.
bool Offline::zone_lists(const std::string& name) {
  ZoneSettings st = to_settings(zone(name));
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
  if (a.t("get_target")) p.and_exit(st.target == "%%REJECT%%" ? "REJECT" : st.target);
  if (a.t("get_description")) p.and_exit(st.description);
  if (a.t("get_short")) p.and_exit(st.short_name);
  if (a.t("query_masquerade")) p.query_result(st.masquerade);
  if (a.t("query_forward")) p.query_result(st.forward);
  if (a.t("query_icmp_block_inversion")) p.query_result(st.icmp_block_inversion);
  return false;
}

Status name_op(std::vector<std::string>& list, const Item& i, bool add) {
  return add ? core::add_name(list, i.args[0]) : core::remove_name(list, i.args[0]);
}

void Offline::zone_ops(const std::string& name) {
  using Z = model::Zone;
  zone_lists(name);
  // The lists of names: services, protocols, icmp blocks, interfaces.
  struct Names {
    const char* what;
    std::vector<std::string> Z::*field;
  };
  for (auto [what, field] : {Names{"service", &Z::services}, Names{"protocol", &Z::protocols},
                             Names{"icmp_block", &Z::icmp_blocks},
                             Names{"interface", &Z::interfaces}}) {
    std::string w = what;
    if (a.t("add_" + w))
      return seq(("add_" + w).c_str(), nullptr, name,
                 [f = field](Z& z, const Item& i) { return name_op(z.*f, i, true); });
    if (a.t("remove_" + w))
      return seq(("remove_" + w).c_str(), nullptr, name,
                 [f = field](Z& z, const Item& i) { return name_op(z.*f, i, false); });
    if (a.t("query_" + w))
      query(("query_" + w).c_str(), nullptr, name,
            [f = field](const Z& z, const Item& i) { return core::has_name(z.*f, i.args[0]); },
            "'%s'");
  }
  for (auto [what, field] : {std::pair{"port", &Z::ports}, std::pair{"source_port", &Z::source_ports}}) {
    std::string w = what;
    if (a.t("add_" + w))
      return seq(("add_" + w).c_str(), parse_port, name, [f = field](Z& z, const Item& i) {
        return core::add_port(z.*f, i.args[0], i.args[1]);
      });
    if (a.t("remove_" + w))
      return seq(("remove_" + w).c_str(), parse_port, name, [f = field](Z& z, const Item& i) {
        return core::remove_port(z.*f, i.args[0], i.args[1]);
      });
    if (a.t("query_" + w))
      query(("query_" + w).c_str(), parse_port, name, [f = field](const Z& z, const Item& i) {
        return core::has_port(z.*f, i.args[0], i.args[1]);
      }, "%s/%s");
  }
  if (a.t("add_source"))
    return seq("add_source", nullptr, name,
               [](Z& z, const Item& i) { return core::add_source(z.sources, i.args[0]); });
  if (a.t("remove_source"))
    return seq("remove_source", nullptr, name,
               [](Z& z, const Item& i) { return core::remove_source(z.sources, i.args[0]); });
  if (a.t("query_source"))
    query("query_source", nullptr, name, [](const Z& z, const Item& i) {
      return core::has_name(core::source_strings(z.sources), i.args[0]);
    }, "'%s'");
  if (a.t("add_rich_rule"))
    return seq("add_rich_rule", nullptr, name,
               [](Z& z, const Item& i) { return core::add_rich_rule(z.rules, i.args[0]); });
  if (a.t("remove_rich_rule"))
    return seq("remove_rich_rule", nullptr, name,
               [](Z& z, const Item& i) { return core::remove_rich_rule(z.rules, i.args[0]); });
  if (a.t("query_rich_rule"))
    query("query_rich_rule", nullptr, name, [](const Z& z, const Item& i) {
      auto has = core::has_rich_rule(z.rules, i.args[0]);
      if (!has) throw FwError{has.error().message()};
      return *has;
    }, "'%s'");
  auto forward = [](const Item& i) {
    return model::ForwardPort{i.args[0], i.args[1], i.args[2], i.args[3]};
  };
  if (a.t("add_forward_port"))
    return seq("add_forward_port", parse_forward_port, name, [&](Z& z, const Item& i) {
      return core::add_forward_port(z.forward_ports, forward(i));
    });
  if (a.t("remove_forward_port"))
    return seq("remove_forward_port", parse_forward_port, name, [&](Z& z, const Item& i) {
      return core::remove_forward_port(z.forward_ports, forward(i));
    });
  if (a.t("query_forward_port"))
    query("query_forward_port", parse_forward_port, name, [&](const Z& z, const Item& i) {
      return core::has_forward_port(z.forward_ports, forward(i));
    }, "port=%s:proto=%s:toport=%s:toaddr=%s");
  auto change = [&](const std::function<Status(Z&)>& fn) { c.call([&] { edit(name, fn); }); };
  for (auto [what, field, word] :
       {std::tuple{"masquerade", &Z::masquerade, "masquerade"},
        std::tuple{"icmp_block_inversion", &Z::icmp_block_inversion, "icmp-block-inversion"}}) {
    std::string w = what;
    auto set = [&, f = field, text = word](bool on) {
      change([&](Z& z) { return core::set_flag(z.*f, on, text); });
    };
    if (a.t("add_" + w)) return set(true);
    if (a.t("remove_" + w)) return set(false);
  }
  // --add-forward / --remove-forward: firewall-cmd sends {"forward": on} through update2.
  if (a.t("add_forward") || a.t("remove_forward"))
    return change([&](Z& z) { return z.forward = a.t("add_forward"), ok(); });
  if (a.t("set_target")) {
    std::string target = a.str("set_target");
    return change([&](Z& z) { return z.target = target == "REJECT" ? "%%REJECT%%" : target, ok(); });
  }
  if (a.t("set_description"))
    return change([&](Z& z) { return z.info.description = a.str("set_description"), ok(); });
  if (a.t("set_short"))
    return change([&](Z& z) { return z.info.short_ = a.str("set_short"), ok(); });
  p.fail("Error: fwctl --offline does not support this option yet");
}

}  // namespace

void run_offline_edit(Args& a, const Printer& p) {
  config::Paths paths;
  if (a.t("default_config")) paths.default_dir = a.str("default_config");
  if (a.t("system_config")) paths.system_dir = a.str("system_config");
  config::LoadResult loaded = config::load_config(paths);
  core::Permanent store(paths, loaded.config, [] { return false; });
  Client client(p);
  Offline o{a, p, client, store};
  if (!o.general()) {
    std::string zone = a.t("zone") ? a.str("zone") : loaded.config.conf.default_zone;
    o.zone_ops(zone);
  }
  p.and_exit("success");
}

}  // namespace fwctl::cli
