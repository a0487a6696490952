#pragma once
// The one place where fwctl errors become D-Bus errors (docs/architecture.md, bus).
//
// firewalld's contract: a failed call answers with the error name
// org.fedoraproject.FirewallD1.Exception and the message "CODE" or "CODE: detail"; clients split
// the code off at the first ':' (firewall-cmd exits with its number). sdbus-c++ 1.2 turns only an
// sdbus::Error thrown by a handler into an error reply, and lets any other exception escape into
// sd-bus's C callback, so every adaptor body runs inside guarded(), which maps whatever it throws.
//
// The bus boundary is where an error is logged, once: the four "already"/"not enabled" codes as
// warnings (firewalld's decorators do the same), every other code as an error.

#include <sdbus-c++/Error.h>

#include <exception>
#include <string>
#include <utility>

#include "common/result.hpp"

namespace fwctl::bus {

inline constexpr const char* kErrorName = "org.fedoraproject.FirewallD1.Exception";

// sdbus::Error(kErrorName, error.message()).
sdbus::Error to_dbus_error(const Error& error);

// Logs `error` (see above) and throws to_dbus_error(error).
[[noreturn]] void throw_error(const Error& error);

// The value of `result`, or throw_error() with its error.
template <typename T>
T value_or_throw(Result<T> result) {
  if (!result) throw_error(result.error());
  return std::move(*result);
}
inline void value_or_throw(const Status& status) {
  if (!status) throw_error(status.error());
}

namespace detail {
[[noreturn]] void rethrow_as_dbus_error(const char* member, std::exception_ptr caught);
}  // namespace detail

// Runs `body` (an adaptor method's whole work) so that nothing but an sdbus::Error leaves it: an
// sdbus::Error passes through; any other exception becomes UNKNOWN_ERROR with its what().
template <typename F>
auto guarded(const char* member, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    detail::rethrow_as_dbus_error(member, std::current_exception());
  }
}

}  // namespace fwctl::bus
