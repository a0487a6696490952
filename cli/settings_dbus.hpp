#pragma once
// Settings between their wire shapes (dbus-api.md section 3) and the plain values of
// settings.hpp: decoding what the daemon sends, encoding what firewall-cmd sends back (the full
// dict of FirewallClient*Settings.getSettingsDbusDict(), so that an update changes only what the
// command changed).

#include <sdbus-c++/Types.h>

#include <map>
#include <string>

#include "settings.hpp"

namespace fwctl::cli {

using Dict = std::map<std::string, sdbus::Variant>;
using PortTuple = sdbus::Struct<std::string, std::string>;
using ForwardPortTuple = sdbus::Struct<std::string, std::string, std::string, std::string>;
using IPSetTuple = sdbus::Struct<std::string, std::string, std::string, std::string,
                                 std::map<std::string, std::string>, std::vector<std::string>>;
using IcmpTypeTuple =
    sdbus::Struct<std::string, std::string, std::string, std::vector<std::string>>;
using HelperTuple = sdbus::Struct<std::string, std::string, std::string, std::string, std::string,
                                  std::vector<PortTuple>>;

ZoneSettings decode_zone(const Dict& d);
ZoneSettings decode_policy(const Dict& d);
ServiceSettings decode_service(const Dict& d);
IcmpTypeSettings decode_icmptype(const IcmpTypeTuple& t);
IPSetSettings decode_ipset(const IPSetTuple& t);
HelperSettings decode_helper(const HelperTuple& t);

Dict encode_zone(const ZoneSettings& s);
// `runtime`: without version, short, description and target (setPolicySettings).
Dict encode_policy(const ZoneSettings& s, bool runtime);
Dict encode_service(const ServiceSettings& s);
IcmpTypeTuple encode_icmptype(const IcmpTypeSettings& s);
IPSetTuple encode_ipset(const IPSetSettings& s);
HelperTuple encode_helper(const HelperSettings& s);

std::vector<PortProto> port_pairs(const std::vector<PortTuple>& tuples);
std::vector<PortTuple> port_tuples(const std::vector<PortProto>& ports);

}  // namespace fwctl::cli
