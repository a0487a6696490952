#pragma once
// org.fwctl.Firewall1 on /org/fedoraproject/FirewallD1 (dbus/org.fwctl.Firewall1.xml): fwctl's
// own members beside firewalld 1.3.3's, which stay byte-equal to 1.3.3's. Changes that undo
// themselves unless confirmed (core/confirmation.hpp owns the pending one and its deadline).
// Authorized as firewalld's members are: polkit action org.fwctl.Firewall1.confirm
// (dbus/polkit-actions.tsv), lockdown's runtime check.

#include <optional>

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/confirmation.hpp"

namespace fwctl::bus {

class FwctlFirewallAdaptor final : public glue::FwctlFirewall1, private Served {
 public:
  FwctlFirewallAdaptor(sdbus::IObject& object, Authorizer& authorizer,
                       core::Confirmation& confirmation)
      : glue::FwctlFirewall1(object),
        Served(object, authorizer, INTERFACE_NAME),
        confirmation_(confirmation) {}

  // For the event loop: when the pending change is due to be undone.
  std::optional<core::SteadyTime> next_deadline() const { return confirmation_.deadline(); }
  // Undoes the pending change when it is due, and logs what happened; true when it was undone.
  bool expire(core::SteadyTime now);

 private:
  void beginConfirm(sdbus::Result<>&& result, uint32_t timeout) override;
  void confirm(sdbus::Result<>&& result) override;
  void getConfirmTimeLeft(sdbus::Result<uint32_t>&& result) override;

  core::Confirmation& confirmation_;
};

}  // namespace fwctl::bus
