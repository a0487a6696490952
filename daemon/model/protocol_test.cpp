// Protocols as firewalld 1.3.3's checkProtocol() sees them on Debian 12 (netbase 6.4).

#include "model/protocol.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fwctl::model {
namespace {

TEST(Protocol, LooksUpNamesAndAliasesCaseSensitively) {
  const std::pair<std::string_view, int> cases[] = {
      {"tcp", 6},        {"TCP", 6},        {"ip", 0},      {"icmp", 1},
      {"ipv6-icmp", 58}, {"IPSEC-ESP", 50}, {"esp", 50},    {"ax.25", 93},
      {"manet", 138},    {"CPHB", 73},      {"mptcp", 262}, {"ethernet", 143},
  };
  for (auto [name, number] : cases) {
    EXPECT_EQ(lookup_protocol(name), number) << name;
  }
  for (std::string_view name : {"Tcp", "6", "", "icmpv6", "tcp "}) {
    EXPECT_EQ(lookup_protocol(name), std::nullopt) << name;
  }
}

TEST(Protocol, AcceptsNamesAndNumbersUpTo255) {
  for (std::string_view protocol : {"tcp", "TCP", "IPSEC-ESP", "mptcp", "ip", "ax.25", "manet", "0",
                                    "255", " 6", "6 ", "+6", "1_7", "006"}) {
    EXPECT_TRUE(check_protocol(protocol)) << protocol;
  }
}

TEST(Protocol, RefusesUnknownNamesAndNumbersOutOfRange) {
  for (std::string_view protocol :
       {"Tcp", "256", "-1", "0x6", "", "icmp ", " icmp", "icmpv6", "1__7", "foo"}) {
    auto status = check_protocol(protocol);
    ASSERT_FALSE(status) << protocol;
    EXPECT_EQ(status.error().code, Code::INVALID_PROTOCOL) << protocol;
    EXPECT_EQ(status.error().detail, std::string(protocol));
  }
}

}  // namespace
}  // namespace fwctl::model
