#pragma once
// The text blocks of firewall-cmd's --list-all, --info-* and friends (FirewallCommand's
// print_*_info), byte for byte, from plain settings. Each returns the lines without the final
// newline; `verbose` adds the summary and description lines as -v does.

#include <map>
#include <string>
#include <vector>

#include "settings.hpp"

namespace fwctl::cli {

// --list-all / --info-zone. `default_zone` marks the zone "(default)" when it matches and is
// non-empty (only --info-zone passes it); a zone with interfaces or sources is "(active)".
std::string format_zone(const std::string& name, const ZoneSettings& s, bool verbose,
                        const std::string& default_zone = {});
// --list-all with --policy / --info-policy; "(active)" when it has ingress and egress zones.
std::string format_policy(const std::string& name, const ZoneSettings& s, bool verbose);
std::string format_service(const std::string& name, const ServiceSettings& s, bool verbose);
std::string format_icmptype(const std::string& name, const IcmpTypeSettings& s, bool verbose);
std::string format_ipset(const std::string& name, const IPSetSettings& s, bool verbose);
std::string format_helper(const std::string& name, const HelperSettings& s, bool verbose);

// --get-active-zones / --get-active-policies: each name, then a "  interfaces: a b" line for
// each of `keys` it has ('_' printed as '-'); empty when nothing is active.
using ActiveMap = std::map<std::string, std::map<std::string, std::vector<std::string>>>;
std::string format_active(const ActiveMap& active, const std::vector<std::string>& keys);

// --list-ports order: by protocol, then by the first port of the range.
std::vector<PortProto> sorted_ports(std::vector<PortProto> ports);
// "port=80:proto=tcp:toport=8080:toaddr=" for --list-forward-ports and --list-all.
std::string format_forward_port(const ForwardPort& f);
std::string join(const std::vector<std::string>& items, const std::string& sep = " ");
std::string join_ports(const std::vector<PortProto>& ports);

}  // namespace fwctl::cli
