#pragma once
// org.fedoraproject.FirewallD1.config.zone on /org/fedoraproject/FirewallD1/config/zone/N: one
// permanent zone (firewalld's server/config_zone.py). Every add/remove/set is "get settings,
// change one thing, update" in core (core/permanent_edit.hpp), then Updated(name).

#include "bus/config_item_base.hpp"
#include "bus/glue.hpp"
#include "bus/settings_dict.hpp"

namespace fwctl::bus {

class ConfigZoneAdaptor final
    : public ConfigInfoAdaptor<model::Zone, glue::FirewallD1_config_zone> {
 public:
  using ConfigInfoAdaptor::ConfigInfoAdaptor;

 private:
  using Strings = std::vector<std::string>;
  using Ports = std::vector<PortTuple>;
  using Forwards = std::vector<ForwardPortTuple>;

  void getSettings(sdbus::Result<ZoneTuple>&& result) override;
  void getSettings2(sdbus::Result<Dict>&& result) override;
  void update(sdbus::Result<>&& result, ZoneTuple settings) override;
  void update2(sdbus::Result<>&& result, Dict settings) override;
  void getTarget(sdbus::Result<std::string>&& result) override;
  void setTarget(sdbus::Result<>&& result, std::string target) override;
  void getServices(sdbus::Result<Strings>&& result) override;
  void setServices(sdbus::Result<>&& result, Strings services) override;
  void addService(sdbus::Result<>&& result, std::string service) override;
  void removeService(sdbus::Result<>&& result, std::string service) override;
  void queryService(sdbus::Result<bool>&& result, std::string service) override;
  void getPorts(sdbus::Result<Ports>&& result) override;
  void setPorts(sdbus::Result<>&& result, Ports ports) override;
  void addPort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void removePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void queryPort(sdbus::Result<bool>&& result, std::string port, std::string protocol) override;
  void getProtocols(sdbus::Result<Strings>&& result) override;
  void setProtocols(sdbus::Result<>&& result, Strings protocols) override;
  void addProtocol(sdbus::Result<>&& result, std::string protocol) override;
  void removeProtocol(sdbus::Result<>&& result, std::string protocol) override;
  void queryProtocol(sdbus::Result<bool>&& result, std::string protocol) override;
  void getSourcePorts(sdbus::Result<Ports>&& result) override;
  void setSourcePorts(sdbus::Result<>&& result, Ports ports) override;
  void addSourcePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void removeSourcePort(sdbus::Result<>&& result, std::string port, std::string protocol) override;
  void querySourcePort(sdbus::Result<bool>&& result, std::string port,
                       std::string protocol) override;
  void getIcmpBlocks(sdbus::Result<Strings>&& result) override;
  void setIcmpBlocks(sdbus::Result<>&& result, Strings icmptypes) override;
  void addIcmpBlock(sdbus::Result<>&& result, std::string icmptype) override;
  void removeIcmpBlock(sdbus::Result<>&& result, std::string icmptype) override;
  void queryIcmpBlock(sdbus::Result<bool>&& result, std::string icmptype) override;
  void getIcmpBlockInversion(sdbus::Result<bool>&& result) override;
  void setIcmpBlockInversion(sdbus::Result<>&& result, bool flag) override;
  void addIcmpBlockInversion(sdbus::Result<>&& result) override;
  void removeIcmpBlockInversion(sdbus::Result<>&& result) override;
  void queryIcmpBlockInversion(sdbus::Result<bool>&& result) override;
  void getMasquerade(sdbus::Result<bool>&& result) override;
  void setMasquerade(sdbus::Result<>&& result, bool masquerade) override;
  void addMasquerade(sdbus::Result<>&& result) override;
  void removeMasquerade(sdbus::Result<>&& result) override;
  void queryMasquerade(sdbus::Result<bool>&& result) override;
  void getForwardPorts(sdbus::Result<Forwards>&& result) override;
  void setForwardPorts(sdbus::Result<>&& result, Forwards ports) override;
  void addForwardPort(sdbus::Result<>&& result, std::string port, std::string protocol,
                      std::string toport, std::string toaddr) override;
  void removeForwardPort(sdbus::Result<>&& result, std::string port, std::string protocol,
                         std::string toport, std::string toaddr) override;
  void queryForwardPort(sdbus::Result<bool>&& result, std::string port, std::string protocol,
                        std::string toport, std::string toaddr) override;
  void getInterfaces(sdbus::Result<Strings>&& result) override;
  void setInterfaces(sdbus::Result<>&& result, Strings interfaces) override;
  void addInterface(sdbus::Result<>&& result, std::string interface) override;
  void removeInterface(sdbus::Result<>&& result, std::string interface) override;
  void queryInterface(sdbus::Result<bool>&& result, std::string interface) override;
  void getSources(sdbus::Result<Strings>&& result) override;
  void setSources(sdbus::Result<>&& result, Strings sources) override;
  void addSource(sdbus::Result<>&& result, std::string source) override;
  void removeSource(sdbus::Result<>&& result, std::string source) override;
  void querySource(sdbus::Result<bool>&& result, std::string source) override;
  void getRichRules(sdbus::Result<Strings>&& result) override;
  void setRichRules(sdbus::Result<>&& result, Strings rules) override;
  void addRichRule(sdbus::Result<>&& result, std::string rule) override;
  void removeRichRule(sdbus::Result<>&& result, std::string rule) override;
  void queryRichRule(sdbus::Result<bool>&& result, std::string rule) override;

  // firewalld's _checkDuplicateInterfacesSources: an interface or source newly given to this
  // zone must not be bound to another permanent zone (ZONE_CONFLICT).
  Status check_bindings(const model::Zone& next) const;
  // update/update2/set*: the whole change, checked for binding conflicts first.
  void replace(sdbus::Result<>&& reply, const char* member, Change edit);
};

}  // namespace fwctl::bus
