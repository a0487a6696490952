// Firewall: runtime ipset entries against a FakeNetlink (firewall_ipset.cpp, runtime_ipsets.cpp).

#include <gtest/gtest.h>

#include <cerrno>

#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Strings = std::vector<std::string>;

constexpr const char* kFoo =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:net\">\n"
    "  <short>Foo</short>\n  <entry>10.0.0.0/24</entry>\n</ipset>\n";
constexpr const char* kTimed =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:ip\">\n"
    "  <option name=\"timeout\" value=\"600\"/>\n</ipset>\n";

class FirewallIpsetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    etc_.write("ipsets/foo.xml", kFoo);
    etc_.write("ipsets/timed.xml", kTimed);
    ASSERT_TRUE(fw_.start());
  }
  const Strings& last_batch() const { return netlink_.sent().back(); }
  Strings entries(const std::string& name) const { return (*fw_.ipset(name))->entries; }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(FirewallIpsetTest, ListsAndQueriesTheIpsets) {
  EXPECT_EQ(fw_.ipset_names(), (Strings{"foo", "timed"}));
  EXPECT_TRUE(fw_.query_ipset("foo"));
  EXPECT_FALSE(fw_.query_ipset("bar"));
  EXPECT_EQ(fw_.ipset("bar").error().code, Code::INVALID_IPSET);
  EXPECT_EQ((*fw_.ipset("foo"))->type, "hash:net");
}

TEST_F(FirewallIpsetTest, AddingAnEntryIsOneElementMessage) {
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.1.2.3/16"));
  EXPECT_EQ(last_batch(), (Strings{"add element inet firewalld foo { 0a010000, 0a020000 end }"}));
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24", "10.1.0.0/16"}));
  EXPECT_TRUE(*fw_.query_ipset_entry("foo", "10.1.0.0/16"));
  EXPECT_TRUE(*fw_.query_ipset_entry("foo", "10.1.9.9/16"));  // normalized before the lookup

  ASSERT_TRUE(fw_.remove_ipset_entry("foo", "10.1.0.0/16"));
  EXPECT_EQ(last_batch(),
            (Strings{"delete element inet firewalld foo { 0a010000, 0a020000 end }"}));
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24"}));
}

TEST_F(FirewallIpsetTest, BadEntriesGetFirewalldsCodesAndSendNothing) {
  size_t batches = netlink_.sent().size();
  auto st = fw_.add_ipset_entry("foo", "10.0.0.0/24");
  EXPECT_EQ(st.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(st.error().detail, "'10.0.0.0/24' already is in 'foo'");
  st = fw_.add_ipset_entry("foo", "10.0.0.7");
  EXPECT_EQ(st.error().code, Code::INVALID_ENTRY);
  EXPECT_EQ(st.error().detail, "Entry '10.0.0.7' overlaps with existing entry '10.0.0.0/24'");
  EXPECT_EQ(fw_.add_ipset_entry("foo", "fd00::1").error().code, Code::INVALID_ENTRY);
  EXPECT_EQ(fw_.add_ipset_entry("foo", "nonsense").error().code, Code::INVALID_ENTRY);
  EXPECT_EQ(fw_.add_ipset_entry("bar", "10.9.0.0/16").error().code, Code::INVALID_IPSET);
  st = fw_.remove_ipset_entry("foo", "10.9.0.0/16");
  EXPECT_EQ(st.error().code, Code::NOT_ENABLED);
  EXPECT_EQ(st.error().detail, "'10.9.0.0/16' not in 'foo'");
  EXPECT_EQ(fw_.query_ipset_entry("bar", "1.2.3.4").error().code, Code::INVALID_IPSET);
  EXPECT_EQ(netlink_.sent().size(), batches);
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24"}));
}

TEST_F(FirewallIpsetTest, AKernelRefusalKeepsTheEntries) {
  netlink_.fail_at(0, ENOMEM);
  auto st = fw_.add_ipset_entry("foo", "10.9.0.0/16");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24"}));
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.9.0.0/16"));  // the recorded state is intact
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24", "10.9.0.0/16"}));
}

// firewalld keeps a runtime ipset's entries as a list: an entry added goes last, one removed
// leaves the others in their order (fw_ipset.py: entries.append, entries.remove), whatever the
// kernel's listing order (by address). Checked with firewalld 1.3.3 (fw-sandbox): 10.0.0.4,
// 10.0.0.1, 10.0.0.3, 10.0.0.2 added, 10.0.0.1 removed, 10.0.0.9 and 10.0.0.1 added: getEntries
// is 10.0.0.4 10.0.0.3 10.0.0.2 10.0.0.9 10.0.0.1.
TEST_F(FirewallIpsetTest, EntriesKeepFirewalldsOrder) {
  for (const char* entry : {"10.1.0.4", "10.1.0.1", "10.1.0.3", "10.1.0.2"}) {
    ASSERT_TRUE(fw_.add_ipset_entry("foo", entry));
  }
  ASSERT_TRUE(fw_.remove_ipset_entry("foo", "10.1.0.1"));
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.1.0.9"));
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.1.0.1"));
  ASSERT_TRUE(fw_.remove_ipset_entry("foo", "10.0.0.0/24"));  // the first one
  EXPECT_EQ(entries("foo"), (Strings{"10.1.0.4", "10.1.0.3", "10.1.0.2", "10.1.0.9", "10.1.0.1"}));
  EXPECT_TRUE(*fw_.query_ipset_entry("foo", "10.1.0.3"));
  EXPECT_FALSE(*fw_.query_ipset_entry("foo", "10.0.0.0/24"));
  EXPECT_EQ(fw_.add_ipset_entry("foo", "10.1.0.9").error().code, Code::ALREADY_ENABLED);
}

// A removal the kernel refuses leaves the entry where it was, and findable: the list, the index
// and the recorded kernel set are as before.
TEST_F(FirewallIpsetTest, ARefusedRemovalKeepsTheEntryInPlace) {
  for (const char* entry : {"10.1.0.1", "10.1.0.2", "10.1.0.3"}) {
    ASSERT_TRUE(fw_.add_ipset_entry("foo", entry));
  }
  auto elements = fw_.kernel().ruleset().tables[0].sets;
  netlink_.fail_at(0, ENOMEM);
  EXPECT_EQ(fw_.remove_ipset_entry("foo", "10.1.0.2").error().code, Code::COMMAND_FAILED);
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24", "10.1.0.1", "10.1.0.2", "10.1.0.3"}));
  EXPECT_EQ(fw_.kernel().ruleset().tables[0].sets, elements);
  EXPECT_TRUE(*fw_.query_ipset_entry("foo", "10.1.0.2"));
  EXPECT_EQ(fw_.add_ipset_entry("foo", "10.1.0.2").error().code, Code::ALREADY_ENABLED);
  ASSERT_TRUE(fw_.remove_ipset_entry("foo", "10.1.0.2"));
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24", "10.1.0.1", "10.1.0.3"}));
  EXPECT_FALSE(*fw_.query_ipset_entry("foo", "10.1.0.2"));
}

TEST_F(FirewallIpsetTest, SetEntriesSendsOnlyTheDifference) {
  // A repeated network overlaps itself: refused, as by firewalld.
  EXPECT_EQ(fw_.set_ipset_entries("foo", {"10.5.0.0/16", "10.5.0.0/16"}).error().code,
            Code::INVALID_ENTRY);
  ASSERT_TRUE(fw_.set_ipset_entries("foo", {"10.0.0.0/24", "10.5.0.0/16"}));
  EXPECT_EQ(last_batch(), (Strings{"add element inet firewalld foo { 0a050000, 0a060000 end }"}));
  EXPECT_EQ(entries("foo"), (Strings{"10.0.0.0/24", "10.5.0.0/16"}));
  auto st = fw_.set_ipset_entries("foo", {"10.0.0.0/8", "10.5.0.0/16"});
  EXPECT_EQ(st.error().code, Code::INVALID_ENTRY);
  EXPECT_EQ(st.error().detail, "Entry '10.0.0.0/8' overlaps entry '10.5.0.0/16'");
  EXPECT_EQ(fw_.set_ipset_entries("foo", {"10.0.0.0/8", "x"}).error().code, Code::INVALID_ENTRY);
  ASSERT_TRUE(fw_.set_ipset_entries("foo", {}));
  EXPECT_EQ(entries("foo"), Strings{});
}

// firewalld lists no entries of a set with a timeout: they go to the kernel only.
TEST_F(FirewallIpsetTest, ASetWithATimeoutTakesEntriesInTheKernelOnly) {
  ASSERT_TRUE(fw_.add_ipset_entry("timed", "10.0.0.9"));
  EXPECT_EQ(last_batch(), (Strings{"add element inet firewalld timed { 0a000009, 0a00000a end }"}));
  EXPECT_EQ(entries("timed"), Strings{});
  EXPECT_EQ(fw_.query_ipset_entry("timed", "10.0.0.9").error().code, Code::IPSET_WITH_TIMEOUT);
  EXPECT_EQ(fw_.remove_ipset_entry("timed", "10.0.0.9").error().code, Code::NOT_ENABLED);
}

TEST_F(FirewallIpsetTest, EntriesChangeInPanicModeAndThePanicTableStays) {
  ASSERT_TRUE(fw_.enable_panic_mode());
  ASSERT_TRUE(fw_.add_ipset_entry("foo", "10.9.0.0/16"));
  EXPECT_EQ(last_batch().size(), 1u);
  EXPECT_EQ(fw_.kernel().ruleset().tables.size(), 2u);
}

}  // namespace
}  // namespace fwctl::core
