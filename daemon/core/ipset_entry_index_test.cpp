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

TEST(IpsetEntryIndex, AnEmptySetHasNothingAndOverlapsNothing) {
  IpsetEntryIndex index({});
  expect_like_the_scan(index, {}, kProbes);
}

}  // namespace
}  // namespace fwctl::core
