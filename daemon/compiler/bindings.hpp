#pragma once
// The runtime state the compiler needs besides the configuration: which interfaces and sources
// are bound to which zone, and the default zone.

#include <map>
#include <string>
#include <vector>

#include "model/config.hpp"

namespace fwctl::compiler {

struct RuntimeBindings {
  std::string default_zone = "public";
  // zone name -> interfaces in the order they were bound (oldest first). A trailing "+" is a
  // wildcard, as in firewalld.
  std::map<std::string, std::vector<std::string>> interfaces;
  // zone name -> sources in the order they were bound: "10.0.0.0/8", "fe80::/64",
  // "00:11:22:33:44:55" or "ipset:NAME".
  std::map<std::string, std::vector<std::string>> sources;
  // Every bound interface across zones, the oldest binding first. firewalld inserts a new
  // interface's dispatch rule at the top of the _ZONES chains, so the newest binding is matched
  // first whatever its zone. An interface missing here counts as newer than all listed, in the
  // order of `interfaces`.
  std::vector<std::string> interface_order;
  // Real policies changed at runtime: policy name -> its element keys in the order firewalld
  // applied them (policy_order.hpp). A policy not listed is in its reload order.
  std::map<std::string, std::vector<std::string>> policy_order;
  bool operator==(const RuntimeBindings&) const = default;
};

// What firewalld binds at start-up: the <interface/> and <source/> elements of every zone and
// firewalld.conf's DefaultZone.
RuntimeBindings bindings_from_config(const model::Config& config);

// Brings next.interface_order up to date after a change from `prev`: an interface unbound or
// moved to another zone leaves it, one newly bound (or moved: firewalld removes, then adds)
// joins at the end.
void order_interfaces(const RuntimeBindings& prev, RuntimeBindings& next);

// Each bound interface's age rank, 0 for the oldest binding (see interface_order).
std::map<std::string, size_t> interface_ranks(const RuntimeBindings& bindings);

}  // namespace fwctl::compiler
