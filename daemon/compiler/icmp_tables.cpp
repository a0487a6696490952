// ICMP type names and reject types as firewalld 1.3.3's nftables backend maps them (facts
// about the nft vocabulary; codes are numeric because nft has no names for most of them).

#include <map>
#include <string>
#include <utility>

#include "compiler/fragments.hpp"

namespace fwctl::compiler {
namespace {

struct IcmpMatch {
  const char* type;
  int code;  // -1: no code match
};

const std::map<std::string, IcmpMatch>& ipv4_types() {
  static const std::map<std::string, IcmpMatch> kTypes = {
      {"communication-prohibited", {"destination-unreachable", 13}},
      {"destination-unreachable", {"destination-unreachable", -1}},
      {"echo-reply", {"echo-reply", -1}},
      {"echo-request", {"echo-request", -1}},
      {"fragmentation-needed", {"destination-unreachable", 4}},
      {"host-precedence-violation", {"destination-unreachable", 14}},
      {"host-prohibited", {"destination-unreachable", 10}},
      {"host-redirect", {"redirect", 1}},
      {"host-unknown", {"destination-unreachable", 7}},
      {"host-unreachable", {"destination-unreachable", 1}},
      {"ip-header-bad", {"parameter-problem", 1}},
      {"network-prohibited", {"destination-unreachable", 8}},
      {"network-redirect", {"redirect", 0}},
      {"network-unknown", {"destination-unreachable", 6}},
      {"network-unreachable", {"destination-unreachable", 0}},
      {"parameter-problem", {"parameter-problem", -1}},
      {"port-unreachable", {"destination-unreachable", 3}},
      {"precedence-cutoff", {"destination-unreachable", 15}},
      {"protocol-unreachable", {"destination-unreachable", 2}},
      {"redirect", {"redirect", -1}},
      {"required-option-missing", {"parameter-problem", 1}},
      {"router-advertisement", {"router-advertisement", -1}},
      {"router-solicitation", {"router-solicitation", -1}},
      {"source-quench", {"source-quench", -1}},
      {"source-route-failed", {"destination-unreachable", 5}},
      {"time-exceeded", {"time-exceeded", -1}},
      {"timestamp-reply", {"timestamp-reply", -1}},
      {"timestamp-request", {"timestamp-request", -1}},
      {"tos-host-redirect", {"redirect", 3}},
      {"tos-host-unreachable", {"destination-unreachable", 12}},
      {"tos-network-redirect", {"redirect", 2}},
      {"tos-network-unreachable", {"destination-unreachable", 11}},
      {"ttl-zero-during-reassembly", {"time-exceeded", 1}},
      {"ttl-zero-during-transit", {"time-exceeded", 0}},
  };
  return kTypes;
}

const std::map<std::string, IcmpMatch>& ipv6_types() {
  static const std::map<std::string, IcmpMatch> kTypes = {
      {"address-unreachable", {"destination-unreachable", 3}},
      {"bad-header", {"parameter-problem", 0}},
      {"beyond-scope", {"destination-unreachable", 2}},
      {"communication-prohibited", {"destination-unreachable", 1}},
      {"destination-unreachable", {"destination-unreachable", -1}},
      {"echo-reply", {"echo-reply", -1}},
      {"echo-request", {"echo-request", -1}},
      {"failed-policy", {"destination-unreachable", 5}},
      {"neighbour-advertisement", {"nd-neighbor-advert", -1}},
      {"neighbour-solicitation", {"nd-neighbor-solicit", -1}},
      {"no-route", {"destination-unreachable", 0}},
      {"packet-too-big", {"packet-too-big", -1}},
      {"parameter-problem", {"parameter-problem", -1}},
      {"port-unreachable", {"destination-unreachable", 4}},
      {"redirect", {"nd-redirect", -1}},
      {"reject-route", {"destination-unreachable", 6}},
      {"router-advertisement", {"nd-router-advert", -1}},
      {"router-solicitation", {"nd-router-solicit", -1}},
      {"time-exceeded", {"time-exceeded", -1}},
      {"ttl-zero-during-reassembly", {"time-exceeded", 1}},
      {"ttl-zero-during-transit", {"time-exceeded", 0}},
      {"unknown-header-type", {"parameter-problem", 1}},
      {"unknown-option", {"parameter-problem", 2}},
  };
  return kTypes;
}

}  // namespace

// icmp type destination-unreachable icmp code 13
std::vector<Statement> icmp_type_matches(const std::string& ipv, const std::string& name) {
  const auto& table = ipv == "ipv4" ? ipv4_types() : ipv6_types();
  auto it = table.find(name);
  if (it == table.end()) return {};
  std::string proto = ipv == "ipv4" ? "icmp" : "icmpv6";
  std::vector<Statement> out{payload_match(proto, "type", symbol(it->second.type))};
  if (it->second.code >= 0) {
    out.push_back(payload_match(proto, "code", integer(std::to_string(it->second.code))));
  }
  return out;
}

std::optional<Reject> reject_for_type(const std::string& type) {
  static const std::map<std::string, std::pair<const char*, const char*>> kTypes = {
      {"icmp-host-prohibited", {"icmp", "host-prohibited"}},
      {"host-prohib", {"icmp", "host-prohibited"}},
      {"icmp-net-prohibited", {"icmp", "net-prohibited"}},
      {"net-prohib", {"icmp", "net-prohibited"}},
      {"icmp-admin-prohibited", {"icmp", "admin-prohibited"}},
      {"admin-prohib", {"icmp", "admin-prohibited"}},
      {"icmp6-adm-prohibited", {"icmpv6", "admin-prohibited"}},
      {"adm-prohibited", {"icmpv6", "admin-prohibited"}},
      {"icmp-net-unreachable", {"icmp", "net-unreachable"}},
      {"net-unreach", {"icmp", "net-unreachable"}},
      {"icmp-host-unreachable", {"icmp", "host-unreachable"}},
      {"host-unreach", {"icmp", "host-unreachable"}},
      {"icmp-port-unreachable", {"icmp", "port-unreachable"}},
      {"icmp6-port-unreachable", {"icmpv6", "port-unreachable"}},
      {"port-unreach", {"icmpx", "port-unreachable"}},
      {"icmp-proto-unreachable", {"icmp", "prot-unreachable"}},
      {"proto-unreach", {"icmp", "prot-unreachable"}},
      {"icmp6-addr-unreachable", {"icmpv6", "addr-unreachable"}},
      {"addr-unreach", {"icmpv6", "addr-unreachable"}},
      {"icmp6-no-route", {"icmpv6", "no-route"}},
      {"no-route", {"icmpv6", "no-route"}},
      {"tcp-reset", {"tcp reset", ""}},
      {"tcp-rst", {"tcp reset", ""}},
  };
  auto it = kTypes.find(type);
  if (it == kTypes.end()) return std::nullopt;
  return Reject{it->second.first, it->second.second};
}

}  // namespace fwctl::compiler
