#include "core/capabilities.hpp"

namespace fwctl::core {

const std::vector<std::string>& ipset_types() {
  static const std::vector<std::string> kTypes = {
      "hash:ip",          "hash:ip,mark",  "hash:ip,port",     "hash:ip,port,ip",
      "hash:ip,port,net", "hash:mac",      "hash:net",         "hash:net,iface",
      "hash:net,net",     "hash:net,port", "hash:net,port,net"};
  return kTypes;
}

const std::vector<std::string>& icmp_types(const std::string& ipv) {
  static const std::vector<std::string> kIpv4 = {"communication-prohibited",
                                                 "destination-unreachable",
                                                 "echo-reply",
                                                 "echo-request",
                                                 "fragmentation-needed",
                                                 "host-precedence-violation",
                                                 "host-prohibited",
                                                 "host-redirect",
                                                 "host-unknown",
                                                 "host-unreachable",
                                                 "ip-header-bad",
                                                 "network-prohibited",
                                                 "network-redirect",
                                                 "network-unknown",
                                                 "network-unreachable",
                                                 "parameter-problem",
                                                 "port-unreachable",
                                                 "precedence-cutoff",
                                                 "protocol-unreachable",
                                                 "redirect",
                                                 "required-option-missing",
                                                 "router-advertisement",
                                                 "router-solicitation",
                                                 "source-quench",
                                                 "source-route-failed",
                                                 "time-exceeded",
                                                 "timestamp-reply",
                                                 "timestamp-request",
                                                 "tos-host-redirect",
                                                 "tos-host-unreachable",
                                                 "tos-network-redirect",
                                                 "tos-network-unreachable",
                                                 "ttl-zero-during-reassembly",
                                                 "ttl-zero-during-transit"};
  static const std::vector<std::string> kIpv6 = {"address-unreachable",
                                                 "bad-header",
                                                 "beyond-scope",
                                                 "communication-prohibited",
                                                 "destination-unreachable",
                                                 "echo-reply",
                                                 "echo-request",
                                                 "failed-policy",
                                                 "neighbour-advertisement",
                                                 "neighbour-solicitation",
                                                 "no-route",
                                                 "packet-too-big",
                                                 "parameter-problem",
                                                 "port-unreachable",
                                                 "redirect",
                                                 "reject-route",
                                                 "router-advertisement",
                                                 "router-solicitation",
                                                 "time-exceeded",
                                                 "ttl-zero-during-reassembly",
                                                 "ttl-zero-during-transit",
                                                 "unknown-header-type",
                                                 "unknown-option"};
  static const std::vector<std::string> kNone;
  return ipv == "ipv4" ? kIpv4 : ipv == "ipv6" ? kIpv6 : kNone;
}

}  // namespace fwctl::core
