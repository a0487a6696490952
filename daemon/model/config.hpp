#pragma once
// The whole configuration: every item of every kind, and firewalld.conf.

#include <map>
#include <string>

#include "model/firewalld_conf.hpp"
#include "model/helper.hpp"
#include "model/icmptype.hpp"
#include "model/ipset.hpp"
#include "model/policy.hpp"
#include "model/service.hpp"
#include "model/zone.hpp"

namespace fwctl::model {

// Where an item came from: firewalld's "builtin" (only in the default tree) and "default"
// (unchanged from the default tree) flags derive from this.
enum class Origin { Default, System, SystemOverridesDefault };

template <typename T>
struct Item {
  T value;
  Origin origin = Origin::Default;
  std::string path;  // file it was loaded from
};

struct Config {
  FirewalldConf conf;
  std::map<std::string, Item<Zone>> zones;
  std::map<std::string, Item<Service>> services;
  std::map<std::string, Item<Policy>> policies;
  std::map<std::string, Item<IpSet>> ipsets;
  std::map<std::string, Item<IcmpType>> icmptypes;
  std::map<std::string, Item<Helper>> helpers;
};

}  // namespace fwctl::model
