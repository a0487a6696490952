// Named-set elements wrap the way nft 1.0.6 wraps them: tests/golden/set_elements.nft is what
// `nft list ruleset` printed for tests/golden/set_elements.input.nft (one set per key type and
// size 1, 2, 3, 7 and 100); the same sets are built here in code.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>

#include "compiler/address.hpp"
#include "compiler/fragments.hpp"
#include "compiler/ir.hpp"
#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::golden_path;
using testing::read_golden;

// The IR holds addresses in canonical form (fd00::0:1 is fd00::1).
Value addr(const std::string& text) { return parse_address(text)->value; }
Value prefix(const std::string& text) { return parse_address(text)->value; }

std::string dec(unsigned n) { return std::to_string(n); }

// Lower-case hex, at least `width` digits.
std::string hex(unsigned n, size_t width = 1) {
  std::string out;
  do {
    out.insert(out.begin(), "0123456789abcdef"[n % 16]);
    n /= 16;
  } while (n);
  if (out.size() < width) out.insert(0, width - out.size(), '0');
  return out;
}

// Element i of a set: its two address bytes, as the input file's generator numbers them.
using ElementFn = std::function<std::vector<Value>(unsigned i, unsigned a, unsigned b)>;

struct SetKind {
  const char* name;
  std::vector<std::string> type;
  bool interval;
  ElementFn element;
};

std::vector<SetKind> set_kinds() {
  return {
      {"v4",
       {"ipv4_addr"},
       true,
       [](unsigned, unsigned a, unsigned b) {
         return std::vector{addr("10.0." + dec(a) + "." + dec(b))};
       }},
      {"v6",
       {"ipv6_addr"},
       true,
       [](unsigned, unsigned a, unsigned b) {
         return std::vector{addr("fd00::" + hex(a) + ":" + hex(b))};
       }},
      {"net",
       {"ipv4_addr"},
       true,
       [](unsigned, unsigned a, unsigned b) {
         return std::vector{prefix("10." + dec(a) + "." + dec(b) + ".0/24")};
       }},
      {"net6",
       {"ipv6_addr"},
       true,
       [](unsigned, unsigned a, unsigned b) {
         return std::vector{prefix("fd00:" + hex(a) + ":" + hex(b) + "::/48")};
       }},
      {"mac",
       {"ether_addr"},
       false,
       [](unsigned, unsigned a, unsigned b) {
         return std::vector{addr("00:11:22:33:" + hex(a, 2) + ":" + hex(b, 2))};
       }},
      {"ipport",
       {"ipv4_addr", "inet_proto", "inet_service"},
       true,
       [](unsigned i, unsigned a, unsigned b) {
         return std::vector{addr("10.0." + dec(a) + "." + dec(b)), symbol("tcp"),
                            integer(std::to_string(1000 + i))};
       }},
      {"netiface",
       {"ipv4_addr", "ifname"},
       true,
       [](unsigned i, unsigned a, unsigned b) {
         return std::vector{prefix("10." + dec(a) + "." + dec(b) + ".0/24"),
                            quoted("eth" + dec(i))};
       }},
      {"ipmark",
       {"ipv4_addr", "mark"},
       true,
       [](unsigned i, unsigned a, unsigned b) {
         return std::vector{addr("10.0." + dec(a) + "." + dec(b)),
                            Value{ValueKind::Hex, "0x" + hex(i + 1, 8)}};
       }},
      {"netport",
       {"ipv4_addr", "inet_proto", "inet_service"},
       true,
       [](unsigned i, unsigned a, unsigned b) {
         return std::vector{prefix("10." + dec(a) + "." + dec(b) + ".0/24"), symbol("udp"),
                            integer(std::to_string(2000 + i))};
       }},
      {"port",
       {"inet_service"},
       false,
       [](unsigned i, unsigned, unsigned) {
         return std::vector{integer(std::to_string(1000 + i))};
       }},
      {"mark",
       {"mark"},
       false,
       [](unsigned i, unsigned, unsigned) {
         return std::vector{Value{ValueKind::Hex, "0x" + hex(i + 1, 8)}};
       }},
      {"ifname",
       {"ifname"},
       false,
       [](unsigned i, unsigned, unsigned) { return std::vector{quoted("eth" + dec(i))}; }},
  };
}

// nft lists a plain hash set sorted by each element's value read as a host-endian (here
// little-endian) number; for the 16-byte interface name the last byte weighs most, which puts
// "eth10" before "eth2". Only this wrapping test has such a set.
void sort_like_nft_hash_strings(std::vector<std::vector<Value>>& elements) {
  auto key = [](const std::vector<Value>& e) {
    std::string name = e[0].text;
    name.resize(16, '\0');
    return std::string(name.rbegin(), name.rend());
  };
  std::stable_sort(elements.begin(), elements.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
}

Set make_set(const SetKind& kind, unsigned size) {
  Set set{std::string(kind.name) + "_" + std::to_string(size), kind.type, {}, {}};
  if (kind.interval) set.flags = {"interval"};
  for (unsigned i = 0; i < size; ++i) set.elements.push_back(kind.element(i, i / 250, i % 250 + 1));
  if (set.type == std::vector<std::string>{"ifname"}) sort_like_nft_hash_strings(set.elements);
  return set;
}

AnonSet anon(std::vector<Value> values) { return AnonSet{std::move(values)}; }

// Anonymous sets stay on one line whatever their type.
Chain anonymous_sets_chain() {
  Chain chain{"c", std::nullopt, {}};
  chain.rules.push_back(Rule{{payload_match("ip", "saddr",
                                            anon({addr("10.0.0.1"), addr("10.0.0.2"),
                                                  addr("10.0.0.3"), addr("10.0.0.4")})),
                              accept()}});
  chain.rules.push_back(Rule{
      {payload_match("ip6", "saddr", anon({addr("fd00::1"), addr("fd00::2"), addr("fd00::3")})),
       accept()}});
  std::vector<Value> ports;
  for (int p = 1; p <= 8; ++p) ports.push_back(integer(std::to_string(p)));
  chain.rules.push_back(Rule{{payload_match("tcp", "dport", anon(ports)), accept()}});
  return chain;
}

TEST(SetText, ElementsWrapPerKeyTypeExactlyAsNftListsThem) {
  Table table{"inet", "t", {}, {}, {}, {}, {}};
  for (const auto& kind : set_kinds()) {
    for (unsigned size : {1u, 2u, 3u, 7u, 100u}) table.sets.push_back(make_set(kind, size));
  }
  table.chains.push_back(anonymous_sets_chain());
  auto text = to_text(Ruleset{{table}});
  if (const char* dir = std::getenv("FWCTL_GOLDEN_OUT")) {
    std::ofstream(std::string(dir) + "/set_elements.nft") << text;
  }
  EXPECT_EQ(text, read_golden(golden_path("set_elements")));
}

TEST(SetText, TwoIpv4AddressesPerLine) {
  Set set{"s", {"ipv4_addr"}, {}, {}};
  for (const char* a : {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) set.elements.push_back({addr(a)});
  EXPECT_EQ(to_text(set),
            "\tset s {\n\t\ttype ipv4_addr\n"
            "\t\telements = { 10.0.0.1, 10.0.0.2,\n\t\t\t     10.0.0.3 }\n\t}\n");
}

TEST(SetText, FivePortsPerLineAndOneIpv6AddressPerLine) {
  Set ports{"p", {"inet_service"}, {}, {}};
  for (int p = 1; p <= 6; ++p) ports.elements.push_back({integer(std::to_string(p))});
  EXPECT_EQ(to_text(ports),
            "\tset p {\n\t\ttype inet_service\n"
            "\t\telements = { 1, 2, 3, 4, 5,\n\t\t\t     6 }\n\t}\n");
  Set v6{"v", {"ipv6_addr"}, {}, {{addr("::1")}, {addr("fd00::1")}}};
  EXPECT_EQ(to_text(v6),
            "\tset v {\n\t\ttype ipv6_addr\n"
            "\t\telements = { ::1,\n\t\t\t     fd00::1 }\n\t}\n");
}

}  // namespace
}  // namespace fwctl::compiler
