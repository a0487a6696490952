#pragma once
// Combined zones at runtime (firewalld's Firewall._start_load_stored_config / Zone.combine):
// the permanent configuration keeps each file of /etc/firewalld/zones/DIR/ as the zone
// "DIR/NAME" (see loader.hpp); the runtime has one zone DIR made of all of them instead.
//
// The combined zone starts as a new zone (target "default", no short, description or version,
// no <forward/>) and takes, file by file in name order, every interface, source, service, port,
// protocol, icmp block, forward port and source port it does not have yet, every rich rule, and
// masquerade, forward and icmp-block-inversion when any part sets them. A combined zone replaces
// a plain zone of the same name, as firewalld's runtime add_zone does.

#include "model/config.hpp"

namespace fwctl::config {

// `permanent` with every "DIR/NAME" zone merged into the zone "DIR".
model::Config combine_zones(model::Config permanent);

}  // namespace fwctl::config
