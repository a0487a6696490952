#include "bus/network_manager.hpp"

#include <sdbus-c++/sdbus-c++.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>

#include "bus/remote_property.hpp"

namespace fwctl::bus {
namespace {

constexpr const char* kName = "org.freedesktop.NetworkManager";
constexpr const char* kSettingsConnection = "org.freedesktop.NetworkManager.Settings.Connection";
constexpr uint32_t kNmGenerated = 0x2;  // NM_SETTINGS_CONNECTION_FLAG_NM_GENERATED
// The calls are synchronous, inside runtimeToPermanent: a NetworkManager that hangs must not
// hold the daemon for long.
constexpr std::chrono::seconds kTimeout{5};

using Settings = std::map<std::string, std::map<std::string, sdbus::Variant>>;

sdbus::Variant property(sdbus::IConnection& bus, const std::string& path, const char* interface,
                        const char* name) {
  return remote_property(bus, kName, path, interface, name, kTimeout);
}

}  // namespace

bool set_zone_in_network_manager(sdbus::IConnection& bus, const std::string& interface,
                                 const std::string& zone) {
  try {
    auto manager = sdbus::createProxy(bus, kName, "/org/freedesktop/NetworkManager");
    sdbus::ObjectPath device;
    manager->callMethod("GetDeviceByIpIface")
        .onInterface(kName)
        .withTimeout(kTimeout)
        .withArguments(interface)
        .storeResultsTo(device);
    auto active = property(bus, device, "org.freedesktop.NetworkManager.Device", "ActiveConnection")
                      .get<sdbus::ObjectPath>();
    if (active == "/") return false;
    auto path =
        property(bus, active, "org.freedesktop.NetworkManager.Connection.Active", "Connection")
            .get<sdbus::ObjectPath>();
    if (property(bus, path, kSettingsConnection, "Flags").get<uint32_t>() & kNmGenerated) {
      return false;
    }
    auto connection = sdbus::createProxy(bus, kName, path);
    Settings settings;
    connection->callMethod("GetSettings")
        .onInterface(kSettingsConnection)
        .withTimeout(kTimeout)
        .storeResultsTo(settings);
    settings["connection"]["zone"] = sdbus::Variant(zone);
    // Update saves to disk, as libnm's commit_changes(save_to_disk=True).
    connection->callMethod("Update")
        .onInterface(kSettingsConnection)
        .withTimeout(kTimeout)
        .withArguments(settings);
    return true;
  } catch (const sdbus::Error&) {  // firewalld: "except Exception: pass"
    return false;
  }
}

std::vector<std::string> hand_bindings_to_network_manager(sdbus::IConnection& bus,
                                                          const core::Firewall& firewall) {
  std::vector<std::string> handed;
  bool running = false;
  try {  // not a call to the name itself: that could have the bus start NetworkManager
    auto driver = sdbus::createProxy(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus");
    driver->callMethod("NameHasOwner")
        .onInterface("org.freedesktop.DBus")
        .withArguments(std::string(kName))
        .storeResultsTo(running);
  } catch (const sdbus::Error&) {
  }
  if (!running) return handed;
  const auto& own = firewall.nm_interfaces();
  for (const auto& [zone, interfaces] : firewall.bindings().interfaces) {
    for (const auto& interface : interfaces) {
      if (std::find(own.begin(), own.end(), interface) != own.end()) continue;
      if (set_zone_in_network_manager(bus, interface, zone)) handed.push_back(interface);
    }
  }
  return handed;
}

}  // namespace fwctl::bus
