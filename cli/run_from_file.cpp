// --new-{zone,policy,service,ipset,icmptype,helper}-from-file (+ --name): firewall-cmd reads the
// file on the client side with firewalld's reader and sends the item to config.add<Kind>;
// fwctl reads it with the daemon's own reader (config::load_item) and sends the same settings.
#include <fstream>

#include "config/item_file.hpp"
#include "model_settings.hpp"
#include "permanent_edits.hpp"
#include "settings_dbus.hpp"

namespace fwctl::cli {

template <typename T>
T read_item_file(Session& s, const std::string& kind, const std::string& file) {
  auto slash = file.rfind('/');
  std::string base = slash == std::string::npos ? file : file.substr(slash + 1);
  std::string dir = slash == std::string::npos ? "./" : file.substr(0, slash);
  std::string failed = "Failed to load " + kind + " file";
  // firewall-cmd fails (exit 2); firewall-offline-cmd exits with the FirewallError's code.
  auto code = [&](Code c) { return s.offline_cmd ? static_cast<int>(c) : 2; };
  if (base.size() < 4 || base.compare(base.size() - 4, 4, ".xml") != 0)
    s.p.and_exit(failed + " '" + file + "': INVALID_NAME: '" + base + "' is missing .xml suffix",
                 code(Code::INVALID_NAME));
  std::string path = dir + "/" + base;
  if (!std::ifstream(path))
    s.p.fail(failed + ": [Errno 2] No such file or directory: '" + path + "'");
  auto loaded = config::load_item<T>(path);
  if (!loaded)
    s.p.and_exit(failed + " '" + file + "': " + loaded.error().message(),
                 code(loaded.error().code));
  T item = std::move(loaded->item);
  if (s.a.t("name")) item.info.name = s.a.str("name");
  return item;
}

template model::Zone read_item_file<model::Zone>(Session&, const std::string&, const std::string&);
template model::Policy read_item_file<model::Policy>(Session&, const std::string&,
                                                     const std::string&);
template model::Service read_item_file<model::Service>(Session&, const std::string&,
                                                       const std::string&);
template model::IpSet read_item_file<model::IpSet>(Session&, const std::string&,
                                                   const std::string&);
template model::IcmpType read_item_file<model::IcmpType>(Session&, const std::string&,
                                                         const std::string&);
template model::Helper read_item_file<model::Helper>(Session&, const std::string&,
                                                     const std::string&);

bool new_from_file(Session& s) {
  auto& a = s.a;
  auto& cfg = s.bus().config();
  auto add = [&](auto call) { s.c.call([&] { call(); }); };
  if (a.t("new_zone_from_file")) {
    auto z = read_item_file<model::Zone>(s, "zone", a.str("new_zone_from_file"));
    return add([&] { cfg.addZone2(z.info.name, encode_zone(to_settings(z))); }), true;
  }
  if (a.t("new_policy_from_file")) {
    auto p = read_item_file<model::Policy>(s, "policy", a.str("new_policy_from_file"));
    return add([&] { cfg.addPolicy(p.info.name, encode_policy(to_settings(p), false)); }), true;
  }
  if (a.t("new_service_from_file")) {
    auto v = read_item_file<model::Service>(s, "service", a.str("new_service_from_file"));
    return add([&] { cfg.addService2(v.info.name, encode_service(to_settings(v))); }), true;
  }
  if (a.t("new_ipset_from_file")) {
    auto i = read_item_file<model::IpSet>(s, "ipset", a.str("new_ipset_from_file"));
    return add([&] { cfg.addIPSet(i.info.name, encode_ipset(to_settings(i))); }), true;
  }
  if (a.t("new_icmptype_from_file")) {
    auto i = read_item_file<model::IcmpType>(s, "icmptype", a.str("new_icmptype_from_file"));
    return add([&] { cfg.addIcmpType(i.info.name, encode_icmptype(to_settings(i))); }), true;
  }
  if (a.t("new_helper_from_file")) {
    auto h = read_item_file<model::Helper>(s, "helper", a.str("new_helper_from_file"));
    return add([&] { cfg.addHelper(h.info.name, encode_helper(to_settings(h))); }), true;
  }
  return false;
}

}  // namespace fwctl::cli
