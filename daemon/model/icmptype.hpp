#pragma once
// An ICMP type (firewalld.icmptype(5)).

#include <string>
#include <vector>

#include "model/values.hpp"

namespace fwctl::model {

struct IcmpType {
  ItemInfo info;
  std::vector<std::string> destinations;  // "ipv4" and/or "ipv6"; empty means both
  bool operator==(const IcmpType&) const = default;
};

}  // namespace fwctl::model
