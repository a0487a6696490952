#pragma once
// What systemd is doing to fwctld's unit, asked over the system bus.

namespace sdbus {
class IConnection;
}

namespace fwctl::bus {

// True when systemd stops fwctld as part of a restart of its unit (`systemctl restart`, the
// unit's job is of type "restart"): then the next fwctld replaces the table in one batch, and
// removing it at exit (CleanupOnExit=yes) would leave the host without a firewall in between.
// False when systemd is not there, fwctld is not in a unit of its own, or nothing answers
// within a second.
bool systemd_restarts_us(sdbus::IConnection& bus);

}  // namespace fwctl::bus
