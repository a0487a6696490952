#include "nft/table_id.hpp"

#include <linux/netfilter.h>

namespace fwctl::nft {
namespace {

struct Family {
  const char* name;
  uint16_t number;
};

constexpr Family kFamilies[] = {{"inet", NFPROTO_INET},     {"ip", NFPROTO_IPV4},
                                {"ip6", NFPROTO_IPV6},      {"arp", NFPROTO_ARP},
                                {"bridge", NFPROTO_BRIDGE}, {"netdev", NFPROTO_NETDEV}};

}  // namespace

std::optional<uint16_t> family_number(const std::string& family) {
  for (const auto& f : kFamilies) {
    if (family == f.name) return f.number;
  }
  return std::nullopt;
}

std::string family_name(uint16_t number) {
  for (const auto& f : kFamilies) {
    if (number == f.number) return f.name;
  }
  return "unknown";
}

}  // namespace fwctl::nft
