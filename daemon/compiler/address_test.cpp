#include "compiler/address.hpp"

#include <gtest/gtest.h>

namespace fwctl::compiler {
namespace {

TEST(CompilerAddress, HostBitsAreClearedAsNftShowsThem) {
  auto a = parse_address("1.2.3.4/8");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->family, "ip");
  EXPECT_EQ(a->value.text, "1.0.0.0/8");
  EXPECT_EQ(parse_address("fe80::1/64")->value.text, "fe80::/64");
}

TEST(CompilerAddress, FullLengthPrefixIsAPlainAddress) {
  EXPECT_EQ(parse_address("10.0.0.1/32")->value.text, "10.0.0.1");
  EXPECT_EQ(parse_address("2001:DB8:0:0::1")->value.text, "2001:db8::1");
}

TEST(CompilerAddress, MacIsLowerCasedEther) {
  auto a = parse_address("00:11:22:AA:BB:CC");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->family, "ether");
  EXPECT_EQ(a->value.text, "00:11:22:aa:bb:cc");
}

// rhbz1779835.at:22: --add-source='[::1234]' is the address ::1234.
TEST(CompilerAddress, BracketedIpv6IsThePlainAddress) {
  auto a = parse_address("[::1234]");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->family, "ip6");
  EXPECT_EQ(a->value.text, "::1234");
  a = parse_address("[1234::]/64");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->value.text, "1234::/64");
  EXPECT_FALSE(parse_address("[10.0.0.1]"));
}

TEST(CompilerAddress, GarbageIsRejected) {
  EXPECT_FALSE(parse_address("10.0.0.0/33"));
  EXPECT_FALSE(parse_address("nope"));
}

// firewalld 1.3.3 (fw-sandbox): --add-source=10.10.1.0/255.255.0.0 puts "ip saddr 10.10.0.0/16"
// in the ruleset; a rich rule's 10.30.1.1/255.255.255.0 becomes 10.30.1.0/24.
TEST(CompilerAddress, DottedMasksAreReadLikePythonsIpaddress) {
  EXPECT_EQ(parse_address("10.10.1.0/255.255.0.0")->value.text, "10.10.0.0/16");
  EXPECT_EQ(parse_address("10.30.1.1/255.255.255.0")->value.text, "10.30.1.0/24");
  EXPECT_EQ(parse_address("10.30.1.1/255.255.255.255")->value.text, "10.30.1.1");
  EXPECT_EQ(parse_address("10.30.1.1/0.0.0.0")->value.text, "0.0.0.0/0");
  EXPECT_EQ(parse_address("10.30.1.1/0.0.255.255")->value.text, "10.30.0.0/16");  // hostmask
  EXPECT_FALSE(netmask_error("10.10.1.0/255.255.0.0"));
  EXPECT_FALSE(netmask_error("10.10.1.0/16"));
}

TEST(CompilerAddress, ANonContiguousMaskIsPythonsError) {
  EXPECT_FALSE(parse_address("10.20.0.0/255.0.255.0"));
  EXPECT_EQ(netmask_error("10.20.0.0/255.0.255.0"), "'255.0.255.0' is not a valid netmask");
  EXPECT_FALSE(netmask_error("nope/255.0.255.0"));
  EXPECT_FALSE(parse_address("::1/255.255.0.0"));
}

}  // namespace
}  // namespace fwctl::compiler
