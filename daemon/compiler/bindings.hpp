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
  bool operator==(const RuntimeBindings&) const = default;
};

// What firewalld binds at start-up: the <interface/> and <source/> elements of every zone and
// firewalld.conf's DefaultZone.
RuntimeBindings bindings_from_config(const model::Config& config);

}  // namespace fwctl::compiler
