#include "core/confirmation.hpp"

#include <string>

namespace fwctl::core {

Status Confirmation::begin(std::chrono::seconds timeout, SteadyTime now) {
  if (timeout.count() < 1 || timeout > kMaxTimeout) {
    return fail(Code::INVALID_VALUE, "confirmation timeout " + std::to_string(timeout.count()) +
                                         " s: choose from 1 to " +
                                         std::to_string(kMaxTimeout.count()));
  }
  if (pending_) {
    return fail(Code::ALREADY_ENABLED, "a change already waits for confirmation (" +
                                           std::to_string(seconds_left(now)) + " s left)");
  }
  pending_ = Pending{fw_.snapshot(), now + timeout};
  return ok();
}

Status Confirmation::confirm() {
  if (!pending_) return fail(Code::NOT_ENABLED, "no change waits for confirmation");
  pending_.reset();
  return ok();
}

std::optional<SteadyTime> Confirmation::deadline() const {
  if (!pending_) return std::nullopt;
  return pending_->deadline;
}

long Confirmation::seconds_left(SteadyTime now) const {
  if (!pending_ || pending_->deadline <= now) return 0;
  return std::chrono::ceil<std::chrono::seconds>(pending_->deadline - now).count();
}

Result<bool> Confirmation::expire(SteadyTime now) {
  if (!pending_ || now < pending_->deadline) return false;
  Pending spent = std::move(*pending_);
  pending_.reset();
  if (Status st = fw_.restore(spent.before); !st) {
    return fail(Code::COMMAND_FAILED,
                "the change was not confirmed, but cannot be undone: " + st.error().message());
  }
  return true;
}

}  // namespace fwctl::core
