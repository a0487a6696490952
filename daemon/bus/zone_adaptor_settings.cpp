// ZoneAdaptor::setZoneSettings2 at runtime: the a{sv} dict read into a core::ZoneSettingsUpdate
// with firewalld's checks of keys and types (check_config_dict), then ZoneUpdated with the zone
// and the dict as the caller gave them.

#include "bus/error_map.hpp"
#include "bus/zone_adaptor.hpp"

namespace fwctl::bus {
namespace {

using Update = core::ZoneSettingsUpdate;
using Strings = std::vector<std::string>;
using Pairs = std::vector<sdbus::Struct<std::string, std::string>>;
using Quads = std::vector<sdbus::Struct<std::string, std::string, std::string, std::string>>;

// Python's name of the type a D-Bus value arrives as (dbus_to_python).
std::string python_type(const std::string& signature) {
  if (signature == "s") return "<class 'str'>";
  if (signature == "b") return "<class 'bool'>";
  if (!signature.empty() && signature[0] == 'a') {
    return signature.size() > 1 && signature[1] == '{' ? "<class 'dict'>" : "<class 'list'>";
  }
  if (!signature.empty() && signature[0] == '(') return "<class 'tuple'>";
  return "<class 'int'>";
}

template <typename T>
T get(const std::string& key, const sdbus::Variant& value, const char* expected) {
  if (!value.containsValueOfType<T>()) {
    std::string sig = value.peekValueType();
    std::string shown = sig == "s" ? "'" + value.get<std::string>() + "'" : key;
    throw_error(Error{Code::INVALID_TYPE,
                      shown + " not of type " + python_type(expected) + ", but " + python_type(sig),
                      {},
                      0});
  }
  return value.get<T>();
}

Update::Pairs pairs(const Pairs& in) {
  Update::Pairs out;
  for (const auto& p : in) out.emplace_back(p.get<0>(), p.get<1>());
  return out;
}

void read_key(Update& u, const std::string& key, const sdbus::Variant& v) {
  if (key == "services") u.services = get<Strings>(key, v, "as");
  else if (key == "ports") u.ports = pairs(get<Pairs>(key, v, "a(ss)"));
  else if (key == "icmp_blocks") u.icmp_blocks = get<Strings>(key, v, "as");
  else if (key == "masquerade") u.masquerade = get<bool>(key, v, "b");
  else if (key == "forward_ports") {
    u.forward_ports.emplace();
    for (const auto& f : get<Quads>(key, v, "a(ssss)")) {
      u.forward_ports->push_back({f.get<0>(), f.get<1>(), f.get<2>(), f.get<3>()});
    }
  } else if (key == "interfaces") u.interfaces = get<Strings>(key, v, "as");
  else if (key == "sources") u.sources = get<Strings>(key, v, "as");
  else if (key == "rules_str") u.rich_rules = get<Strings>(key, v, "as");
  else if (key == "protocols") u.protocols = get<Strings>(key, v, "as");
  else if (key == "source_ports") u.source_ports = pairs(get<Pairs>(key, v, "a(ss)"));
  else if (key == "icmp_block_inversion") u.icmp_block_inversion = get<bool>(key, v, "b");
  else if (key == "forward") u.forward = get<bool>(key, v, "b");
  // firewalld 2.0's zone priorities are permanent settings, as there: a runtime dict may carry
  // them back (a client's get, edit, set) and they change nothing until a reload.
  else if (key == "ingress_priority" || key == "egress_priority") (void)get<int32_t>(key, v, "i");
  else if (key == "version" || key == "short" || key == "description" || key == "target") {
    std::string text = get<std::string>(key, v, "s");
    if (key == "target") u.target = text;
    u.string_keys.push_back(key);
  } else {
    throw_error(Error{Code::INVALID_OPTION, "option '" + key + "' is not valid", {}, 0});
  }
}

}  // namespace

void ZoneAdaptor::setZoneSettings2(sdbus::Result<>&& result, std::string zone,
                                   std::map<std::string, sdbus::Variant> settings) {
  serve(std::move(result), "setZoneSettings2", [=, this] {
    Update update;
    for (const auto& [key, value] : settings) read_key(update, key, value);
    value_or_throw(fw_.set_zone_settings(zone, update));
    emitZoneUpdated(zone, settings);
  });
}

}  // namespace fwctl::bus
