#pragma once
// Changes that undo themselves (issue 15), on fwctld's org.fwctl.Firewall1:
//
//   fwctl --reload --confirm=30         # or any runtime change: --add-port=... --confirm=2m
//   fwctl --confirm                     # from any session: keep what changed
//
// With --confirm=TIME fwctl asks the daemon to keep the runtime state aside (beginConfirm), then
// makes the change as without it; unless `fwctl --confirm` comes within TIME, fwctld puts the
// state kept aside back by itself. The daemon owns the wait (core/confirmation.hpp), so the
// client may go away, and so may its connection.

#include <optional>
#include <string>

#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

// What is wrong with --confirm on this command line, "" when nothing: bare --confirm goes with
// -q and -v only; --confirm=TIME (N, Ns, Nm or Nh, as --timeout) needs --reload,
// --complete-reload or a runtime change, and no --permanent.
std::string confirm_usage_error(const Args& a);

// The seconds of --confirm=TIME; nullopt for a bare --confirm. After confirm_usage_error().
std::optional<int> confirm_seconds(const Args& a);

// Bare --confirm: keeps the pending change. "success", or firewall-cmd's error lines and exit
// codes (NOT_ENABLED when nothing waits). Throws Exit.
[[noreturn]] void run_confirm(const Printer& p);

// Before the change of --confirm=TIME: starts the wait; exits with the daemon's error (one
// already pending: ALREADY_ENABLED) before anything changed.
void begin_confirm(int seconds, const Printer& p);

// What fwctl says on stderr once the change is made (not with -q).
std::string confirm_notice(int seconds);

}  // namespace fwctl::cli
