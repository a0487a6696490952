#include "bus/fwctl_config_adaptor.hpp"

#include "bus/authorizer.hpp"
#include "bus/error_map.hpp"

namespace fwctl::bus {

void FwctlConfigAdaptor::set_conf(const char* key, const char* property, const std::string& value) {
  const sdbus::Message* call = object_.getCurrentlyProcessedMessage();
  if (call && call->getCredsUid() != 0) {
    throw not_authorized(polkit_action("org.freedesktop.DBus.Properties", "Set"), "uid");
  }
  if (value_or_throw(store_.set_conf(key, value))) {
    object_.emitPropertiesChangedSignal(INTERFACE_NAME, {property});
  }
}

std::string FwctlConfigAdaptor::NftablesCounters() { return conf().nftables_counters; }
void FwctlConfigAdaptor::NftablesCounters(const std::string& value) {
  set_conf("NftablesCounters", "NftablesCounters", value);
}

std::string FwctlConfigAdaptor::StrictForwardPorts() { return conf().strict_forward_ports; }
void FwctlConfigAdaptor::StrictForwardPorts(const std::string& value) {
  set_conf("StrictForwardPorts", "StrictForwardPorts", value);
}

// firewalld.conf's IPv6_rpfilter as written, 2.2's modes included.
std::string FwctlConfigAdaptor::IPv6_rpfilter2() { return conf().ipv6_rpfilter; }
void FwctlConfigAdaptor::IPv6_rpfilter2(const std::string& value) {
  set_conf("IPv6_rpfilter2", "IPv6_rpfilter2", value);
}

std::string FwctlConfigAdaptor::NftablesTableOwner() { return conf().nftables_table_owner; }
void FwctlConfigAdaptor::NftablesTableOwner(const std::string& value) {
  set_conf("NftablesTableOwner", "NftablesTableOwner", value);
}

std::string FwctlConfigAdaptor::NftablesFlowtable() { return conf().nftables_flowtable; }
void FwctlConfigAdaptor::NftablesFlowtable(const std::string& value) {
  set_conf("NftablesFlowtable", "NftablesFlowtable", value);
}

// Read-only, as on firewalld's development branch (no 2.x release has it on D-Bus).
std::string FwctlConfigAdaptor::ReloadPolicy() { return conf().reload_policy; }

}  // namespace fwctl::bus
