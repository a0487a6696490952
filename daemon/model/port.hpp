#pragma once
// Ports and port ranges as firewalld 1.3.3 reads them (functions.getPortRange).
//
// firewalld is more liberal than "1-65535, a-b with a<=b": it accepts port 0, reverses a
// descending range ("10-5" is 5-10), ignores a trailing dash ("80-"), reads numbers with
// Python's int() (" 80", "+80", "8_0") and resolves service names from /etc/services ("http",
// "ftp-data-ssh" is 20-22). fwctl accepts exactly the same strings.

#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "model/service_names.hpp"

namespace fwctl::model {

// An inclusive range; first == last for a single port. first <= last always.
struct PortRange {
  int first = 0;
  int last = 0;
  bool operator==(const PortRange&) const = default;
};

// Resolves a service name to its port; lookup_service_port() unless a test swaps it.
using PortNameLookup = std::optional<int> (*)(std::string_view name);

// The range `port` names. Fails with INVALID_PORT and firewalld's detail:
//   "port number in '65536' is too big"  (a single number above 65535)
//   "'abc' is invalid port range"        (anything unreadable, "", "-1", "1-65536")
//   "port range 'a-b-c' is ambiguous"    (two ways to split a name range)
Result<PortRange> parse_port_range(std::string_view port,
                                   PortNameLookup lookup = lookup_service_port);

// parse_port_range() without the value, and stricter: what firewalld's int() reads only by
// accident (blanks, '+', '_', a leading or trailing '-') is "'X' is invalid port range" here,
// where firewalld accepts it (docs/differences.md). parse_port_range() still reads such values,
// for the compiler's sake, but no check lets one into a configuration.
Status check_port(std::string_view port);

// tcp, udp, sctp or dccp, the protocols a <port> may have. INVALID_PROTOCOL
// "'icmp' not from {'tcp'|'udp'|'sctp'|'dccp'}".
Status check_port_protocol(std::string_view protocol);

}  // namespace fwctl::model
