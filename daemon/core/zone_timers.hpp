#pragma once
// The runtime additions made with a timeout (addPort(..., timeout=30), ...) and when each one
// is due to go, as firewalld's GLib.timeout_add_seconds keeps them. No clock inside: the caller
// says what "now" is, so that tests need no sleeping.
//
//   ZoneTimers timers;
//   timers.start({"public", port8080}, now + 30s);
//   timers.next_deadline();          // now + 30s
//   timers.take_due(now + 31s);      // {{"public", port8080}}, forgotten
//
// A timer is known by its zone and item as the add call named them; starting one that exists
// moves its deadline, cancel() forgets it (a remove call made before it fired).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/zone_elements.hpp"

namespace fwctl::core {

using SteadyTime = std::chrono::steady_clock::time_point;

// What a timer removes: `zone` as the …Removed signal names it (a rich rule's zone as the add
// call gave it, "" included; the zone's name otherwise).
struct TimedItem {
  std::string zone;
  ZoneItem item;
  bool operator==(const TimedItem&) const = default;
};

class ZoneTimers {
 public:
  void start(TimedItem item, SteadyTime deadline);
  void cancel(const TimedItem& item);
  void clear() { timers_.clear(); }
  bool empty() const { return timers_.empty(); }

  // The earliest deadline; nullopt when no timer runs.
  std::optional<SteadyTime> next_deadline() const;
  // The timers due at `now` (deadline <= now), earliest first; they are forgotten.
  std::vector<TimedItem> take_due(SteadyTime now);

 private:
  struct Timer {
    TimedItem item;
    SteadyTime deadline;
  };
  std::vector<Timer> timers_;  // few: one per timed runtime addition
};

}  // namespace fwctl::core
