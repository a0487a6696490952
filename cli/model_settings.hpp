#pragma once
// The daemon's model values as the client's plain settings (settings.hpp): what fwctl shows or
// sends for an item it read itself (--new-*-from-file, --offline), the same values the daemon
// would have sent for it over D-Bus.

#include "model/helper.hpp"
#include "model/icmptype.hpp"
#include "model/ipset.hpp"
#include "model/policy.hpp"
#include "model/service.hpp"
#include "model/zone.hpp"
#include "settings.hpp"

namespace fwctl::cli {

ZoneSettings to_settings(const model::Zone& z);
ZoneSettings to_settings(const model::Policy& p);
ServiceSettings to_settings(const model::Service& s);
IcmpTypeSettings to_settings(const model::IcmpType& i);
IPSetSettings to_settings(const model::IpSet& i);
HelperSettings to_settings(const model::Helper& h);

}  // namespace fwctl::cli
