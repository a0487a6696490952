#pragma once
// org.fedoraproject.FirewallD1.zone on /org/fedoraproject/FirewallD1: the runtime zones, read
// and the runtime port and service changes (addPort, removePort, addService, removeService,
// emitting PortAdded/PortRemoved, ServiceAdded/ServiceRemoved); the other add/remove/change
// members answer "not implemented yet".

#include "bus/served.hpp"
#include "bus_glue/unimplemented.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ZoneAdaptor final : public glue::FirewallD1_zone, private Served {
 public:
  ZoneAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Firewall& firewall)
      : glue::FirewallD1_zone(object), Served(object, authorizer, INTERFACE_NAME), fw_(firewall) {}

 private:
  using Strings = std::vector<std::string>;

  void getZoneSettings2(sdbus::Result<std::map<std::string, sdbus::Variant>>&& result,
                        std::string zone) override;
  void getZones(sdbus::Result<std::vector<std::string>>&& result) override;
  void getActiveZones(
      sdbus::Result<std::map<std::string, std::map<std::string, std::vector<std::string>>>>&&
          result) override;
  void getZoneOfInterface(sdbus::Result<std::string>&& result, std::string interface) override;
  void getZoneOfSource(sdbus::Result<std::string>&& result, std::string source) override;
  void isImmutable(sdbus::Result<bool>&& result, std::string zone) override;
  void queryInterface(sdbus::Result<bool>&& result, std::string zone,
                      std::string interface) override;
  void getInterfaces(sdbus::Result<std::vector<std::string>>&& result, std::string zone) override;
  void querySource(sdbus::Result<bool>&& result, std::string zone, std::string source) override;
  void getSources(sdbus::Result<std::vector<std::string>>&& result, std::string zone) override;
  void getRichRules(sdbus::Result<std::vector<std::string>>&& result, std::string zone) override;
  void addService(sdbus::Result<std::string>&& result, std::string zone, std::string service,
                  int32_t timeout) override;
  void removeService(sdbus::Result<std::string>&& result, std::string zone,
                     std::string service) override;
  void queryService(sdbus::Result<bool>&& result, std::string zone, std::string service) override;
  void getServices(sdbus::Result<std::vector<std::string>>&& result, std::string zone) override;
  void addPort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
               std::string protocol, int32_t timeout) override;
  void removePort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
                  std::string protocol) override;
  void queryPort(sdbus::Result<bool>&& result, std::string zone, std::string port,
                 std::string protocol) override;
  void getPorts(sdbus::Result<std::vector<std::vector<std::string>>>&& result,
                std::string zone) override;
  void queryProtocol(sdbus::Result<bool>&& result, std::string zone, std::string protocol) override;
  void getProtocols(sdbus::Result<std::vector<std::string>>&& result, std::string zone) override;
  void querySourcePort(sdbus::Result<bool>&& result, std::string zone, std::string port,
                       std::string protocol) override;
  void getSourcePorts(sdbus::Result<std::vector<std::vector<std::string>>>&& result,
                      std::string zone) override;
  void queryMasquerade(sdbus::Result<bool>&& result, std::string zone) override;
  void queryForwardPort(sdbus::Result<bool>&& result, std::string zone, std::string port,
                        std::string protocol, std::string toport, std::string toaddr) override;
  void getForwardPorts(sdbus::Result<std::vector<std::vector<std::string>>>&& result,
                       std::string zone) override;
  void queryIcmpBlock(sdbus::Result<bool>&& result, std::string zone, std::string icmp) override;
  void getIcmpBlocks(sdbus::Result<std::vector<std::string>>&& result, std::string zone) override;
  void queryIcmpBlockInversion(sdbus::Result<bool>&& result, std::string zone) override;

  // The runtime settings of `zone`, or the INVALID_ZONE error thrown.
  core::ZoneSettings settings(const std::string& zone) const;

  core::Firewall& fw_;
};

}  // namespace fwctl::bus
