#pragma once
// org.fedoraproject.FirewallD1.zone on /org/fedoraproject/FirewallD1: the runtime zones, read
// and changed: every element kind (zone_adaptor_changes.cpp), interfaces and sources
// (zone_adaptor_bindings.cpp), setZoneSettings2 (zone_adaptor_settings.cpp), each change
// followed by firewalld's signal; and the …Removed signals of timed additions that expire.

#include <optional>

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ZoneAdaptor final : public glue::FirewallD1_zone, private Served {
 public:
  // The element changes go through `queue` (bus/change_queue.hpp).
  ZoneAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Firewall& firewall,
              ChangeQueue& queue)
      : glue::FirewallD1_zone(object),
        Served(object, authorizer, INTERFACE_NAME),
        fw_(firewall),
        queue_(queue) {}

  // When the next timed addition is due (the event loop sleeps until then at most).
  std::optional<core::SteadyTime> next_deadline() const { return fw_.next_deadline(); }
  // Removes the timed additions due at `now` and signals each removal as firewalld does;
  // a kernel refusal is logged.
  void expire(core::SteadyTime now);

 private:
  using Strings = std::vector<std::string>;
  using Kind = core::ZoneElement;

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

  // zone_adaptor_changes.cpp
  void addRichRule(sdbus::Result<std::string>&& result, std::string zone, std::string rule,
                   int32_t timeout) override;
  void removeRichRule(sdbus::Result<std::string>&& result, std::string zone,
                      std::string rule) override;
  void queryRichRule(sdbus::Result<bool>&& result, std::string zone, std::string rule) override;
  void addProtocol(sdbus::Result<std::string>&& result, std::string zone, std::string protocol,
                   int32_t timeout) override;
  void removeProtocol(sdbus::Result<std::string>&& result, std::string zone,
                      std::string protocol) override;
  void addSourcePort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
                     std::string protocol, int32_t timeout) override;
  void removeSourcePort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
                        std::string protocol) override;
  void addMasquerade(sdbus::Result<std::string>&& result, std::string zone,
                     int32_t timeout) override;
  void removeMasquerade(sdbus::Result<std::string>&& result, std::string zone) override;
  void addForwardPort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
                      std::string protocol, std::string toport, std::string toaddr,
                      int32_t timeout) override;
  void removeForwardPort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
                         std::string protocol, std::string toport, std::string toaddr) override;
  void addIcmpBlock(sdbus::Result<std::string>&& result, std::string zone, std::string icmp,
                    int32_t timeout) override;
  void removeIcmpBlock(sdbus::Result<std::string>&& result, std::string zone,
                       std::string icmp) override;
  void addIcmpBlockInversion(sdbus::Result<std::string>&& result, std::string zone) override;
  void removeIcmpBlockInversion(sdbus::Result<std::string>&& result, std::string zone) override;

  // zone_adaptor_bindings.cpp
  void addInterface(sdbus::Result<std::string>&& result, std::string zone,
                    std::string interface) override;
  void changeZone(sdbus::Result<std::string>&& result, std::string zone,
                  std::string interface) override;
  void changeZoneOfInterface(sdbus::Result<std::string>&& result, std::string zone,
                             std::string interface) override;
  void removeInterface(sdbus::Result<std::string>&& result, std::string zone,
                       std::string interface) override;
  void addSource(sdbus::Result<std::string>&& result, std::string zone,
                 std::string source) override;
  void changeZoneOfSource(sdbus::Result<std::string>&& result, std::string zone,
                          std::string source) override;
  void removeSource(sdbus::Result<std::string>&& result, std::string zone,
                    std::string source) override;

  // zone_adaptor_settings.cpp
  void setZoneSettings2(sdbus::Result<>&& result, std::string zone,
                        std::map<std::string, sdbus::Variant> settings) override;

  // The add, remove and query of one element, with firewalld's …Added/…Removed signal.
  void add_item(sdbus::Result<std::string>&& result, const char* member, const std::string& zone,
                const core::ZoneItem& item, int32_t timeout);
  void remove_item(sdbus::Result<std::string>&& result, const char* member, const std::string& zone,
                   const core::ZoneItem& item);
  void query_item(sdbus::Result<bool>&& result, const char* member, std::string zone,
                  core::ZoneItem item);
  void emit_added(const std::string& zone, const core::ZoneItem& item, int32_t timeout);
  void emit_removed(const std::string& zone, const core::ZoneItem& item);

  // The runtime settings of `zone`, or the INVALID_ZONE error thrown.
  core::ZoneSettings settings(const std::string& zone) const;

  core::Firewall& fw_;
  ChangeQueue& queue_;
};

}  // namespace fwctl::bus
