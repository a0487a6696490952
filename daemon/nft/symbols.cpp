#include "nft/symbols.hpp"

#include <netdb.h>

#include <span>
#include <string>

namespace fwctl::nft {
namespace {

struct Symbol {
  std::string_view name;
  uint64_t value;
};

constexpr Symbol kCtState[] = {
    {"invalid", 1}, {"established", 2}, {"related", 4}, {"new", 8}, {"untracked", 64}};

constexpr Symbol kCtStatus[] = {{"expected", 1},  {"seen-reply", 2}, {"assured", 4},
                                {"confirmed", 8}, {"snat", 16},      {"dnat", 32},
                                {"dying", 512}};

constexpr Symbol kIcmpType[] = {{"echo-reply", 0},           {"destination-unreachable", 3},
                                {"source-quench", 4},        {"redirect", 5},
                                {"echo-request", 8},         {"router-advertisement", 9},
                                {"router-solicitation", 10}, {"time-exceeded", 11},
                                {"parameter-problem", 12},   {"timestamp-request", 13},
                                {"timestamp-reply", 14},     {"info-request", 15},
                                {"info-reply", 16},          {"address-mask-request", 17},
                                {"address-mask-reply", 18}};

constexpr Symbol kIcmpv6Type[] = {
    {"destination-unreachable", 1},  {"packet-too-big", 2},         {"time-exceeded", 3},
    {"parameter-problem", 4},        {"echo-request", 128},         {"echo-reply", 129},
    {"mld-listener-query", 130},     {"mld-listener-report", 131},  {"mld-listener-done", 132},
    {"mld-listener-reduction", 132}, {"nd-router-solicit", 133},    {"nd-router-advert", 134},
    {"nd-neighbor-solicit", 135},    {"nd-neighbor-advert", 136},   {"nd-redirect", 137},
    {"router-renumbering", 138},     {"ind-neighbor-solicit", 141}, {"ind-neighbor-advert", 142},
    {"mld2-listener-report", 143}};

// The usual /etc/protocols names, so that encoding does not depend on the file.
constexpr Symbol kInetProto[] = {
    {"icmp", 1}, {"igmp", 2}, {"tcp", 6},        {"udp", 17},    {"dccp", 33},  {"gre", 47},
    {"esp", 50}, {"ah", 51},  {"ipv6-icmp", 58}, {"icmpv6", 58}, {"sctp", 132}, {"udplite", 136}};

constexpr Symbol kNfProto[] = {{"ipv4", 2}, {"ipv6", 10}};

constexpr Symbol kPktType[] = {
    {"host", 0}, {"unicast", 0}, {"broadcast", 1}, {"multicast", 2}, {"other", 3}};

constexpr Symbol kTcpFlag[] = {{"fin", 1},  {"syn", 2},  {"rst", 4},  {"psh", 8},
                               {"ack", 16}, {"urg", 32}, {"ecn", 64}, {"cwr", 128}};

constexpr Symbol kFibAddrType[] = {{"unspec", 0},    {"unicast", 1},     {"local", 2},
                                   {"broadcast", 3}, {"anycast", 4},     {"multicast", 5},
                                   {"blackhole", 6}, {"unreachable", 7}, {"prohibit", 8}};

constexpr Symbol kBoolean[] = {{"missing", 0}, {"exists", 1}, {"false", 0}, {"true", 1}};

constexpr Symbol kArpHrd[] = {{"ether", 1}, {"ppp", 512}, {"loopback", 772}};

std::span<const Symbol> table_of(Symbols table) {
  switch (table) {
    case Symbols::CtState:
      return kCtState;
    case Symbols::CtStatus:
      return kCtStatus;
    case Symbols::IcmpType:
      return kIcmpType;
    case Symbols::Icmpv6Type:
      return kIcmpv6Type;
    case Symbols::InetProto:
      return kInetProto;
    case Symbols::NfProto:
      return kNfProto;
    case Symbols::PktType:
      return kPktType;
    case Symbols::TcpFlag:
      return kTcpFlag;
    case Symbols::FibAddrType:
      return kFibAddrType;
    case Symbols::Boolean:
      return kBoolean;
    case Symbols::ArpHrd:
      return kArpHrd;
    case Symbols::None:
      break;
  }
  return {};
}

// Protocols beyond the built-in list come from /etc/protocols, as nft does.
std::optional<uint64_t> system_protocol(std::string_view name) {
  protoent entry{};
  protoent* result = nullptr;
  char buf[1024];
  std::string key(name);
  if (getprotobyname_r(key.c_str(), &entry, buf, sizeof(buf), &result) != 0 || !result) {
    return std::nullopt;
  }
  return static_cast<uint64_t>(result->p_proto);
}

}  // namespace

std::optional<uint64_t> symbol_value(Symbols table, std::string_view name) {
  for (const auto& symbol : table_of(table)) {
    if (symbol.name == name) return symbol.value;
  }
  if (table == Symbols::InetProto) return system_protocol(name);
  return std::nullopt;
}

}  // namespace fwctl::nft
