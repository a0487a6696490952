// Incremental runtime changes (issue 13) through the one commit point: after every kind of
// change (a focused compile of the chains it touches, an element delta, the whole IR where
// neither can stand for it) what KernelRuleset records as the kernel's holds exactly what a
// whole compile of the runtime configuration makes (chains in any order, a set's elements as a
// set); a refused batch changes neither the runtime nor the kernel's record.

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "compiler/compiler.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

constexpr const char* kNets =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:net\">\n"
    "  <entry>10.0.0.0/24</entry>\n  <entry>192.168.0.0/16</entry>\n</ipset>\n";
constexpr const char* kPorts =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:ip,port\">\n"
    "  <entry>10.0.0.1,tcp:80</entry>\n  <entry>10.0.0.2,udp:53</entry>\n</ipset>\n";
constexpr const char* kMacs =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset type=\"hash:mac\">\n"
    "  <entry>00:11:22:33:44:55</entry>\n</ipset>\n";
constexpr const char* kPolicy =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<policy target=\"CONTINUE\">\n"
    "  <ingress-zone name=\"work\"/>\n  <egress-zone name=\"HOST\"/>\n"
    "  <port port=\"9000\" protocol=\"tcp\"/>\n</policy>\n";

// firewalld's table with its chains by name and each set's elements sorted: what the kernel
// holds, whatever order the changes created chains and elements in.
compiler::Table normalized(const compiler::Ruleset& ruleset) {
  for (const auto& table : ruleset.tables) {
    if (table.name != compiler::kTableName) continue;
    compiler::Table out = table;
    std::sort(out.chains.begin(), out.chains.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::sort(out.ct_helpers.begin(), out.ct_helpers.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    for (auto& set : out.sets) {
      auto key = [](const std::vector<compiler::Value>& element) {
        std::string text;
        for (const auto& value : element) text += value.text + " . ";
        return text;
      };
      std::sort(set.elements.begin(), set.elements.end(),
                [&](const auto& a, const auto& b) { return key(a) < key(b); });
    }
    return out;
  }
  return {};
}

class IncrementalChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    etc_.write("ipsets/nets.xml", kNets);
    etc_.write("ipsets/ports.xml", kPorts);
    etc_.write("ipsets/macs.xml", kMacs);
    etc_.write("policies/work-in.xml", kPolicy);
    fw_.set_clock([this] { return now_; });
    ASSERT_TRUE(fw_.start());
    expect_kernel_is_whole_compile("start");
  }

  void expect_kernel_is_whole_compile(const std::string& step) {
    auto whole = compiler::compile(fw_.runtime(), fw_.bindings());
    ASSERT_TRUE(whole) << step;
    compiler::Table kernel = normalized(fw_.kernel().ruleset()), want = normalized(*whole);
    EXPECT_EQ(compiler::to_text(kernel), compiler::to_text(want)) << step;
    EXPECT_EQ(kernel, want) << step;
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
  SteadyTime now_{};
};

TEST_F(IncrementalChanges, ZoneElementsLeaveTheKernelAsAWholeCompile) {
  const std::vector<std::pair<std::string, ZoneItem>> items = {
      {"port", {ZoneElement::Port, {"8080", "tcp"}}},
      {"port range", {ZoneElement::Port, {"9000-9010", "udp"}}},
      {"service", {ZoneElement::Service, {"http"}}},
      {"rich rule",
       {ZoneElement::RichRule,
        {"rule family=\"ipv4\" source address=\"10.0.0.0/8\" priority=\"-5\" "
         "accept"}}},
      {"rich rule with ipset",
       {ZoneElement::RichRule, {"rule source ipset=\"nets\" service name=\"ssh\" drop"}}},
      {"masquerade", {ZoneElement::Masquerade, {}}},
      {"forward port", {ZoneElement::ForwardPort, {"80", "tcp", "8080", "10.0.0.5"}}},
      {"icmp block", {ZoneElement::IcmpBlock, {"echo-request"}}},
      {"icmp block inversion", {ZoneElement::IcmpBlockInversion, {}}},
      {"ftp service (a ct helper)", {ZoneElement::Service, {"ftp"}}},
  };
  for (const auto& [what, item] : items) {
    ASSERT_TRUE(fw_.add_zone_item("public", item)) << what;
    expect_kernel_is_whole_compile("add " + what);
  }
  for (const auto& [what, item] : items) {
    ASSERT_TRUE(fw_.remove_zone_item("public", item)) << what;
    expect_kernel_is_whole_compile("remove " + what);
  }
}

TEST_F(IncrementalChanges, BindingsAndTheDefaultZoneLeaveTheKernelAsAWholeCompile) {
  ASSERT_TRUE(fw_.add_interface("work", "eth1"));  // activates work and the policy naming it
  expect_kernel_is_whole_compile("interface into work");
  ASSERT_TRUE(fw_.add_source("dmz", "ipset:nets"));
  expect_kernel_is_whole_compile("ipset source into dmz");
  ASSERT_TRUE(fw_.add_source("", "10.9.0.0/16"));
  expect_kernel_is_whole_compile("source into the default zone");
  ASSERT_TRUE(fw_.add_interface("", "eth2"));
  expect_kernel_is_whole_compile("interface into the default zone");
  ASSERT_TRUE(fw_.change_zone_of_interface("home", "eth1"));  // work and the policy go
  expect_kernel_is_whole_compile("interface moved to home");
  ASSERT_TRUE(fw_.set_default_zone("home"));
  expect_kernel_is_whole_compile("default zone home");
  ASSERT_TRUE(fw_.change_zone_of_source("work", "10.9.0.0/16"));
  expect_kernel_is_whole_compile("source moved to work");
  ASSERT_TRUE(fw_.remove_source("dmz", "ipset:nets"));
  expect_kernel_is_whole_compile("ipset source removed");
  ASSERT_TRUE(fw_.remove_interface("", "eth1"));
  expect_kernel_is_whole_compile("interface removed");
  ASSERT_TRUE(fw_.set_default_zone("public"));
  expect_kernel_is_whole_compile("default zone back");
}

TEST_F(IncrementalChanges, IpsetEntriesAreElementDeltasThatLeaveTheKernelAsAWholeCompile) {
  ASSERT_TRUE(fw_.add_source("work", "ipset:nets"));
  ASSERT_TRUE(fw_.add_ipset_entry("nets", "10.1.0.0/16"));
  expect_kernel_is_whole_compile("add a net");
  EXPECT_EQ(netlink_.sent().back().size(), 1u);
  ASSERT_TRUE(fw_.add_ipset_entry("nets", "1.2.3.4"));
  expect_kernel_is_whole_compile("add an address below the others");
  ASSERT_TRUE(fw_.remove_ipset_entry("nets", "10.0.0.0/24"));
  expect_kernel_is_whole_compile("remove a net");
  ASSERT_TRUE(fw_.add_ipset_entry("ports", "10.0.0.3,sctp:9"));
  expect_kernel_is_whole_compile("add to a concatenation");
  ASSERT_TRUE(fw_.remove_ipset_entry("ports", "10.0.0.1,tcp:80"));
  expect_kernel_is_whole_compile("remove from a concatenation");
  ASSERT_TRUE(fw_.add_ipset_entry("macs", "00:00:00:00:00:01"));
  expect_kernel_is_whole_compile("add a MAC");
  ASSERT_TRUE(fw_.set_ipset_entries("nets", {"172.16.0.0/12", "1.2.3.4"}));
  expect_kernel_is_whole_compile("replace the list");
  EXPECT_EQ((*fw_.ipset("nets"))->entries, (std::vector<std::string>{"172.16.0.0/12", "1.2.3.4"}));
}

TEST_F(IncrementalChanges, TimeoutsAndPanicModeLeaveTheKernelAsAWholeCompile) {
  ASSERT_TRUE(fw_.add_port("public", "7000", "tcp", 10));
  ASSERT_TRUE(fw_.add_port("dmz", "7001", "tcp", 10));
  now_ += std::chrono::seconds(11);
  auto expired = fw_.expire(now_);
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->size(), 2u);
  expect_kernel_is_whole_compile("expired");
  ASSERT_TRUE(fw_.enable_panic_mode());
  ASSERT_TRUE(fw_.add_ipset_entry("nets", "10.2.0.0/16"));
  expect_kernel_is_whole_compile("ipset entry in panic mode");
  ASSERT_TRUE(fw_.disable_panic_mode());
  ASSERT_TRUE(fw_.add_port("public", "7002", "tcp"));
  expect_kernel_is_whole_compile("after panic mode");
}

TEST_F(IncrementalChanges, ARefusedBatchChangesNothing) {
  const compiler::Ruleset before = fw_.kernel().ruleset();
  const model::Zone public_zone = fw_.runtime().zones.at("public").value;
  const model::IpSet nets = fw_.runtime().ipsets.at("nets").value;
  const compiler::RuntimeBindings bindings = fw_.bindings();
  netlink_.fail_at(0, EINVAL);
  EXPECT_EQ(fw_.add_port("public", "8080", "tcp").error().code, Code::COMMAND_FAILED);
  netlink_.fail_at(0, EINVAL);
  EXPECT_FALSE(fw_.add_interface("work", "eth1"));
  netlink_.fail_at(0, EINVAL);
  EXPECT_FALSE(fw_.add_ipset_entry("nets", "10.1.0.0/16"));
  netlink_.fail_at(0, EINVAL);
  EXPECT_FALSE(fw_.set_default_zone("home"));
  EXPECT_EQ(fw_.kernel().ruleset(), before);
  EXPECT_EQ(fw_.runtime().zones.at("public").value, public_zone);
  EXPECT_EQ(fw_.runtime().ipsets.at("nets").value, nets);
  EXPECT_EQ(fw_.runtime().conf.default_zone, "public");
  EXPECT_EQ(fw_.bindings(), bindings);
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  expect_kernel_is_whole_compile("after the refusals");
}

// `nft flush ruleset` by another program before an incremental change: the refused delta puts
// the table back whole, and the change then applies to it (README, "Reliability").
TEST_F(IncrementalChanges, ATableAnotherProgramRemovedComesBackWithTheNextChange) {
  netlink_.lose_tables();
  netlink_.fail_at(0, ENOENT);
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  EXPECT_EQ(netlink_.sent().at(netlink_.sent().size() - 2).at(0), "add table inet firewalld");
  expect_kernel_is_whole_compile("a chain delta after the loss");
  netlink_.lose_tables();
  netlink_.fail_at(0, ENOENT);
  size_t batches = netlink_.sent().size();
  Status added = fw_.add_ipset_entry("nets", "10.1.0.0/16");
  ASSERT_TRUE(added) << added.error().message();
  EXPECT_EQ(netlink_.sent().size(), batches + 3);  // refused, whole load, the delta again
  EXPECT_EQ(netlink_.sent().back().size(), 1u);
  expect_kernel_is_whole_compile("an element delta after the loss");
}

}  // namespace
}  // namespace fwctl::core
