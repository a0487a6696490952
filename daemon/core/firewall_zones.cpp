// Firewall's part in the zones at runtime: the shorthands of the element calls, and the default
// zone, whose change also writes firewalld.conf (the rest is core::RuntimeZones', whose changes
// go through commit_runtime).

#include "config/firewalld_conf_file.hpp"
#include "core/firewall.hpp"

namespace fwctl::core {

Result<std::string> Firewall::add_port(const std::string& zone, const std::string& port,
                                       const std::string& protocol, int timeout) {
  return add_zone_item(zone, {ZoneElement::Port, {port, protocol}}, timeout);
}

Result<std::string> Firewall::remove_port(const std::string& zone, const std::string& port,
                                          const std::string& protocol) {
  return remove_zone_item(zone, {ZoneElement::Port, {port, protocol}});
}

Result<bool> Firewall::query_port(const std::string& zone, const std::string& port,
                                  const std::string& protocol) const {
  return query_zone_item(zone, {ZoneElement::Port, {port, protocol}});
}

Result<std::string> Firewall::add_service(const std::string& zone, const std::string& service,
                                          int timeout) {
  return add_zone_item(zone, {ZoneElement::Service, {service}}, timeout);
}

Result<std::string> Firewall::remove_service(const std::string& zone, const std::string& service) {
  return remove_zone_item(zone, {ZoneElement::Service, {service}});
}

Result<bool> Firewall::query_service(const std::string& zone, const std::string& service) const {
  return query_zone_item(zone, {ZoneElement::Service, {service}});
}

// firewalld writes firewalld.conf first; a refused batch puts the old value back.
Result<std::string> Firewall::set_default_zone(const std::string& zone) {
  auto next = zones_.default_zone_change(zone);
  if (!next) return next;
  const std::string conf_path = paths_.system_dir + "/firewalld.conf";
  model::FirewalldConf conf = permanent_.conf;
  conf.default_zone = next->zone;
  if (Status st = config::save_firewalld_conf(conf, conf_path); !st) return st;
  if (Status st = commit_runtime(std::move(next->change)); !st) {
    (void)config::save_firewalld_conf(permanent_.conf, conf_path);
    return st;
  }
  permanent_.conf.default_zone = next->zone;
  return next->zone;
}

}  // namespace fwctl::core
