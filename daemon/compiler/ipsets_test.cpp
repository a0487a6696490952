// Named sets from firewalld ipsets: element values and the order nft lists them in.

#include "compiler/ipsets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "compiler/compiler.hpp"
#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::stock_config;

const Set* compiled_set(const std::string& type, std::vector<std::string> entries,
                        std::vector<std::pair<std::string, std::string>> options, Ruleset& out) {
  auto config = stock_config();
  auto& ipset = config.ipsets["s"].value;
  ipset.type = type;
  ipset.entries = std::move(entries);
  ipset.options = std::move(options);
  auto result = compile(config, bindings_from_config(config));
  if (!result) {
    ADD_FAILURE() << result.error().message();
    return nullptr;
  }
  out = std::move(*result);
  for (const auto& set : out.tables.at(0).sets) {
    if (set.name == "s") return &set;
  }
  ADD_FAILURE() << "no set s";
  return nullptr;
}

std::vector<std::string> first_values(const Set& set) {
  std::vector<std::string> out;
  for (const auto& e : set.elements) out.push_back(e[0].text);
  return out;
}

TEST(CompilerIpset, AddressSetsListInAscendingAddressOrder) {
  Ruleset rs;
  const auto* set = compiled_set("hash:net", {"10.0.0.0/8", "9.1.0.0/16", "1.2.3.4"}, {}, rs);
  ASSERT_TRUE(set);
  EXPECT_EQ(first_values(*set), (std::vector<std::string>{"1.2.3.4", "9.1.0.0/16", "10.0.0.0/8"}));
  set = compiled_set("hash:ip", {"fd00::3", "fd00::1", "2001:db8::5"}, {{"family", "inet6"}}, rs);
  ASSERT_TRUE(set);
  EXPECT_EQ(first_values(*set), (std::vector<std::string>{"2001:db8::5", "fd00::1", "fd00::3"}));
}

// rhbz1779835.at: an inet6 entry may be written as a URL's address; firewalld strips the brackets.
TEST(CompilerIpset, BracketedIpv6EntriesLoseTheirBrackets) {
  Ruleset rs;
  const auto* set = compiled_set("hash:ip", {"[1234::4321]"}, {{"family", "inet6"}}, rs);
  ASSERT_TRUE(set);
  EXPECT_EQ(first_values(*set), (std::vector<std::string>{"1234::4321"}));
  set = compiled_set("hash:net", {"[1234::]/64"}, {{"family", "inet6"}}, rs);
  ASSERT_TRUE(set);
  EXPECT_EQ(first_values(*set), (std::vector<std::string>{"1234::/64"}));
}

TEST(CompilerIpset, MacSetsListInAscendingOrder) {
  Ruleset rs;
  const auto* set = compiled_set(
      "hash:mac", {"52:54:00:00:00:02", "52:54:00:00:00:01", "00:00:5E:00:53:01"}, {}, rs);
  ASSERT_TRUE(set);
  EXPECT_EQ(first_values(*set), (std::vector<std::string>{"00:00:5e:00:53:01", "52:54:00:00:00:01",
                                                          "52:54:00:00:00:02"}));
}

TEST(CompilerIpset, MarksArePrintedAsEightHexDigits) {
  Ruleset rs;
  const auto* set = compiled_set("hash:ip,mark", {"10.0.0.1,0x10", "10.0.0.2,7"}, {}, rs);
  ASSERT_TRUE(set);
  ASSERT_EQ(set->elements.size(), 2u);
  EXPECT_EQ(set->elements[0][1].text, "0x00000010");
  EXPECT_EQ(set->elements[1][1].text, "0x00000007");
}

// firewalld sends one `add element` per entry, 1000 to an nft call; nft re-queues all but the
// first of each call in reverse, and the kernel lists a concatenated set in insertion order.
TEST(CompilerIpset, ConcatenatedSetsKeepFirewalldsInsertionOrderPerThousand) {
  std::vector<std::string> entries;
  for (int i = 0; i < 2500; ++i) {
    entries.push_back("10." + std::to_string(i / 250) + "." + std::to_string(i % 250) +
                      ".1,tcp:80");
  }
  Ruleset rs;
  const auto* set = compiled_set("hash:ip,port", entries, {}, rs);
  ASSERT_TRUE(set);
  ASSERT_EQ(set->elements.size(), 2500u);
  auto entry_at = [&](size_t i) { return set->elements[i][0].text; };
  EXPECT_EQ(entry_at(0), "10.0.0.1");       // entry 0
  EXPECT_EQ(entry_at(1), "10.3.249.1");     // entry 999
  EXPECT_EQ(entry_at(999), "10.0.1.1");     // entry 1
  EXPECT_EQ(entry_at(1000), "10.4.0.1");    // entry 1000
  EXPECT_EQ(entry_at(1001), "10.7.249.1");  // entry 1999
  EXPECT_EQ(entry_at(2000), "10.8.0.1");    // entry 2000
  EXPECT_EQ(entry_at(2001), "10.9.249.1");  // entry 2499
  EXPECT_EQ(entry_at(2499), "10.8.1.1");    // entry 2001
}

// The benchmark's ipset: 62,500 entries. Sorting computes each key once, so this stays far
// below a second even in a debug build.
TEST(CompilerIpset, SixtyTwoThousandEntriesSortQuickly) {
  std::vector<std::string> entries;
  for (int i = 62499; i >= 0; --i) {
    entries.push_back("10." + std::to_string(i / 62500) + "." + std::to_string(i / 250 % 250) +
                      "." + std::to_string(i % 250));
  }
  Ruleset rs;
  auto start = std::chrono::steady_clock::now();
  const auto* set = compiled_set("hash:ip", entries, {}, rs);
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(set);
  ASSERT_EQ(set->elements.size(), 62500u);
  EXPECT_EQ(set->elements.front()[0].text, "10.0.0.0");
  EXPECT_EQ(set->elements.back()[0].text, "10.0.249.249");
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
  RecordProperty(
      "compile_ms",
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
}

// Sorting permutes the elements in place, cycle by cycle: every entry once, in address order,
// equal addresses (other prefixes) in the order given.
TEST(CompilerIpset, SortingAShuffledSetKeepsEveryEntryOnce) {
  std::vector<std::string> entries;
  for (int i = 0; i < 997; ++i) {
    int j = i * 389 % 997;  // a permutation of several cycles
    entries.push_back("10." + std::to_string(j / 250) + "." + std::to_string(j % 250) + ".0/24");
  }
  entries.push_back("10.0.5.0/26");  // the same address as 10.0.5.0/24, listed after it
  Ruleset rs;
  const auto* set = compiled_set("hash:net", entries, {}, rs);
  ASSERT_TRUE(set);
  ASSERT_EQ(set->elements.size(), 998u);
  std::vector<std::string> values = first_values(*set);
  EXPECT_EQ(values[0], "10.0.0.0/24");
  EXPECT_EQ(values[5], "10.0.5.0/24");
  EXPECT_EQ(values[6], "10.0.5.0/26");
  EXPECT_EQ(values.back(), "10.3.246.0/24");
  std::vector<std::string> given = entries, listed = values;
  std::sort(given.begin(), given.end());
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, given);
}

// Many elements added at once are merged in; the list is the one of adding them one by one.
TEST(CompilerIpset, ManyNewElementsListAsOneByOne) {
  for (const char* type : {"hash:net", "hash:mac"}) {
    Ruleset rs;
    bool mac = std::string(type) == "hash:mac";
    auto entry = [mac](int i) {
      return mac ? "00:11:22:33:" + std::to_string(10 + i % 80) + ":00"
                 : "10.0." + std::to_string(i % 200) + ".0/" + std::to_string(24 + i % 3);
    };
    std::vector<std::string> have, added;
    for (int i = 0; i < 300; i += 3) have.push_back(entry(i));
    for (int i = 0; i < 500; ++i) added.push_back(entry(i * 7 % 500));
    const auto* compiled = compiled_set(type, have, {}, rs);
    ASSERT_TRUE(compiled);
    Set one_by_one = *compiled, at_once = *compiled;
    model::IpSet ipset;
    ipset.type = type;
    auto come = ipset_elements(ipset, added);
    for (const auto& element : come) insert_listed(one_by_one, {element});
    insert_listed(at_once, come);
    EXPECT_EQ(first_values(at_once), first_values(one_by_one)) << type;
    EXPECT_EQ(at_once.elements.size(), have.size() + added.size());
  }
}

TEST(CompilerIpset, ASetWithATimeoutHasNoEntriesButTheRuntimeOneIsItsElement) {
  Ruleset rs;
  const auto* set = compiled_set("hash:ip", {"10.0.0.1"}, {{"timeout", "60"}}, rs);
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->elements.empty());
  model::IpSet ipset;
  ipset.type = "hash:ip";
  ipset.options = {{"timeout", "60"}};
  Set runtime = ipset_with_entries("s", ipset, {"10.0.0.2"});
  EXPECT_EQ(runtime.name, "s");
  EXPECT_EQ(runtime.type, set->type);
  EXPECT_EQ(runtime.flags, set->flags);
  EXPECT_EQ(first_values(runtime), (std::vector<std::string>{"10.0.0.2"}));
}

}  // namespace
}  // namespace fwctl::compiler
