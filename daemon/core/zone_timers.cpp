#include "core/zone_timers.hpp"

#include <algorithm>

namespace fwctl::core {

void ZoneTimers::start(TimedItem item, SteadyTime deadline) {
  cancel(item);
  timers_.push_back({std::move(item), deadline});
}

void ZoneTimers::cancel(const TimedItem& item) {
  timers_.erase(std::remove_if(timers_.begin(), timers_.end(),
                               [&](const Timer& t) { return t.item == item; }),
                timers_.end());
}

std::optional<SteadyTime> ZoneTimers::next_deadline() const {
  if (timers_.empty()) return std::nullopt;
  return std::min_element(timers_.begin(), timers_.end(),
                          [](const Timer& a, const Timer& b) { return a.deadline < b.deadline; })
      ->deadline;
}

std::vector<TimedItem> ZoneTimers::take_due(SteadyTime now) {
  // Stable: timers with one deadline go in the order they were started.
  std::stable_sort(timers_.begin(), timers_.end(),
                   [](const Timer& a, const Timer& b) { return a.deadline < b.deadline; });
  std::vector<TimedItem> due;
  auto first_later = std::find_if(timers_.begin(), timers_.end(),
                                  [&](const Timer& t) { return t.deadline > now; });
  for (auto it = timers_.begin(); it != first_later; ++it) due.push_back(std::move(it->item));
  timers_.erase(timers_.begin(), first_later);
  return due;
}

}  // namespace fwctl::core
