#pragma once
// A property of another service's object, read with org.freedesktop.DBus.Properties.Get and a
// timeout (sdbus-c++'s getProperty() has none): for the daemons fwctld asks while it serves or
// stops (NetworkManager, systemd), which must not hold it up for long. Throws sdbus::Error.

#include <sdbus-c++/sdbus-c++.h>

#include <chrono>
#include <string>

namespace fwctl::bus {

inline sdbus::Variant remote_property(sdbus::IConnection& bus, const std::string& service,
                                      const std::string& path, const std::string& interface,
                                      const std::string& name, std::chrono::milliseconds timeout) {
  auto proxy = sdbus::createProxy(bus, service, path);
  sdbus::Variant value;
  proxy->callMethod("Get")
      .onInterface("org.freedesktop.DBus.Properties")
      .withTimeout(timeout)
      .withArguments(interface, name)
      .storeResultsTo(value);
  return value;
}

}  // namespace fwctl::bus
