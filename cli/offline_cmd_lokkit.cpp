// firewall-offline-cmd's lokkit compatibility options (system-config-firewall's command line, as
// anaconda still passes a kickstart's `firewall` line): each one edits the default zone's
// settings (--trust the trusted zone's) with a message per item, and the zone is written once
// at the end. --enabled/--disabled run `systemctl enable/disable firewalld.service` as it does
// (through the shell, so PATH decides which systemctl); --addmodule, --removemodule and
// --custom-rules are only reported as ignored.
#include <algorithm>
#include <cstdlib>

#include "offline_cmd.hpp"
#include "offline_store.hpp"
#include "settings_edit.hpp"
#include "values.hpp"

namespace fwctl::cli {
namespace {

void ignored(Offline& o, Dest dest, const char* what) {
  for (const auto& each : o.a.list(dest))
    o.p.msg(std::string("Ignoring ") + what + " '" + each + "'");
}

// A query-then-add (or remove) of one item with the message firewall-offline-cmd prints when
// it is there already (or not there).
template <typename T>
void lokkit_add(Offline& o, std::vector<T>& list, const T& value, const std::string& shown) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
  else o.p.msg("ALREADY_ENABLED: " + shown);
}

// "port:proto", as parse_port_lokkit splits it (exactly one ':').
PortProto lokkit_port(Offline& o, const std::string& value) {
  auto colon = value.find(':');
  if (colon == std::string::npos || value.find(':', colon + 1) != std::string::npos)
    o.p.fail(
        "bad port (most likely missing protocol), correct syntax is "
        "portid[-portid]:protocol");
  return {value.substr(0, colon), value.substr(colon + 1)};
}

void services_and_ports(Offline& o, ZoneSettings& st) {
  for (const auto& each : o.a.list("service")) {
    o.p.msg("Adding service '" + each + "' to default zone.");
    lokkit_add(o, st.services, each, each);
  }
  for (const auto& each : o.a.list("remove_service")) {
    o.p.msg("Removing service '" + each + "' from default zone.");
    auto it = std::find(st.services.begin(), st.services.end(), each);
    if (it != st.services.end()) st.services.erase(it);
    else o.p.msg("NOT_ENABLED: " + each);
  }
  for (const auto& each : o.a.list("port")) {
    PortProto port = lokkit_port(o, each);
    o.p.msg("Adding port '" + port.first + "/" + port.second + "' to default zone.");
    lokkit_add(o, st.ports, port, each);
  }
}

// --trust: into the trusted zone, written at once, unless trusted is the default zone.
void trust(Offline& o, const std::string& default_zone, ZoneSettings& st) {
  const auto& items = o.a.list("trust");
  if (items.empty()) return;
  bool separate = default_zone != "trusted";
  ZoneSettings trusted = separate ? to_settings(o.zone("trusted")) : ZoneSettings{};
  ZoneSettings& target = separate ? trusted : st;
  for (const auto& each : items) {
    o.p.msg("Interface '" + each + "' will be bound to zone 'trusted'.");
    lokkit_add(o, target.interfaces, each, each);
  }
  if (separate) o.update<model::Zone>("trusted", trusted);
}

void forward_ports(Offline& o, ZoneSettings& st) {
  for (const auto& each : o.a.list("forward_port")) {
    Item fp;
    o.c.call([&] { fp = parse_forward_port_compat(each); });
    o.p.msg("Adding forward port " + fp.shown[0] + ":" + fp.shown[1] + ":" + fp.shown[2] + ":" +
            fp.shown[3] + " to default zone.");
    lokkit_add(o, st.forward_ports, ForwardPort{fp.args[0], fp.args[1], fp.args[2], fp.args[3]},
               each);
  }
}

}  // namespace

void offline_cmd_lokkit(Offline& o) {
  Args& a = o.a;
  std::string default_zone = o.store.config().conf.default_zone;
  ZoneSettings st = to_settings(o.zone(default_zone));
  // os.system(): the exit status is not looked at.
  if (a.t("enabled")) (void)std::system("systemctl enable firewalld.service");
  if (a.t("disabled")) (void)std::system("systemctl disable firewalld.service");
  ignored(o, "addmodule", "addmodule");
  ignored(o, "removemodule", "removemodule");
  ignored(o, "custom_rules", "custom-rule");
  services_and_ports(o, st);
  trust(o, default_zone, st);
  if (a.t("masq")) {
    o.p.msg("Enabling masquerade for the default zone.");
    st.masquerade = true;
  }
  forward_ports(o, st);
  for (const auto& each : a.list("block_icmp")) {
    o.p.msg("Adding icmpblock '" + each + "' to default zone.");
    lokkit_add(o, st.icmp_blocks, each, each);
  }
  o.update<model::Zone>(default_zone, st);
}

}  // namespace fwctl::cli
