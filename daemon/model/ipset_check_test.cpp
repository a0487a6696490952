// ipset types, options and entries. The entry table is what firewalld 1.3.3's
// IPSet.check_entry() says about the same entries; the option rules are its XML reader's.

#include "model/ipset_check.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fwctl::model {
namespace {

IpSet make_set(std::string_view type, std::string_view family) {
  IpSet set;
  set.info.name = "test";
  set.type = type;
  if (!family.empty()) set.options.emplace_back("family", family);
  return set;
}

struct GoodEntry {
  std::string_view type;
  std::string_view family;  // value of the family option, "" for none
  std::string_view entry;
};

struct BadEntry {
  std::string_view type;
  std::string_view family;
  std::string_view entry;
  Code code;
  std::string_view detail;
};

TEST(IpSetEntry, AcceptsWhatFirewalldAccepts) {
  const GoodEntry cases[] = {
      {"hash:ip", "inet", "1.2.3.4"},
      {"hash:ip", "inet", "1.2.3.0/24"},
      {"hash:ip", "inet", "1.2.3.4-1.2.3.10"},
      {"hash:ip", "inet6", "::1"},
      {"hash:ip", "inet6", "[::1]"},
      {"hash:ip,port", "inet", "1.2.3.4,80"},
      {"hash:ip,port", "inet", "1.2.3.4,tcp:80"},
      {"hash:ip,port", "inet", "1.2.3.4,udp:1-5"},
      {"hash:ip,port", "inet", "1.2.3.4,sctp:http"},
      {"hash:ip,port", "inet", "1.2.3.4,udplite:80"},
      {"hash:ip,port", "inet", "1.2.3.4,gre:0"},
      {"hash:ip,port", "inet", "1.2.3.4,47:0"},
      {"hash:ip,port", "inet", "1.2.3.4,icmp:ping"},
      {"hash:ip,port", "inet", "1.2.3.4,icmp:8/0"},
      {"hash:ip,port", "inet", "1.2.3.4-1.2.3.5,80"},
      {"hash:ip,port", "inet", "1.2.3.0/24,80"},
      {"hash:ip,port", "inet6", "::1,80"},
      {"hash:ip,port", "inet6", "::1,icmpv6:ping"},
      {"hash:ip,port", "inet6", "::1,icmpv6:network-unreachable"},
      {"hash:ip,port", "inet6", "::1,ipv6-icmp:128/0"},
      {"hash:ip,port,ip", "inet", "1.2.3.4,80,1.2.3.5"},
      {"hash:ip,port,net", "inet", "1.2.3.4,80,1.2.3.0/24"},
      {"hash:ip,port,net", "inet", "1.2.3.4,80,1.2.3.1-1.2.3.0/24"},
      {"hash:ip,mark", "inet", "1.2.3.4,1"},
      {"hash:ip,mark", "inet", "1.2.3.4,0x10"},
      {"hash:ip,mark", "inet", "1.2.3.4,0xffffffff"},
      {"hash:ip,mark", "inet", "1.2.3.4,4294967295"},
      {"hash:ip,mark", "inet", "1.2.3.4, 7"},
      {"hash:ip,mark", "inet", "1.2.3.4,1_0"},
      {"hash:net", "inet", "10.0.0.0/8"},
      {"hash:net", "inet", "10.0.0.1-10.0.0.9"},
      {"hash:net", "inet", "10.0.0.1-10.0.0.0/24"},
      {"hash:net", "inet", "10.0.0.0/255.0.0.0"},
      {"hash:net", "inet6", "::/64"},
      {"hash:net", "inet6", "::1-::2"},
      {"hash:net", "inet6", "::1-::/64"},
      {"hash:net,iface", "inet", "10.0.0.0/8,eth0"},
      {"hash:net,iface", "inet", "10.0.0.0/8,aaaaaaaaaaaaaaa"},
      {"hash:net,iface", "inet", "10.0.0.0/8,eth+"},
      {"hash:net,iface", "inet6", "::/0,eth0"},
      {"hash:net,iface", "inet6", "::/64,eth0"},
      {"hash:net,net", "inet", "10.0.0.0/8,10.1.0.0/16"},
      {"hash:net,port", "inet", "10.0.0.0/8,tcp:22"},
      {"hash:net,port", "inet", "10.0.0.0/8,22-30"},
      {"hash:net,port,net", "inet", "10.0.0.0/8,tcp:22,10.1.0.0/16"},
      {"hash:mac", "", "00:11:22:33:44:55"},
      {"hash:mac", "", "AA:BB:CC:DD:EE:FF"},
  };
  for (const GoodEntry& c : cases) {
    auto status = check_ipset_entry(make_set(c.type, c.family), c.entry);
    EXPECT_TRUE(status) << c.type << " " << c.family << " '" << c.entry
                        << "': " << (status ? "" : status.error().detail);
  }
}

TEST(IpSetEntry, RefusesWithFirewalldsCodeAndDetail) {
  const BadEntry cases[] = {
      {"hash:ip", "inet", "0.0.0.0", Code::INVALID_ENTRY,
       "invalid address '0.0.0.0' in '0.0.0.0' for hash:ip (ipv4)"},
      {"hash:ip", "inet", "1.2.3", Code::INVALID_ENTRY,
       "invalid address '1.2.3' in '1.2.3' for hash:ip (ipv4)"},
      {"hash:ip", "inet", "1.2.3.4-1.2.3", Code::INVALID_ENTRY,
       "invalid address '1.2.3' in '1.2.3.4-1.2.3' for hash:ip (ipv4)"},
      {"hash:ip", "inet", "1.2.3.4-1.2.3.5-1.2.3.6", Code::INVALID_ENTRY,
       "invalid address range '1.2.3.4-1.2.3.5-1.2.3.6' in '1.2.3.4-1.2.3.5-1.2.3.6' for hash:ip "
       "(ipv4)"},
      {"hash:ip", "inet", "1.2.3.4/33", Code::INVALID_ENTRY,
       "invalid address '1.2.3.4/33' in '1.2.3.4/33' for hash:ip (ipv4)"},
      {"hash:ip", "inet", "::1", Code::INVALID_ENTRY,
       "invalid address '::1' in '::1' for hash:ip (ipv4)"},
      {"hash:ip", "inet", "1.2.3.4,80", Code::INVALID_ENTRY,
       "entry '1.2.3.4,80' does not match ipset type 'hash:ip'"},
      {"hash:ip", "inet", "", Code::INVALID_ENTRY, "invalid address '' in '' for hash:ip (ipv4)"},
      {"hash:ip", "inet6", "::1/64", Code::INVALID_ENTRY,
       "invalid address '::1/64' in '::1/64' for hash:ip (ipv6)"},
      {"hash:ip", "inet6", "::1-::2", Code::INVALID_ENTRY,
       "invalid address '::1-::2' in '::1-::2' for hash:ip (ipv6)"},
      {"hash:ip", "inet6", "1.2.3.4", Code::INVALID_ENTRY,
       "invalid address '1.2.3.4' in '1.2.3.4' for hash:ip (ipv6)"},
      {"hash:ip,port", "inet", "1.2.3.4,icmp:8/1", Code::INVALID_ENTRY,
       "invalid icmp type '8/1' in '1.2.3.4,icmp:8/1'"},
      {"hash:ip,port", "inet", "1.2.3.4,icmp:foo", Code::INVALID_ENTRY,
       "invalid icmp type 'foo' in '1.2.3.4,icmp:foo'"},
      {"hash:ip,port", "inet", "1.2.3.4,icmpv6:ping", Code::INVALID_ENTRY,
       "invalid protocol for family 'ipv4' in '1.2.3.4,icmpv6:ping'"},
      {"hash:ip,port", "inet", "1.2.3.4,foo:80", Code::INVALID_ENTRY,
       "invalid protocol 'foo' in '1.2.3.4,foo:80'"},
      {"hash:ip,port", "inet", "1.2.3.4,tcp:70000", Code::INVALID_ENTRY,
       "invalid port '70000'in '1.2.3.4,tcp:70000'"},
      {"hash:ip,port", "inet", "1.2.3.4,tcp:80:90", Code::INVALID_ENTRY,
       "invalid port 'tcp:80:90'"},
      {"hash:ip,port", "inet", "1.2.3.4,70000", Code::INVALID_ENTRY,
       "invalid port '70000' in '1.2.3.4,70000'"},
      {"hash:ip,port", "inet", "1.2.3.4,", Code::INVALID_ENTRY, "invalid port '' in '1.2.3.4,'"},
      {"hash:ip,port", "inet6", "::1,icmpv6:neighbour-solicitation", Code::INVALID_ENTRY,
       "invalid icmpv6 type 'neighbour-solicitation' in '::1,icmpv6:neighbour-solicitation'"},
      {"hash:ip,port", "inet6", "::1,icmpv6:8/0", Code::INVALID_ENTRY,
       "invalid icmpv6 type '8/0' in '::1,icmpv6:8/0'"},
      {"hash:ip,port", "inet6", "::1,icmp:ping", Code::INVALID_ENTRY,
       "invalid protocol for family 'ipv6' in '::1,icmp:ping'"},
      {"hash:ip,port", "inet6", "::1/64,80", Code::INVALID_ENTRY,
       "invalid address '::1/64' in '::1/64,80' for hash:ip,port (ipv6)"},
      {"hash:ip,port,ip", "inet", "1.2.3.4,80,1.2.3.0/24", Code::INVALID_ENTRY,
       "invalid address '1.2.3.0/24' in '1.2.3.4,80,1.2.3.0/24' for hash:ip,port,ip (ipv4)"},
      {"hash:ip,port,ip", "inet", "1.2.3.4,80,1.2.3.5-1.2.3.6", Code::INVALID_ENTRY,
       "invalid address '1.2.3.5-1.2.3.6' in '1.2.3.4,80,1.2.3.5-1.2.3.6'[2]"},
      {"hash:ip,port,ip", "inet", "1.2.3.4,80,0.0.0.0", Code::INVALID_ENTRY,
       "invalid address '0.0.0.0' in '1.2.3.4,80,0.0.0.0' for hash:ip,port,ip (ipv4)"},
      {"hash:ip,port,net", "inet", "1.2.3.4,80,0.0.0.0/0", Code::INVALID_ENTRY,
       "invalid address '0.0.0.0/0' in '1.2.3.4,80,0.0.0.0/0' for hash:ip,port,net (ipv4)"},
      {"hash:ip,port,net", "inet", "1.2.3.4,80,1.2.3.1/24-1.2.3.2", Code::INVALID_ENTRY,
       "invalid address '1.2.3.1/24' in '1.2.3.4,80,1.2.3.1/24-1.2.3.2' for hash:ip,port,net "
       "(ipv4)"},
      {"hash:ip,mark", "inet", "1.2.3.4,4294967296", Code::INVALID_ENTRY,
       "invalid mark '4294967296' in '1.2.3.4,4294967296'"},
      {"hash:ip,mark", "inet", "1.2.3.4,-1", Code::INVALID_ENTRY,
       "invalid mark '-1' in '1.2.3.4,-1'"},
      {"hash:ip,mark", "inet", "1.2.3.4,0X10", Code::INVALID_ENTRY,
       "invalid mark '0X10' in '1.2.3.4,0X10'"},
      {"hash:ip,mark", "inet", "1.2.3.4,0x", Code::INVALID_ENTRY,
       "invalid mark '0x' in '1.2.3.4,0x'"},
      {"hash:ip,mark", "inet", "1.2.3.4,abc", Code::INVALID_ENTRY,
       "invalid mark 'abc' in '1.2.3.4,abc'"},
      {"hash:net", "inet", "10.0.0.0/0", Code::INVALID_ENTRY,
       "invalid address '10.0.0.0/0' in '10.0.0.0/0' for hash:net (ipv4)"},
      {"hash:net", "inet", "0.0.0.0/0", Code::INVALID_ENTRY,
       "invalid address '0.0.0.0/0' in '0.0.0.0/0' for hash:net (ipv4)"},
      {"hash:net", "inet", "10.0.0.0/8-10.0.0.9", Code::INVALID_ENTRY,
       "invalid address '10.0.0.0/8' in '10.0.0.0/8-10.0.0.9' for hash:net (ipv4)"},
      {"hash:net", "inet", "1-2-3", Code::INVALID_ENTRY,
       "invalid address range '1-2-3' in '1-2-3' for hash:net (ipv4)"},
      {"hash:net", "inet6", "::/0", Code::INVALID_ENTRY,
       "invalid address '::/0' in '::/0' for hash:net (ipv6)"},
      {"hash:net,iface", "inet", "10.0.0.0/8,aaaaaaaaaaaaaaaa", Code::INVALID_ENTRY,
       "invalid interface 'aaaaaaaaaaaaaaaa' in '10.0.0.0/8,aaaaaaaaaaaaaaaa'"},
      {"hash:net,iface", "inet", "10.0.0.0/8,eth 0", Code::INVALID_ENTRY,
       "invalid interface 'eth 0' in '10.0.0.0/8,eth 0'"},
      {"hash:net,iface", "inet", "10.0.0.0/0,eth0", Code::INVALID_ENTRY,
       "invalid address '10.0.0.0/0' in '10.0.0.0/0,eth0' for hash:net,iface (ipv4)"},
      {"hash:net,net", "inet", "10.0.0.0/8,10.1.0.0/0", Code::INVALID_ENTRY,
       "invalid address '10.1.0.0/0' in '10.0.0.0/8,10.1.0.0/0' for hash:net,net (ipv4)"},
      {"hash:net,net", "inet6", "::/0,::/64", Code::INVALID_ENTRY,
       "invalid address '::/0' in '::/0,::/64' for hash:net,net (ipv6)"},
      {"hash:net,net", "inet6", "::/64,::/0", Code::INVALID_ENTRY,
       "invalid address '::/0' in '::/64,::/0' for hash:net,net (ipv6)"},
      {"hash:mac", "", "00:00:00:00:00:00", Code::INVALID_ENTRY,
       "invalid mac address '00:00:00:00:00:00' in '00:00:00:00:00:00'"},
      {"hash:mac", "", "00-11-22-33-44-55", Code::INVALID_ENTRY,
       "invalid mac address '00-11-22-33-44-55' in '00-11-22-33-44-55'"},
      {"bitmap:ip", "inet", "1.2.3.4", Code::INVALID_IPSET, "ipset type 'bitmap:ip' not usable"},
      {"hash:ip,foo", "inet", "1.2.3.4,x", Code::INVALID_IPSET,
       "ipset type 'hash:ip,foo' not usable"},
  };
  for (const BadEntry& c : cases) {
    auto status = check_ipset_entry(make_set(c.type, c.family), c.entry);
    ASSERT_FALSE(status) << c.type << " " << c.family << " '" << c.entry << "'";
    EXPECT_EQ(status.error().code, c.code) << c.entry;
    EXPECT_EQ(status.error().detail, c.detail) << c.entry;
  }
}

TEST(IpSetEntry, TreatsAnyFamilyButInet6AsIpv4) {
  EXPECT_TRUE(check_ipset_entry(make_set("hash:ip", "bogus"), "1.2.3.4"));
  EXPECT_FALSE(check_ipset_entry(make_set("hash:ip", "bogus"), "::1"));
}

TEST(IpSetType, KnowsExactlyFirewalldsElevenTypes) {
  EXPECT_EQ(ipset_types().size(), 11u);
  for (std::string_view type : ipset_types()) EXPECT_TRUE(check_ipset_type(type)) << type;
  for (std::string_view type : {"hash:ip,port,ip", "hash:net,port,net", "hash:ip,mark"}) {
    EXPECT_TRUE(check_ipset_type(type)) << type;
  }
}

TEST(IpSetType, RefusesOtherTypes) {
  for (std::string_view type :
       {"bitmap:ip", "list:set", "hash:ip,mac", "", "HASH:IP", "hash:ip "}) {
    auto status = check_ipset_type(type);
    ASSERT_FALSE(status) << type;
    EXPECT_EQ(status.error().code, Code::INVALID_TYPE);
    EXPECT_EQ(status.error().detail, "'" + std::string(type) + "' is not valid ipset type");
  }
}

TEST(IpSetType, KnowsWhichTypesASourceMayUse) {
  for (std::string_view type : {"hash:ip", "hash:ip,port", "hash:ip,mark", "hash:net",
                                "hash:net,port", "hash:net,iface", "hash:mac"}) {
    EXPECT_TRUE(is_source_ipset_type(type)) << type;
  }
  for (std::string_view type :
       {"hash:ip,port,ip", "hash:ip,port,net", "hash:net,net", "hash:net,port,net", "bitmap:ip"}) {
    EXPECT_FALSE(is_source_ipset_type(type)) << type;
  }
}

struct OptionCase {
  std::string_view type;
  std::string_view name;
  std::string_view value;
  Code code;  // UNKNOWN_ERROR: accepted
  std::string_view detail;
};

TEST(IpSetOptions, ChecksEachOptionAsFirewalldsReaderDoes) {
  const Code kOk = Code::UNKNOWN_ERROR;
  const OptionCase cases[] = {
      {"hash:ip", "family", "inet", kOk, ""},
      {"hash:ip", "family", "inet6", kOk, ""},
      {"hash:ip", "timeout", "0", kOk, ""},
      {"hash:ip", "timeout", "600", kOk, ""},
      {"hash:ip", "hashsize", " 1024 ", kOk, ""},
      {"hash:ip", "maxelem", "65_536", kOk, ""},
      {"hash:mac", "timeout", "5", kOk, ""},
      {"hash:ip", "counters", "", Code::INVALID_OPTION, "Unknown option 'counters'"},
      {"hash:ip", "Family", "inet", Code::INVALID_OPTION, "Unknown option 'Family'"},
      {"hash:mac", "family", "inet", Code::INVALID_OPTION,
       "Unsupported option 'family' for type 'hash:mac'"},
      {"hash:ip", "family", "", Code::INVALID_OPTION, "Missing mandatory value of option 'family'"},
      {"hash:ip", "timeout", "", Code::INVALID_OPTION,
       "Missing mandatory value of option 'timeout'"},
      {"hash:ip", "timeout", "1.5", Code::INVALID_VALUE,
       "Option 'timeout': Value '1.5' is not an integer"},
      {"hash:ip", "hashsize", "0x400", Code::INVALID_VALUE,
       "Option 'hashsize': Value '0x400' is not an integer"},
      {"hash:ip", "maxelem", "-1", Code::INVALID_VALUE, "Option 'maxelem': Value '-1' is negative"},
      {"hash:ip", "family", "ipv4", Code::INVALID_FAMILY, "ipv4"},
      {"hash:ip", "family", "INET", Code::INVALID_FAMILY, "INET"},
  };
  for (const OptionCase& c : cases) {
    IpSet set = make_set(c.type, "");
    set.options.emplace_back(c.name, c.value);
    auto status = check_ipset_options(set);
    if (c.code == kOk) {
      EXPECT_TRUE(status) << c.name << "=" << c.value;
      continue;
    }
    ASSERT_FALSE(status) << c.name << "=" << c.value;
    EXPECT_EQ(status.error().code, c.code) << c.name << "=" << c.value;
    EXPECT_EQ(status.error().detail, c.detail) << c.name << "=" << c.value;
  }
}

TEST(IpSetOptions, UsesTheFirstOfRepeatedOptions) {
  IpSet set = make_set("hash:ip", "inet6");
  set.options.emplace_back("family", "inet");
  EXPECT_EQ(*find_ipset_option(set, "family"), "inet6");
  EXPECT_EQ(find_ipset_option(set, "timeout"), nullptr);
}

TEST(IpSetOptions, CountsATimeoutOtherThanTheString0) {
  IpSet set = make_set("hash:ip", "");
  EXPECT_FALSE(ipset_has_timeout(set));
  set.options.emplace_back("timeout", "0");
  EXPECT_FALSE(ipset_has_timeout(set));
  set.options.front().second = "00";  // firewalld compares strings
  EXPECT_TRUE(ipset_has_timeout(set));
}

}  // namespace
}  // namespace fwctl::model
