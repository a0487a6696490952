// Addresses, MACs and interface names. Every expectation is what firewalld 1.3.3's functions
// (checkIP, checkIP6, checkIPnMask, checkIP6nMask, check_mac, checkInterface) return.

#include "model/address.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fwctl::model {
namespace {

TEST(Ipv4, AcceptsDottedQuadsOnly) {
  for (std::string_view s : {"1.2.3.4", "0.0.0.0", "255.255.255.255", "10.0.0.1"}) {
    EXPECT_TRUE(is_ipv4_address(s)) << s;
  }
  for (std::string_view s : {"1.2.3", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4", "256.1.1.1", "",
                             "1.2.3.4/32", "::1", "1.2.3.4.5", "0x1.2.3.4"}) {
    EXPECT_FALSE(is_ipv4_address(s)) << s;
  }
}

TEST(Ipv4, AcceptsNetworksWithPrefixOrAnyDottedMask) {
  for (std::string_view s :
       {"1.2.3.4", "10.0.0.0/8", "1.2.3.4/32", "1.2.3.4/0", "1.2.3.4/024", "1.2.3.4/+24",
        "1.2.3.4/ 24 ", "1.2.3.4/-0", "1.2.3.4/2_4", "1.2.3.4/255.255.255.0", "1.2.3.4/255.0.255.0",
        "1.2.3.4/1.2.3.4", "1.1.1.1/00000000000000000032"}) {
    EXPECT_TRUE(is_ipv4_network(s)) << s;
  }
  for (std::string_view s : {"1.2.3.4/33", "1.2.3.4/-1", "1.2.3.4/", "/24", "1.2.3.4/24/3",
                             "1.2.3.4/0x10", "1.2.3.4/1.2.3", "1.2.3.4/a", "1.2.3/24", ""}) {
    EXPECT_FALSE(is_ipv4_network(s)) << s;
  }
}

TEST(Ipv6, AcceptsAddressesWithOrWithoutBrackets) {
  for (std::string_view s :
       {"::1", "::", "FE80::A", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::ffff:1.2.3.4", "::1.2.3.4",
        "1:2:3:4:5:6:1.2.3.4", "::0123", "[::1]", "[::1", "::1]", "[[::1]]"}) {
    EXPECT_TRUE(is_ipv6_address(s)) << s;
  }
  for (std::string_view s : {"fe80::1%eth0", "1::2::3", "1:2:3:4:5:6:7:8:9", "::01234",
                             "1:2:3:4:5:6:7:1.2.3.4", "::1/64", "1.2.3.4", "", "[]"}) {
    EXPECT_FALSE(is_ipv6_address(s)) << s;
  }
}

TEST(Ipv6, AcceptsNetworksWithAPrefixUpTo128) {
  for (std::string_view s : {"::1", "::/0", "::1/64", "::1/128", "::1/0128", "::1/-0", "::1/+64",
                             "::1/ 64", "[::1]/64", "[::1]/128"}) {
    EXPECT_TRUE(is_ipv6_network(s)) << s;
  }
  for (std::string_view s :
       {"::1/129", "::1/", "/64", "::1/255.255.255.0", "[::1/64]", "::1/64/1", "1.2.3.4/24"}) {
    EXPECT_FALSE(is_ipv6_network(s)) << s;
  }
}

TEST(Ipv6, StripsEveryLeadingAndTrailingBracket) {
  EXPECT_EQ(strip_ipv6_brackets("[::1]"), "::1");
  EXPECT_EQ(strip_ipv6_brackets("[[::1]]"), "::1");
  EXPECT_EQ(strip_ipv6_brackets("]::1["), "::1");
  EXPECT_EQ(strip_ipv6_brackets("::1"), "::1");
}

TEST(Address, ChecksANetworkOfTheGivenFamily) {
  EXPECT_TRUE(check_address("ipv4", "1.2.3.4/24"));
  EXPECT_TRUE(check_address("ipv6", "::1/64"));
  const std::pair<std::string_view, std::string_view> bad[] = {
      {"ipv4", "::1"}, {"ipv6", "1.2.3.4"},    {"ipv5", "1.2.3.4"},
      {"", "1.2.3.4"}, {"ipv4", "1.2.3.4/33"},
  };
  for (auto [family, address] : bad) {
    auto status = check_address(family, address);
    ASSERT_FALSE(status) << family << " " << address;
    EXPECT_EQ(status.error().code, Code::INVALID_ADDR);
    EXPECT_EQ(status.error().detail,
              "'" + std::string(address) + "' is not valid " + std::string(family) + " address");
  }
}

TEST(Mac, AcceptsSixColonSeparatedHexPairs) {
  for (std::string_view s : {"00:11:22:33:44:55", "AA:bb:CC:dd:EE:ff", "00:00:00:00:00:00"}) {
    EXPECT_TRUE(check_mac(s)) << s;
  }
}

TEST(Mac, RefusesOtherSpellings) {
  for (std::string_view s : {"00-11-22-33-44-55", "0:11:22:33:44:55", "00:11:22:33:44:5g",
                             "00:11:22:33:44:55:66", "", "001122334455", "00:11:22:33:44:55 "}) {
    auto status = check_mac(s);
    ASSERT_FALSE(status) << s;
    EXPECT_EQ(status.error().code, Code::INVALID_MAC);
    EXPECT_EQ(status.error().detail, std::string(s));
  }
}

TEST(Interface, AcceptsUpToSixteenCharactersAndWildcards) {
  for (std::string_view s : {"eth0", "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "eth+", "+", "eth:0",
                             "eth\t0", "eth0\n", ".", "éééééééééééééééé"}) {
    EXPECT_TRUE(check_interface(s)) << s;
  }
}

TEST(Interface, RefusesEmptyLongAndForbiddenCharacters) {
  for (std::string_view s :
       {"", "aaaaaaaaaaaaaaaaa", "ééééééééééééééééé", "eth 0", "eth/0", "a/b", "eth!", "eth*"}) {
    auto status = check_interface(s);
    ASSERT_FALSE(status) << s;
    EXPECT_EQ(status.error().code, Code::INVALID_INTERFACE);
    EXPECT_EQ(status.error().detail, std::string(s));
  }
}

TEST(Characters, CountsUtf8CodePoints) {
  EXPECT_EQ(count_characters(""), 0u);
  EXPECT_EQ(count_characters("eth0"), 4u);
  EXPECT_EQ(count_characters("é"), 1u);
  EXPECT_EQ(count_characters("中文"), 2u);
}

}  // namespace
}  // namespace fwctl::model
