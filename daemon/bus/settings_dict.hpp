#pragma once
// Settings in the shapes firewalld puts on the wire (dbus-api.md section 3): the a{sv} dicts of
// getZoneSettings2 / getServiceSettings2 and the deprecated tuples of getZoneSettings /
// getServiceSettings. The dicts follow firewalld's export rule: empty strings and lists are left
// out, booleans are always there.

#include <sdbus-c++/Types.h>

#include <map>
#include <string>
#include <vector>

#include "core/firewall.hpp"

namespace fwctl::bus {

using Dict = std::map<std::string, sdbus::Variant>;
using PortTuple = sdbus::Struct<std::string, std::string>;
using ForwardPortTuple = sdbus::Struct<std::string, std::string, std::string, std::string>;

// ZT: (sssbsasa(ss)asba(ssss)asasasasa(ss)b)
using ZoneTuple =
    sdbus::Struct<std::string, std::string, std::string, bool, std::string,
                  std::vector<std::string>, std::vector<PortTuple>, std::vector<std::string>, bool,
                  std::vector<ForwardPortTuple>, std::vector<std::string>, std::vector<std::string>,
                  std::vector<std::string>, std::vector<std::string>, std::vector<PortTuple>, bool>;
// ST: (sssa(ss)asa{ss}asa(ss))
using ServiceTuple = sdbus::Struct<std::string, std::string, std::string, std::vector<PortTuple>,
                                   std::vector<std::string>, std::map<std::string, std::string>,
                                   std::vector<std::string>, std::vector<PortTuple>>;
// (sssas)
using IcmpTypeTuple =
    sdbus::Struct<std::string, std::string, std::string, std::vector<std::string>>;

Dict zone_dict(const core::ZoneSettings& zone);
ZoneTuple zone_tuple(const core::ZoneSettings& zone);
Dict service_dict(const model::Service& service);
ServiceTuple service_tuple(const model::Service& service);
IcmpTypeTuple icmptype_tuple(const model::IcmpType& icmptype);

std::vector<PortTuple> port_tuples(const std::vector<std::pair<std::string, std::string>>& ports);
std::vector<ForwardPortTuple> forward_port_tuples(const core::ZoneSettings& zone);

}  // namespace fwctl::bus
