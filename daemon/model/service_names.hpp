#pragma once
// Port numbers of named services, as firewalld resolves them.
//
// firewalld accepts a service name wherever a port is expected ("http", "ssh-http") because it
// calls getservbyname(name) without a protocol. fwctl embeds the names of Debian 12's netbase
// /etc/services instead of reading the file, so validation is the same on every host.

#include <optional>
#include <string_view>

namespace fwctl::model {

// The port of service `name` (a name or an alias, case-sensitive), or nullopt. When a name
// appears more than once the first line of /etc/services wins, as in getservbyname().
std::optional<int> lookup_service_port(std::string_view name);

}  // namespace fwctl::model
