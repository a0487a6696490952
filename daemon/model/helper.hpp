#pragma once
// A conntrack helper (firewalld.helper(5)).

#include <string>
#include <vector>

#include "model/values.hpp"

namespace fwctl::model {

struct Helper {
  ItemInfo info;
  std::string family;  // "", "ipv4" or "ipv6"
  std::string module;  // nf_conntrack_*
  std::vector<PortProto> ports;
  bool operator==(const Helper&) const = default;
};

}  // namespace fwctl::model
