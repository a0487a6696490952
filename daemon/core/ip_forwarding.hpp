#pragma once
// firewalld turns on the kernel's IP forwarding (functions.enable_ip_forwarding) as it enables a
// masquerade (IPv4) or a forward port to another address (the family of that address), plain or
// in a rich rule (each family of the rule). It does so for what it applies: the zones in use
// (an interface or source bound, or the default zone) and the policies.

#include <set>
#include <string>

#include "compiler/bindings.hpp"
#include "model/config.hpp"

namespace fwctl::core {

// One line per item that wants forwarding, prefixed by its family ("ipv4 zone public
// masquerade"): a family whose set gains a line after a change gets its forwarding turned on.
std::set<std::string> forwarding_needs(const model::Config& config,
                                       const compiler::RuntimeBindings& bindings);

// The families ("ipv4", "ipv6") with a line in `after` that is not in `before`.
std::set<std::string> families_to_enable(const std::set<std::string>& before,
                                         const std::set<std::string>& after);

// The sysctl file under `sysctl_dir` (normally /proc/sys) that turns the family's forwarding on.
std::string forwarding_file(const std::string& sysctl_dir, const std::string& family);

}  // namespace fwctl::core
