// Ports as firewalld 1.3.3 reads them. Every expectation was taken from running firewalld's
// functions.getPortRange and io_object.check_port on the same input.

#include "model/port.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fwctl::model {
namespace {

struct GoodPort {
  std::string_view input;
  PortRange range;
};

struct BadPort {
  std::string_view input;
  std::string detail;
};

TEST(PortRange, ReadsNumbersRangesAndServiceNamesAsFirewalldDoes) {
  const GoodPort cases[] = {
      {"1", {1, 1}},
      {"65535", {65535, 65535}},
      {"0", {0, 0}},
      {"00080", {80, 80}},
      {" 80", {80, 80}},
      {"80 ", {80, 80}},
      {"\t80\n", {80, 80}},
      {"+5", {5, 5}},
      {"8_0", {80, 80}},
      {"-0", {0, 0}},
      {"8080-8090", {8080, 8090}},
      {"10-5", {5, 10}},
      {"5-5", {5, 5}},
      {"1-0", {0, 1}},
      {"0-65535", {0, 65535}},
      {"80-", {80, 80}},
      {"1 - 2", {1, 2}},
      {"80 -90", {80, 90}},
      {"http", {80, 80}},
      {"http-https", {80, 443}},
      {"ssh-http", {22, 80}},
      {"ftp-data", {20, 20}},
      {"ftp-data-ssh", {20, 22}},
      {"1-http", {1, 80}},
      {"https-1", {1, 443}},
      {"http-http", {80, 80}},
      {"ssh-", {22, 22}},
      {"x11-1", {6001, 6001}},
      {"kerberos", {88, 88}},
  };
  for (const GoodPort& c : cases) {
    auto range = parse_port_range(c.input);
    ASSERT_TRUE(range) << c.input << ": " << range.error().detail;
    EXPECT_EQ(*range, c.range) << c.input;
  }
}

// firewalld's int() reads these; fwctld's checks refuse them (docs/differences.md).
TEST(PortRange, CheckRefusesWhatFirewalldReadsOnlyByAccident) {
  for (std::string_view port :
       {" 80", "80 ", "\t80\n", "80\n", "+5", "8_0", "-0", "80-", "1 - 2", "80 -90", "ssh-"}) {
    EXPECT_TRUE(parse_port_range(port)) << port;
    auto status = check_port(port);
    ASSERT_FALSE(status) << port;
    EXPECT_EQ(status.error().code, Code::INVALID_PORT);
    EXPECT_EQ(status.error().detail, "'" + std::string(port) + "' is invalid port range");
  }
  for (std::string_view port : {"1", "65535", "0", "00080", "8080-8090", "10-5", "http-https",
                                "ftp-data", "ftp-data-ssh", "1-http", "x11-1"}) {
    EXPECT_TRUE(check_port(port)) << port;
  }
}

TEST(PortRange, RefusesWithFirewalldsCodeAndDetail) {
  const BadPort cases[] = {
      {"65536", "port number in '65536' is too big"},
      {"99999999999999999999", "port number in '99999999999999999999' is too big"},
      {"", "'' is invalid port range"},
      {"-1", "'-1' is invalid port range"},
      {"-80", "'-80' is invalid port range"},
      {"1-65536", "'1-65536' is invalid port range"},
      {"65536-", "'65536-' is invalid port range"},
      {"65536-1", "'65536-1' is invalid port range"},
      {"-5-10", "'-5-10' is invalid port range"},
      {"80-90-100", "'80-90-100' is invalid port range"},
      {"80--90", "'80--90' is invalid port range"},
      {"abc", "'abc' is invalid port range"},
      {"HTTP", "'HTTP' is invalid port range"},
      {"-ssh", "'-ssh' is invalid port range"},
      {"1.5", "'1.5' is invalid port range"},
      {"0x50", "'0x50' is invalid port range"},
      {"1_", "'1_' is invalid port range"},
      {"_1", "'_1' is invalid port range"},
  };
  for (const BadPort& c : cases) {
    auto status = check_port(c.input);
    ASSERT_FALSE(status) << c.input;
    EXPECT_EQ(status.error().code, Code::INVALID_PORT) << c.input;
    EXPECT_EQ(status.error().detail, c.detail) << c.input;
  }
}

// netbase has no name pair that makes a range ambiguous, so the lookup is swapped for a test
// table where "a-b-c" splits both as "a-b" + "c" and as "a" + "b-c".
std::optional<int> ambiguous_names(std::string_view name) {
  if (name == "a") return 1;
  if (name == "a-b") return 3;
  if (name == "b-c") return 4;
  if (name == "c") return 5;
  return std::nullopt;
}

TEST(PortRange, RefusesARangeThatSplitsTwoWays) {
  auto range = parse_port_range("a-b-c", ambiguous_names);
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().code, Code::INVALID_PORT);
  EXPECT_EQ(range.error().detail, "port range 'a-b-c' is ambiguous");
}

TEST(PortRange, StopsAtAWholeNameEvenWhenItsPartsAlsoResolve) {
  // "a-b" is a name of its own; firewalld takes it and never tries "a" + "b".
  auto range = parse_port_range("a-b", [](std::string_view name) -> std::optional<int> {
    if (name == "a") return 1;
    if (name == "b") return 2;
    if (name == "a-b") return 7;
    return std::nullopt;
  });
  ASSERT_TRUE(range);
  EXPECT_EQ(*range, (PortRange{7, 7}));
}

TEST(PortProtocol, AcceptsTheFourPortProtocols) {
  for (std::string_view protocol : {"tcp", "udp", "sctp", "dccp"}) {
    EXPECT_TRUE(check_port_protocol(protocol)) << protocol;
  }
}

TEST(PortProtocol, RefusesOtherProtocolsWithFirewalldsDetail) {
  for (std::string_view protocol : {"icmp", "TCP", "", "udplite", "6"}) {
    auto status = check_port_protocol(protocol);
    ASSERT_FALSE(status) << protocol;
    EXPECT_EQ(status.error().code, Code::INVALID_PROTOCOL);
    EXPECT_EQ(status.error().detail,
              "'" + std::string(protocol) + "' not from {'tcp'|'udp'|'sctp'|'dccp'}");
  }
}

}  // namespace
}  // namespace fwctl::model
