#include "bus/policy_settings.hpp"

#include <functional>

namespace fwctl::bus {
namespace {

using Strings = std::vector<std::string>;

std::vector<model::PortProto> ports_of(const std::vector<PortTuple>& tuples) {
  std::vector<model::PortProto> out;
  for (const auto& t : tuples) out.push_back({std::get<0>(t), std::get<1>(t)});
  return out;
}

// _check_config_structure's complaint, in the terms of the D-Bus signatures.
Unexpected wrong_type(const std::string& key, const sdbus::Variant& value, const char* expected) {
  return fail(Code::INVALID_TYPE,
              "'" + key + "' not of type '" + expected + "', but '" + value.peekValueType() + "'");
}

template <typename T>
Result<T> value_of(const std::string& key, const sdbus::Variant& value) {
  if (!value.containsValueOfType<T>()) {
    return wrong_type(key, value, sdbus::signature_of<T>::str().c_str());
  }
  return value.get<T>();
}

// Stores the value of `key` into `field` (optional<U>) after converting it from the wire type T.
template <typename T, typename U, typename Convert>
Status store(const std::string& key, const sdbus::Variant& value, std::optional<U>& field,
             Convert convert) {
  auto v = value_of<T>(key, value);
  if (!v) return v;
  field = convert(*v);
  return ok();
}

template <typename T>
Status store_plain(const std::string& key, const sdbus::Variant& value, std::optional<T>& field) {
  return store<T>(key, value, field, [](const T& v) { return v; });
}

Status read_key(const std::string& key, const sdbus::Variant& value, core::PolicyUpdate& u) {
  if (key == "services") return store_plain(key, value, u.services);
  if (key == "icmp_blocks") return store_plain(key, value, u.icmp_blocks);
  if (key == "protocols") return store_plain(key, value, u.protocols);
  if (key == "rich_rules") return store_plain(key, value, u.rich_rules);
  if (key == "ingress_zones") return store_plain(key, value, u.ingress_zones);
  if (key == "egress_zones") return store_plain(key, value, u.egress_zones);
  if (key == "masquerade") return store_plain(key, value, u.masquerade);
  if (key == "disable") return store_plain(key, value, u.disable);  // firewalld 2.4
  if (key == "priority") return store_plain(key, value, u.priority);
  if (key == "ports") return store<std::vector<PortTuple>>(key, value, u.ports, ports_of);
  if (key == "source_ports") {
    return store<std::vector<PortTuple>>(key, value, u.source_ports, ports_of);
  }
  if (key == "forward_ports") {
    return store<std::vector<ForwardPortTuple>>(key, value, u.forward_ports, [](const auto& list) {
      std::vector<model::ForwardPort> out;
      for (const auto& f : list) {
        out.push_back({std::get<0>(f), std::get<1>(f), std::get<2>(f), std::get<3>(f)});
      }
      return out;
    });
  }
  if (key == "version" || key == "short" || key == "description" || key == "target") {
    auto v = value_of<std::string>(key, value);
    if (!v) return v;
    u.strings[key] = *v;
    return ok();
  }
  return fail(Code::INVALID_OPTION, "option '" + key + "' is not valid");
}

}  // namespace

Result<core::PolicyUpdate> policy_update(const Dict& settings) {
  core::PolicyUpdate update;
  for (const auto& [key, value] : settings) {
    if (Status st = read_key(key, value, update); !st) return st;
  }
  return update;
}

}  // namespace fwctl::bus
