#include "own_interface.hpp"

#include <memory>

#include "bus.hpp"
#include "client.hpp"

namespace fwctl::cli {
namespace {

// A connection to a running daemon, or the exit firewall-cmd makes without one.
std::unique_ptr<Bus> connect_running(const Printer& p) {
  std::unique_ptr<Bus> bus;
  try {
    bus = std::make_unique<Bus>();
    if (bus->running()) return bus;
  } catch (const sdbus::Error& e) {
    p.and_exit("Error: DBUS_ERROR: " + e.getMessage(), static_cast<int>(Code::DBUS_ERROR));
  }
  p.and_exit("FirewallD is not running", static_cast<int>(Code::NOT_RUNNING));
}

}  // namespace

void call_fwctl(const Printer& p, const std::function<void(sdbus::IProxy&)>& call) {
  auto bus = connect_running(p);
  try {
    call(bus->fwctl());
  } catch (const sdbus::Error& e) {
    Client client(*bus, p);
    client.fail_if_not_authorized(e.getName());
    if (e.getName().rfind("org.freedesktop.DBus.Error.Unknown", 0) == 0)
      p.and_exit(
          "Error: COMMAND_FAILED: the firewall daemon does not serve org.fwctl.Firewall1 "
          "(it is not fwctld)",
          static_cast<int>(Code::COMMAND_FAILED));
    p.and_exit("Error: " + e.getMessage(), error_code(e.getMessage()));
  }
}

}  // namespace fwctl::cli
