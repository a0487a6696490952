#pragma once
// A policy (firewalld.policy(5)).

#include <string>
#include <vector>

#include "model/rich_rule.hpp"
#include "model/values.hpp"

namespace fwctl::model {

struct Policy {
  ItemInfo info;
  std::string target = "CONTINUE";         // CONTINUE, ACCEPT, DROP, REJECT
  int priority = -1;                       // firewalld's default; must not be 0
  std::vector<std::string> ingress_zones;  // zone names, HOST or ANY
  std::vector<std::string> egress_zones;
  std::vector<std::string> services;
  std::vector<PortProto> ports;
  std::vector<std::string> protocols;
  std::vector<std::string> icmp_blocks;
  bool masquerade = false;
  std::vector<ForwardPort> forward_ports;
  std::vector<PortProto> source_ports;
  std::vector<RichRule> rules;
  bool disable = false;  // firewalld 2.4 <disable/>: the policy compiles to nothing
  bool operator==(const Policy&) const = default;
};

}  // namespace fwctl::model
