#pragma once
// The per-item config objects of services, policies, ipsets, ICMP types and helpers
// (/config/service/N, ...): their settings in and out, plus what ConfigItemAdaptor gives every
// kind, and the fine-grained members of firewalld's config objects (config.service.addPort, ...),
// each a change of the item's settings as update makes it.

#include "bus/config_item_base.hpp"
#include "bus/config_settings.hpp"
#include "bus/glue.hpp"
#include "core/permanent_edit.hpp"

namespace fwctl::bus {

class ConfigServiceAdaptor final
    : public ConfigInfoAdaptor<model::Service, glue::FirewallD1_config_service> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  void getSettings(sdbus::Result<ServiceTuple>&& result) override;
  void getSettings2(sdbus::Result<Dict>&& result) override;
  void update(sdbus::Result<>&& result, ServiceTuple settings) override;
  void update2(sdbus::Result<>&& result, Dict settings) override;
  void getIncludes(sdbus::Result<std::vector<std::string>>&& result) override;
  void setIncludes(sdbus::Result<>&& result, std::vector<std::string> includes) override;
  void addInclude(sdbus::Result<>&& result, std::string include) override;
  void removeInclude(sdbus::Result<>&& result, std::string include) override;
  void queryInclude(sdbus::Result<bool>&& result, std::string include) override;

  void getPorts(sdbus::Result<std::vector<PortTuple>>&& result) override;
  void setPorts(sdbus::Result<>&& result, std::vector<PortTuple> ports) override;
  void addPort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void removePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void queryPort(sdbus::Result<bool>&& result, std::string port, std::string protocol) override;
  void getProtocols(sdbus::Result<std::vector<std::string>>&& result) override;
  void setProtocols(sdbus::Result<>&& result, std::vector<std::string> protocols) override;
  void addProtocol(sdbus::Result<>&& result, std::string protocol) override;
  void removeProtocol(sdbus::Result<>&& result, std::string protocol) override;
  void queryProtocol(sdbus::Result<bool>&& result, std::string protocol) override;
  void getSourcePorts(sdbus::Result<std::vector<PortTuple>>&& result) override;
  void setSourcePorts(sdbus::Result<>&& result, std::vector<PortTuple> ports) override;
  void addSourcePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void removeSourcePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void querySourcePort(sdbus::Result<bool>&& result, std::string port,
                       std::string protocol) override;
  void getModules(sdbus::Result<std::vector<std::string>>&& result) override;
  void setModules(sdbus::Result<>&& result, std::vector<std::string> modules) override;
  void addModule(sdbus::Result<>&& result, std::string module) override;
  void removeModule(sdbus::Result<>&& result, std::string module) override;
  void queryModule(sdbus::Result<bool>&& result, std::string module) override;
  void getDestinations(sdbus::Result<std::map<std::string, std::string>>&& result) override;
  void setDestinations(sdbus::Result<>&& result,
                       std::map<std::string, std::string> destinations) override;
  void getDestination(sdbus::Result<std::string>&& result, std::string family) override;
  void setDestination(sdbus::Result<>&& result, std::string family, std::string address) override;
  void removeDestination(sdbus::Result<>&& result, std::string family) override;
  void queryDestination(sdbus::Result<bool>&& result, std::string family,
                        std::string address) override;
  // change() of the destination as firewalld's dict of families.
  void edit_destinations(sdbus::Result<>&& result, const char* member,
                         std::function<Status(core::Pairs&)> edit);
};

class ConfigPolicyAdaptor final
    : public ConfigItemAdaptor<model::Policy, glue::FirewallD1_config_policy> {
 public:
  using ConfigItemAdaptor::ConfigItemAdaptor;

 private:
  void getSettings(sdbus::Result<Dict>&& result) override;
  void update(sdbus::Result<>&& result, Dict settings) override;
};

class ConfigIpSetAdaptor final
    : public ConfigInfoAdaptor<model::IpSet, glue::FirewallD1_config_ipset> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  void getSettings(sdbus::Result<IpSetTuple>&& result) override;
  void update(sdbus::Result<>&& result, IpSetTuple settings) override;
  void getType(sdbus::Result<std::string>&& result) override;
  void setType(sdbus::Result<>&& result, std::string ipset_type) override;
  void getOptions(sdbus::Result<std::map<std::string, std::string>>&& result) override;
  void setOptions(sdbus::Result<>&& result, std::map<std::string, std::string> options) override;
  void addOption(sdbus::Result<>&& result, std::string key, std::string value) override;
  void removeOption(sdbus::Result<>&& result, std::string key) override;
  void queryOption(sdbus::Result<bool>&& result, std::string key, std::string value) override;
  void getEntries(sdbus::Result<std::vector<std::string>>&& result) override;
  void setEntries(sdbus::Result<>&& result, std::vector<std::string> entries) override;
  void addEntry(sdbus::Result<>&& result, std::string entry) override;
  void removeEntry(sdbus::Result<>&& result, std::string entry) override;
  void queryEntry(sdbus::Result<bool>&& result, std::string entry) override;
};

class ConfigIcmpTypeAdaptor final
    : public ConfigInfoAdaptor<model::IcmpType, glue::FirewallD1_config_icmptype> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  void getSettings(sdbus::Result<IcmpTypeTuple>&& result) override;
  void update(sdbus::Result<>&& result, IcmpTypeTuple settings) override;
  void getDestinations(sdbus::Result<std::vector<std::string>>&& result) override;
  void setDestinations(sdbus::Result<>&& result, std::vector<std::string> destinations) override;
  void addDestination(sdbus::Result<>&& result, std::string destination) override;
  void removeDestination(sdbus::Result<>&& result, std::string destination) override;
  void queryDestination(sdbus::Result<bool>&& result, std::string destination) override;
};

class ConfigHelperAdaptor final
    : public ConfigInfoAdaptor<model::Helper, glue::FirewallD1_config_helper> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  void getSettings(sdbus::Result<HelperTuple>&& result) override;
  void update(sdbus::Result<>&& result, HelperTuple settings) override;
  void getFamily(sdbus::Result<std::string>&& result) override;
  void setFamily(sdbus::Result<>&& result, std::string ipv) override;
  void queryFamily(sdbus::Result<bool>&& result, std::string ipv) override;
  void getModule(sdbus::Result<std::string>&& result) override;
  void setModule(sdbus::Result<>&& result, std::string module) override;
  void queryModule(sdbus::Result<bool>&& result, std::string module) override;
  void getPorts(sdbus::Result<std::vector<PortTuple>>&& result) override;
  void setPorts(sdbus::Result<>&& result, std::vector<PortTuple> ports) override;
  void addPort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void removePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void queryPort(sdbus::Result<bool>&& result, std::string port, std::string protocol) override;
};

}  // namespace fwctl::bus
