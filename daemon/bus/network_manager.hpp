#pragma once
// NetworkManager's side of firewalld's runtimeToPermanent (firewalld's core/fw_nm.py, there
// through libnm, here over D-Bus): an interface bound at runtime by someone else whose device
// NetworkManager runs with a saved (not generated) connection goes into that connection's
// profile as connection.zone, not into the zone file. NetworkManager then binds it itself.

#include <sdbus-c++/IConnection.h>

#include <string>
#include <vector>

#include "core/firewall.hpp"

namespace fwctl::bus {

// nm_get_connection_of_interface + nm_set_zone_of_connection: sets and saves `zone` as the
// zone of the profile active on `interface`. False, with nothing changed, when NetworkManager
// is not running, has no device or no active connection for it, or the connection is
// generated; also when a call fails or takes more than 5 s.
bool set_zone_in_network_manager(sdbus::IConnection& bus, const std::string& interface,
                                 const std::string& zone);

// Every runtime interface binding that is not NetworkManager's own, handed to NetworkManager
// where it takes it (firewalld's runtimeToPermanent, zone by zone): the interfaces it took.
std::vector<std::string> hand_bindings_to_network_manager(sdbus::IConnection& bus,
                                                          const core::Firewall& firewall);

}  // namespace fwctl::bus
