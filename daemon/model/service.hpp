#pragma once
// A service (firewalld.service(5)).

#include <string>
#include <vector>

#include "model/values.hpp"

namespace fwctl::model {

struct Service {
  ItemInfo info;
  std::vector<PortProto> ports;
  std::vector<std::string> protocols;
  std::vector<PortProto> source_ports;
  std::vector<std::string>
      modules;  // <module name="…"/>, shortened on read as firewalld does ("ftp")
  std::string destination_ipv4;  // <destination ipv4="…" ipv6="…"/>; empty when absent
  std::string destination_ipv6;
  std::vector<std::string> includes;
  std::vector<std::string> helpers;  // <helper name="…"/>
  bool operator==(const Service&) const = default;
};

}  // namespace fwctl::model
