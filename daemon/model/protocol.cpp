#include "model/protocol.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "model/python_int.hpp"

namespace fwctl::model {
namespace {

struct ProtocolName {
  std::string_view name;
  int number;
};

// Every name and alias of netbase 6.4's /etc/protocols, sorted by byte value. Numbers above 255
// (mptcp) are real entries there, so a name lookup accepts them like getprotobyname() does.
constexpr ProtocolName kProtocolNames[] = {
    {"AX.25", 93},
    {"CPHB", 73},
    {"DCCP", 33},
    {"DDP", 37},
    {"EGP", 8},
    {"EIGRP", 88},
    {"ENCAP", 98},
    {"ETHERIP", 97},
    {"Ethernet", 143},
    {"FC", 133},
    {"GGP", 3},
    {"GRE", 47},
    {"HIP", 139},
    {"HMP", 20},
    {"HOPOPT", 0},
    {"ICMP", 1},
    {"IDPR-CMTP", 38},
    {"IDRP", 45},
    {"IGMP", 2},
    {"IGP", 9},
    {"IP", 0},
    {"IP-ENCAP", 4},
    {"IPCOMP", 108},
    {"IPIP", 94},
    {"IPSEC-AH", 51},
    {"IPSEC-ESP", 50},
    {"IPv6", 41},
    {"IPv6-Frag", 44},
    {"IPv6-ICMP", 58},
    {"IPv6-NoNxt", 59},
    {"IPv6-Opts", 60},
    {"IPv6-Route", 43},
    {"ISIS", 124},
    {"ISO-TP4", 29},
    {"L2TP", 115},
    {"MPLS-in-IP", 137},
    {"MPTCP", 262},
    {"Mobility-Header", 135},
    {"OSPFIGP", 89},
    {"PIM", 103},
    {"PUP", 12},
    {"RDP", 27},
    {"ROHC", 142},
    {"RSPF", 73},
    {"RSVP", 46},
    {"SCTP", 132},
    {"SKIP", 57},
    {"ST", 5},
    {"Shim6", 140},
    {"TCP", 6},
    {"UDP", 17},
    {"UDPLite", 136},
    {"VMTP", 81},
    {"VRRP", 112},
    {"WESP", 141},
    {"XNS-IDP", 22},
    {"XTP", 36},
    {"ah", 51},
    {"ax.25", 93},
    {"dccp", 33},
    {"ddp", 37},
    {"egp", 8},
    {"eigrp", 88},
    {"encap", 98},
    {"esp", 50},
    {"etherip", 97},
    {"ethernet", 143},
    {"fc", 133},
    {"ggp", 3},
    {"gre", 47},
    {"hip", 139},
    {"hmp", 20},
    {"hopopt", 0},
    {"icmp", 1},
    {"idpr-cmtp", 38},
    {"idrp", 45},
    {"igmp", 2},
    {"igp", 9},
    {"ip", 0},
    {"ipcomp", 108},
    {"ipencap", 4},
    {"ipip", 94},
    {"ipv6", 41},
    {"ipv6-frag", 44},
    {"ipv6-icmp", 58},
    {"ipv6-nonxt", 59},
    {"ipv6-opts", 60},
    {"ipv6-route", 43},
    {"isis", 124},
    {"iso-tp4", 29},
    {"l2tp", 115},
    {"manet", 138},
    {"mobility-header", 135},
    {"mpls-in-ip", 137},
    {"mptcp", 262},
    {"ospf", 89},
    {"pim", 103},
    {"pup", 12},
    {"rdp", 27},
    {"rohc", 142},
    {"rspf", 73},
    {"rsvp", 46},
    {"sctp", 132},
    {"shim6", 140},
    {"skip", 57},
    {"st", 5},
    {"tcp", 6},
    {"udp", 17},
    {"udplite", 136},
    {"vmtp", 81},
    {"vrrp", 112},
    {"wesp", 141},
    {"xns-idp", 22},
    {"xtp", 36},
};

static_assert(std::is_sorted(std::begin(kProtocolNames), std::end(kProtocolNames),
                             [](const ProtocolName& a, const ProtocolName& b) {
                               return a.name < b.name;
                             }));

}  // namespace

std::optional<int> lookup_protocol(std::string_view name) {
  auto it = std::lower_bound(std::begin(kProtocolNames), std::end(kProtocolNames), name,
                             [](const ProtocolName& p, std::string_view n) { return p.name < n; });
  if (it == std::end(kProtocolNames) || it->name != name) return std::nullopt;
  return it->number;
}

Status check_protocol(std::string_view protocol) {
  // Like firewalld: whatever int() reads is a number and must be 0…255; only what int() rejects
  // is looked up as a name.
  if (auto number = parse_python_int(protocol, PythonIntBase::Decimal)) {
    if (*number >= 0 && *number <= 255) return ok();
    return fail(Code::INVALID_PROTOCOL, std::string(protocol));
  }
  if (lookup_protocol(protocol)) return ok();
  return fail(Code::INVALID_PROTOCOL, std::string(protocol));
}

}  // namespace fwctl::model
