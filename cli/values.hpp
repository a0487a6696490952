#pragma once
// firewall-cmd's client-side checks of option values (FirewallCommand.parse_port,
// parse_forward_port, check_ipv, ...), with its error codes and texts. Each throws FwError.

#include <string>

#include "client.hpp"

namespace fwctl::cli {

// "8080/tcp" → {"8080", "tcp"}; shown as is.
Item parse_port(const std::string& value);
// "port=80:proto=tcp:toport=8080" → {"80", "tcp", "8080", ""}; a missing field is shown "None".
Item parse_forward_port(const std::string& value);
// parse_forward_port(value, compat=True), for firewall-offline-cmd's lokkit --forward-port:
// "if=..." is ignored and toaddr must be IPv4.
Item parse_forward_port_compat(const std::string& value);
// ipv4 or ipv6 (icmptype and service destinations).
Item check_destination_ipv(const std::string& value);
// "ipv4:10.0.0.1" → {"ipv4", "10.0.0.1"}.
Item parse_service_destination(const std::string& value);
// ipv4, ipv6 or eb (direct).
std::string check_ipv(const std::string& value);
// "", ipv4 or ipv6 (helper family).
std::string check_helper_family(const std::string& value);
std::string check_module(const std::string& value);
// A zone's --set-ingress-priority/--set-egress-priority (firewalld 2.0): the client's int();
// INVALID_PRIORITY when the text is no integer. Out-of-range values go on to the daemon, whose
// check names the zone.
int parse_zone_priority(const std::string& value);
// "key=value" or "key" → {key, value}.
std::pair<std::string, std::string> parse_ipset_option(const std::string& value);

}  // namespace fwctl::cli
