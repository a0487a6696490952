#pragma once
// org.fwctl.Firewall1 on /org/fedoraproject/FirewallD1 (dbus/org.fwctl.Firewall1.xml): fwctl's
// own members beside firewalld 1.3.3's, which stay byte-equal to 1.3.3's: changes that undo
// themselves unless confirmed (core/confirmation.hpp owns the pending one and its deadline),
// and counters per zone element (core/counters.hpp). Authorized as firewalld's members are,
// by dbus/polkit-actions.tsv (the confirmation: polkit action org.fwctl.Firewall1.confirm)
// and dbus/access-checks.tsv (lockdown).

#include <optional>

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/confirmation.hpp"
#include "core/counters.hpp"

namespace fwctl::bus {

class FwctlFirewallAdaptor final : public glue::FwctlFirewall1, private Served {
 public:
  FwctlFirewallAdaptor(sdbus::IObject& object, Authorizer& authorizer,
                       core::Confirmation& confirmation, core::Counters& counters,
                       const core::Firewall& firewall)
      : glue::FwctlFirewall1(object),
        Served(object, authorizer, INTERFACE_NAME),
        confirmation_(confirmation),
        counters_(counters),
        fw_(firewall) {}

  // For the event loop: when the pending change is due to be undone.
  std::optional<core::SteadyTime> next_deadline() const { return confirmation_.deadline(); }
  // Undoes the pending change when it is due, and logs what happened; true when it was undone.
  bool expire(core::SteadyTime now);

 private:
  void beginConfirm(sdbus::Result<>&& result, uint32_t timeout) override;
  void confirm(sdbus::Result<>&& result) override;
  void getConfirmTimeLeft(sdbus::Result<uint32_t>&& result) override;

  using CountList = std::vector<sdbus::Struct<std::string, uint64_t, uint64_t>>;
  void getZoneCounters(sdbus::Result<CountList>&& result, std::string zone) override;
  void getPolicyCounters(sdbus::Result<CountList>&& result, std::string policy) override;
  void zeroCounters(sdbus::Result<>&& result) override;
  using OriginList = std::vector<sdbus::Struct<std::string, uint64_t, std::string, std::string>>;
  void getRuleOrigins(sdbus::Result<OriginList>&& result) override;

  core::Confirmation& confirmation_;
  core::Counters& counters_;
  const core::Firewall& fw_;
};

}  // namespace fwctl::bus
