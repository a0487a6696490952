#pragma once
// A runtime change that undoes itself unless confirmed (issue 15; fwctl --confirm=SECONDS):
//
//   core::Confirmation confirmation(fw);
//   confirmation.begin(30s, now);     // the runtime state in force now is kept aside
//   fw.reload();                      // the change(s), by any caller, any member
//   confirmation.confirm();           // keep them; or, 30 s later:
//   confirmation.expire(now);         // the kept state back in force, one batch
//
// The one owner of the pending confirmation and its deadline: fwctld's event loop asks
// deadline() when to wake up and calls expire() then (bus/bus_service.cpp). At most one
// confirmation is pending; everything changed at runtime while it is, by whoever, goes back
// when it runs out. What Firewall::Snapshot leaves out (panic mode, the direct interface,
// lockdown) stays as it is.

#include <chrono>
#include <optional>

#include "common/result.hpp"
#include "core/firewall.hpp"

namespace fwctl::core {

class Confirmation {
 public:
  // The longest wait one may ask for: a day.
  static constexpr std::chrono::seconds kMaxTimeout{86400};

  explicit Confirmation(Firewall& firewall) : fw_(firewall) {}

  // Keeps the runtime state aside and starts the wait. INVALID_VALUE for a timeout outside
  // 1 s .. kMaxTimeout, ALREADY_ENABLED while another confirmation is pending.
  Status begin(std::chrono::seconds timeout, SteadyTime now);
  // Keeps the runtime state as it is and forgets the one kept aside. NOT_ENABLED when nothing
  // waits for a confirmation.
  Status confirm();

  bool pending() const { return pending_.has_value(); }
  std::optional<SteadyTime> deadline() const;
  // Seconds until the change is undone, rounded up; 0 when nothing is pending.
  long seconds_left(SteadyTime now) const;

  // When the deadline has come: puts the state kept aside back in force and returns true;
  // false before the deadline or when nothing is pending. The confirmation is spent either way:
  // when the kernel refuses the batch (COMMAND_FAILED), the change stays, and the error says so.
  Result<bool> expire(SteadyTime now);

 private:
  struct Pending {
    Firewall::Snapshot before;
    SteadyTime deadline;
  };
  Firewall& fw_;
  std::optional<Pending> pending_;
};

}  // namespace fwctl::core
