#pragma once
// The per-item config objects of services, policies, ipsets, ICMP types and helpers
// (/config/service/N, ...): their settings in and out, plus what ConfigItemAdaptor gives every
// kind. The fine-grained setters firewall-cmd does not use (config.service.addPort, ...) still
// answer "not implemented yet".

#include "bus/config_item_adaptor.hpp"
#include "bus/config_settings.hpp"
#include "bus_glue/unimplemented.hpp"

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
  void getEntries(sdbus::Result<std::vector<std::string>>&& result) override;
};

class ConfigIcmpTypeAdaptor final
    : public ConfigInfoAdaptor<model::IcmpType, glue::FirewallD1_config_icmptype> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  void getSettings(sdbus::Result<IcmpTypeTuple>&& result) override;
  void update(sdbus::Result<>&& result, IcmpTypeTuple settings) override;
};

class ConfigHelperAdaptor final
    : public ConfigInfoAdaptor<model::Helper, glue::FirewallD1_config_helper> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  void getSettings(sdbus::Result<HelperTuple>&& result) override;
  void update(sdbus::Result<>&& result, HelperTuple settings) override;
  void getPorts(sdbus::Result<std::vector<PortTuple>>&& result) override;
};

}  // namespace fwctl::bus
