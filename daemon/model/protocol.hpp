#pragma once
// IP protocols named by name or number, as firewalld accepts them (<protocol value="…"/>).
//
// firewalld checks a name with getprotobyname(), which reads /etc/protocols. fwctl embeds the
// names of Debian 12's netbase /etc/protocols so that validation does not depend on the host.

#include <optional>
#include <string_view>

#include "common/result.hpp"

namespace fwctl::model {

// The number of protocol `name` (a name or an alias, case-sensitive: "tcp", "TCP", "IPSEC-ESP"),
// or nullopt. Numbers are not names: lookup_protocol("6") is nullopt.
std::optional<int> lookup_protocol(std::string_view name);

// A protocol name, or a number 0…255 written as Python's int() reads it (" 6", "+6", "1_7").
// Fails with INVALID_PROTOCOL and the protocol as detail.
Status check_protocol(std::string_view protocol);

}  // namespace fwctl::model
