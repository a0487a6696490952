#pragma once
// Calls of fwctld's own org.fwctl.Firewall1 (dbus/org.fwctl.Firewall1.xml), which has no
// generated proxy: connect, call by name, and end the command as firewall-cmd ends on an error
// (warn-only codes included: here they mean the request could not be done).

#include <sdbus-c++/IProxy.h>

#include <functional>

#include "printer.hpp"

namespace fwctl::cli {

// Runs `call` on org.fwctl.Firewall1 of the running daemon. Exits (throws Exit) with
// "FirewallD is not running" (252), the authorization failure (253), or "Error: CODE: detail"
// and its code; a daemon without the interface (firewalld) is COMMAND_FAILED.
void call_fwctl(const Printer& p, const std::function<void(sdbus::IProxy&)>& call);

}  // namespace fwctl::cli
