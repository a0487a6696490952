#pragma once
// A zone (firewalld.zone(5)).

#include <string>
#include <vector>

#include "model/rich_rule.hpp"
#include "model/values.hpp"

namespace fwctl::model {

// <source address="…"/>, <source mac="…"/> or <source ipset="…"/>: exactly one is set.
struct ZoneSource {
  std::string address;
  std::string mac;
  std::string ipset;
  bool operator==(const ZoneSource&) const = default;
  // "10.0.0.0/8", "00:11:22:33:44:55" or "ipset:NAME", as firewalld lists sources.
  std::string to_string() const {
    return !ipset.empty() ? "ipset:" + ipset : !mac.empty() ? mac : address;
  }
};

struct Zone {
  ItemInfo info;
  std::string target = "default";  // default, ACCEPT, DROP or %%REJECT%% (firewall-cmd maps REJECT)
  std::vector<std::string> interfaces;
  std::vector<ZoneSource> sources;
  std::vector<std::string> services;
  std::vector<PortProto> ports;
  std::vector<std::string> protocols;
  std::vector<std::string> icmp_blocks;
  bool icmp_block_inversion = false;
  bool masquerade = false;
  bool forward = false;  // <forward/> present
  std::vector<ForwardPort> forward_ports;
  std::vector<PortProto> source_ports;
  std::vector<RichRule> rules;
  // firewalld 2.0: the order in which traffic is classified into zones, lower first. 0 (the
  // default) is never written, so 1.3.3 files and settings are unchanged.
  int ingress_priority = 0;
  int egress_priority = 0;
  bool operator==(const Zone&) const = default;
};

}  // namespace fwctl::model
