#pragma once
// An ipset (firewalld.ipset(5)).

#include <string>
#include <utility>
#include <vector>

#include "model/values.hpp"

namespace fwctl::model {

struct IpSet {
  ItemInfo info;
  std::string type;  // hash:ip, hash:net, hash:mac, hash:ip,port, …
  // <option name="…" value="…"/> in file order; value empty for options without one.
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> entries;
  bool operator==(const IpSet&) const = default;
};

}  // namespace fwctl::model
