#pragma once
// The daemon's model values as the client's plain settings (settings.hpp): what fwctl shows or
// sends for an item it read itself (--new-*-from-file, --offline), the same values the daemon
// would have sent for it over D-Bus.

#include "common/result.hpp"
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

// The other way: the settings fwctl sends for an item taken in as fwctld takes them
// (config.add<Kind> / update: lists lose duplicates, the first kept; the zone target
// "{chain}_{zone}" is "default"; rich rules parsed, failing with the parser's error), so that
// --offline stores what the daemon would store for the same command.
Status apply_settings(model::Zone& z, const ZoneSettings& s);
Status apply_settings(model::Policy& p, const ZoneSettings& s);
void apply_settings(model::Service& v, const ServiceSettings& s);
void apply_settings(model::IcmpType& i, const IcmpTypeSettings& s);
void apply_settings(model::IpSet& i, const IPSetSettings& s);
void apply_settings(model::Helper& h, const HelperSettings& s);

}  // namespace fwctl::cli
