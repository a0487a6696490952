// IpsetEntryIndex answers as the scans over the list do (contains(),
// check_entry_overlaps_existing), for addresses, networks, IPv6, other spellings and entries that
// are no network, as entries come and go.

#include "core/ipset_entry_index.hpp"

#include <gtest/gtest.h>

#include "common/lists.hpp"

namespace fwctl::core {
namespace {

using Strings = std::vector<std::string>;

void expect_like_the_scan(const IpsetEntryIndex& index, const Strings& entries,
                          const Strings& probes) {
  for (const auto& probe : probes) {
    EXPECT_EQ(index.contains(probe, entries), contains(entries, probe)) << probe;
    Status fast = index.check_overlap(probe, entries);
    Status scan = check_entry_overlaps_existing(probe, entries);
    ASSERT_EQ(bool(fast), bool(scan)) << probe;
    if (!scan) {
      EXPECT_EQ(fast.error().detail, scan.error().detail) << probe;
    }
  }
}

const Strings kProbes = {"10.0.0.1",        "10.0.0.0/24",    "10.0.0.0/8",    "10.0.1.0/24",
                         "10.0.0.128/25",   "9.255.255.255",  "11.0.0.0",      "192.168.1.7",
                         "192.168.1.7/32",  "192.168.0.0/16", "0.0.0.0/0",     "fd00::1",
                         "fd00::/64",       "fd00::/8",       "fe80::1",       "00:11:22:33:44:55",
                         "10.0.0.1,tcp:80", "172.16.5.0/24",  "172.16.0.0/12", "1.2.3.4"};

TEST(IpsetEntryIndex, AnswersAsTheScanOverTheList) {
  Strings entries = {"10.0.0.0/24",   "192.168.1.7",       "fd00::/64",
                     "172.16.0.0/12", "00:11:22:33:44:55", "10.0.2.0/23"};
  IpsetEntryIndex index(entries);
  expect_like_the_scan(index, entries, kProbes);
  for (const std::string entry : {"1.2.3.4", "11.0.0.0/8", "fe80::/10"}) {
    entries.push_back(entry);
    index.add(entry);
    expect_like_the_scan(index, entries, kProbes);
  }
  for (const std::string entry : {"10.0.0.0/24", "172.16.0.0/12", "00:11:22:33:44:55"}) {
    std::erase(entries, entry);
    index.remove(entry);
    expect_like_the_scan(index, entries, kProbes);
  }
}

// Entries spelled other than as Python prints them are found through the list, as before.
TEST(IpsetEntryIndex, OtherSpellingsAnswerAsTheScan) {
  Strings entries = {"FD00::1",      "fd01::/64", "10.9.0.0/255.255.0.0",
                     "10.10.0.0/16", "10.11.0.1", "fd02:0::1/128"};
  IpsetEntryIndex index(entries);
  expect_like_the_scan(
      index, entries,
      {"fd00::1", "FD00::1", "fd01::/64", "fd01:0::/64", "10.9.0.0/16", "10.9.0.0/255.255.0.0",
       "10.10.0.0/16", "10.11.0.1", "10.11.0.1/32", "fd02::1", "fd02::1/128", "fd02:0::1/128"});
  index.remove("FD00::1");
  std::erase(entries, std::string("FD00::1"));
  expect_like_the_scan(index, entries, {"FD00::1", "fd00::1"});
}

// A network spelled as Python prints it is answered by the index alone: no scan of the list
// (which, given empty here, would say no).
TEST(IpsetEntryIndex, CanonicalEntriesAreFoundWithoutTheList) {
  IpsetEntryIndex index({"10.0.0.1", "10.1.0.0/16", "fd00::/64", "fd01::1"});
  for (const std::string entry : {"10.0.0.1", "10.1.0.0/16", "fd00::/64", "fd01::1"}) {
    EXPECT_TRUE(index.contains(entry, {})) << entry;
  }
  for (const std::string entry : {"10.0.0.1/32", "10.1.0.0", "fd01::1/128", "10.0.0.2"}) {
    EXPECT_FALSE(index.contains(entry, {})) << entry;
  }
}

// Thousands of entries span many blocks: added in an order that splits blocks, removed until
// blocks empty, the answers stay those of the scan, at block edges too.
TEST(IpsetEntryIndex, ManyEntriesAcrossBlocks) {
  auto address = [](unsigned i) {
    return "10." + std::to_string(i / 65536 % 256) + "." + std::to_string(i / 256 % 256) + "." +
           std::to_string(i % 256);
  };
  Strings entries;
  const unsigned n = 4 * IpsetEntryIndex::kBlock + 37;
  for (unsigned i = 0; i < n; ++i) entries.push_back(address(i * 7919 % n * 4));
  IpsetEntryIndex index(entries);
  Strings probes;
  for (unsigned i = 0; i < n * 4 + 8; i += 11) probes.push_back(address(i));
  probes.push_back("10.0.0.0/30");
  probes.push_back("10.0.0.0/8");
  expect_like_the_scan(index, entries, probes);
  for (unsigned i = 0; i < 2 * IpsetEntryIndex::kBlock; ++i) {  // odd addresses, all at once
    std::string entry = address((i * 131 % (2 * IpsetEntryIndex::kBlock)) * 4 + 1);
    entries.push_back(entry);
    index.add(entry);
  }
  expect_like_the_scan(index, entries, probes);
  for (unsigned i = 0; i + 1 < n; ++i) {
    index.remove(entries.front());
    entries.erase(entries.begin());
  }
  expect_like_the_scan(index, entries, probes);
}

TEST(IpsetEntryIndex, AnEmptySetHasNothingAndOverlapsNothing) {
  IpsetEntryIndex index({});
  expect_like_the_scan(index, {}, kProbes);
}

}  // namespace
}  // namespace fwctl::core
