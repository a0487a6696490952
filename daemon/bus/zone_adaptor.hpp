#pragma once
// org.fedoraproject.FirewallD1.zone on /org/fedoraproject/FirewallD1: the runtime zones, read
// and the runtime port and service changes (addPort, removePort, addService, removeService,
// emitting PortAdded/PortRemoved, ServiceAdded/ServiceRemoved); the other add/remove/change
// members answer "not implemented yet".

#include "bus_glue/unimplemented.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ZoneAdaptor final : public glue::FirewallD1_zone {
 public:
  ZoneAdaptor(sdbus::IObject& object, core::Firewall& firewall)
      : glue::FirewallD1_zone(object), fw_(firewall) {}

 private:
  using Strings = std::vector<std::string>;

  std::map<std::string, sdbus::Variant> getZoneSettings2(const std::string& zone) override;
  Strings getZones() override;
  std::map<std::string, std::map<std::string, Strings>> getActiveZones() override;
  std::string getZoneOfInterface(const std::string& interface) override;
  std::string getZoneOfSource(const std::string& source) override;
  bool isImmutable(const std::string& zone) override;
  bool queryInterface(const std::string& zone, const std::string& interface) override;
  Strings getInterfaces(const std::string& zone) override;
  bool querySource(const std::string& zone, const std::string& source) override;
  Strings getSources(const std::string& zone) override;
  Strings getRichRules(const std::string& zone) override;
  std::string addService(const std::string& zone, const std::string& service,
                         const int32_t& timeout) override;
  std::string removeService(const std::string& zone, const std::string& service) override;
  bool queryService(const std::string& zone, const std::string& service) override;
  Strings getServices(const std::string& zone) override;
  std::string addPort(const std::string& zone, const std::string& port,
                      const std::string& protocol, const int32_t& timeout) override;
  std::string removePort(const std::string& zone, const std::string& port,
                         const std::string& protocol) override;
  bool queryPort(const std::string& zone, const std::string& port,
                 const std::string& protocol) override;
  std::vector<Strings> getPorts(const std::string& zone) override;
  bool queryProtocol(const std::string& zone, const std::string& protocol) override;
  Strings getProtocols(const std::string& zone) override;
  bool querySourcePort(const std::string& zone, const std::string& port,
                       const std::string& protocol) override;
  std::vector<Strings> getSourcePorts(const std::string& zone) override;
  bool queryMasquerade(const std::string& zone) override;
  bool queryForwardPort(const std::string& zone, const std::string& port,
                        const std::string& protocol, const std::string& toport,
                        const std::string& toaddr) override;
  std::vector<Strings> getForwardPorts(const std::string& zone) override;
  bool queryIcmpBlock(const std::string& zone, const std::string& icmp) override;
  Strings getIcmpBlocks(const std::string& zone) override;
  bool queryIcmpBlockInversion(const std::string& zone) override;

  // The runtime settings of `zone`, or the INVALID_ZONE error thrown.
  core::ZoneSettings settings(const std::string& zone) const;

  core::Firewall& fw_;
};

}  // namespace fwctl::bus
