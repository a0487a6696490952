#pragma once
// Permanent item settings between the wire and the model, for /config and its item objects:
// out as firewalld's export_config(_dict) gives them, in as its import_config(_dict) takes them
// (a dict may be partial: only its keys change; lists lose duplicates, keeping the first; an
// unknown key is INVALID_OPTION "option 'x' is not valid", a value of the wrong D-Bus type
// INVALID_TYPE). Values are not checked here: core::Permanent checks the result.

#include <sdbus-c++/Types.h>

#include <map>
#include <string>
#include <vector>

#include "bus/settings_dict.hpp"
#include "common/lists.hpp"
#include "common/result.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

// (ssssa{ss}as), (sssas), (sssssa(ss))
using IpSetTuple = sdbus::Struct<std::string, std::string, std::string, std::string,
                                 std::map<std::string, std::string>, std::vector<std::string>>;
using HelperTuple = sdbus::Struct<std::string, std::string, std::string, std::string, std::string,
                                  std::vector<PortTuple>>;

Dict permanent_zone_dict(const model::Zone& zone);
ZoneTuple permanent_zone_tuple(const model::Zone& zone);
Status apply_zone_dict(model::Zone& zone, const Dict& settings);
Status apply_zone_tuple(model::Zone& zone, const ZoneTuple& settings);

Status apply_service_dict(model::Service& service, const Dict& settings);
Status apply_service_tuple(model::Service& service, const ServiceTuple& settings);

Dict policy_dict(const model::Policy& policy);
Status apply_policy_dict(model::Policy& policy, const Dict& settings);

IpSetTuple ipset_tuple(const model::IpSet& ipset);
void apply_ipset_tuple(model::IpSet& ipset, const IpSetTuple& settings);
void apply_icmptype_tuple(model::IcmpType& icmptype, const IcmpTypeTuple& settings);
HelperTuple helper_tuple(const model::Helper& helper);
void apply_helper_tuple(model::Helper& helper, const HelperTuple& settings);

std::vector<PortTuple> port_tuples(const std::vector<model::PortProto>& ports);
std::vector<model::PortProto> port_protos(const std::vector<PortTuple>& ports);
std::vector<ForwardPortTuple> forward_tuples(const std::vector<model::ForwardPort>& ports);
std::vector<model::ForwardPort> forward_ports(const std::vector<ForwardPortTuple>& ports);

// firewalld's import: duplicates dropped, first kept.
template <typename T>
std::vector<T> unique(const std::vector<T>& list) {
  return unique_in_order(list);
}

}  // namespace fwctl::bus
