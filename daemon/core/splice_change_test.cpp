// Rule splices through the commit point (issue 13): one zone element or one binding changed is
// compiled alone and spliced in, comparing no chain (KernelRuleset::last_compared() stays
// empty) and sending only its rules; the kernel's record is then exactly a whole compile.

#include "core/splice_change.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/compiler.hpp"
#include "config/test_support.hpp"
#include "core/firewall.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;

// A zone with enough of everything that a compiled zone shows in last_compared().
constexpr const char* kBusyPublic =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<zone>\n  <service name=\"ssh\"/>\n"
    "  <port port=\"1000\" protocol=\"tcp\"/>\n  <port port=\"1001\" protocol=\"udp\"/>\n"
    "  <rule family=\"ipv4\" priority=\"-3\"><source address=\"10.0.0.1\"/><drop/></rule>\n"
    "  <rule family=\"ipv4\"><source address=\"10.0.0.2\"/><reject/></rule>\n"
    "  <forward/>\n  <interface name=\"eth0\"/>\n  <source address=\"10.8.0.0/16\"/>\n"
    "</zone>\n";

compiler::Table by_name(compiler::Table table) {
  std::sort(table.chains.begin(), table.chains.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return table;
}

class SpliceChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    etc_.write("zones/public.xml", kBusyPublic);
    ASSERT_TRUE(fw_.start());
  }

  void expect_spliced(const std::string& step, size_t messages) {
    EXPECT_TRUE(fw_.kernel().last_compared().empty()) << step << ": chains were compared";
    EXPECT_EQ(netlink_.sent().back().size(), messages) << step;
    auto whole = compiler::compile(fw_.runtime(), fw_.bindings());
    ASSERT_TRUE(whole) << step;
    const compiler::Table* kernel = fw_.kernel().table(compiler::kTableName);
    ASSERT_TRUE(kernel);
    EXPECT_EQ(compiler::to_text(by_name(*kernel)), compiler::to_text(by_name(whole->tables[0])))
        << step;
  }

  TempDir etc_;
  nft::FakeNetlink netlink_;
  Firewall fw_{{FWCTL_SOURCE_DIR, etc_.path()}, netlink_};
};

TEST_F(SpliceChanges, AZoneElementAddedIsItsRulesAlone) {
  ASSERT_TRUE(fw_.add_port("public", "8080", "tcp"));
  expect_spliced("port", 1);
  ASSERT_TRUE(fw_.add_zone_item("public", {ZoneElement::Service, {"http"}}));
  expect_spliced("service", 1);
  ASSERT_TRUE(fw_.add_zone_item(
      "public", {ZoneElement::RichRule,
                 {"rule priority=\"-5\" family=\"ipv4\" source address=\"10.0.0.9\" accept"}}));
  expect_spliced("rich rule at -5", 1);
  ASSERT_TRUE(fw_.add_zone_item("public", {ZoneElement::RichRule,
                                           {"rule family=\"ipv4\" source address=\"10.0.0.8\" "
                                            "log prefix=\"x\" drop"}}));
  expect_spliced("rich rule with a log", 2);
  ASSERT_TRUE(fw_.add_zone_item("public", {ZoneElement::Protocol, {"gre"}}));
  expect_spliced("protocol", 1);
}

TEST_F(SpliceChanges, AZoneElementRemovedIsItsRulesAlone) {
  // The start's compile recorded which chains it left a duplicate out of (none here): the first
  // removal after it splices too.
  ASSERT_TRUE(fw_.remove_port("public", "1000", "tcp"));
  expect_spliced("port after the start", 1);
  ASSERT_TRUE(fw_.remove_port("public", "1001", "udp"));
  expect_spliced("port", 1);
  ASSERT_TRUE(fw_.remove_zone_item(
      "public",
      {ZoneElement::RichRule, {"rule family=\"ipv4\" source address=\"10.0.0.2\" reject"}}));
  expect_spliced("rich rule", 1);
}

TEST_F(SpliceChanges, AfterAReloadTheFirstRemovalSplicesToo) {
  ASSERT_TRUE(fw_.reload());
  ASSERT_TRUE(fw_.remove_zone_item(
      "public",
      {ZoneElement::RichRule, {"rule family=\"ipv4\" source address=\"10.0.0.2\" reject"}}));
  expect_spliced("rich rule after a reload", 1);
}

TEST_F(SpliceChanges, ARemovalFromAChainTheLoadLeftADuplicateOutOfIsCompiled) {
  // ssh's rule and port 22's are one: the load's compile placed it once, for ssh.
  etc_.write("zones/work.xml",
             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<zone>\n  <service name=\"ssh\"/>\n"
             "  <port port=\"22\" protocol=\"tcp\"/>\n  <interface name=\"eth5\"/>\n</zone>\n");
  ASSERT_TRUE(fw_.reload());
  ASSERT_TRUE(fw_.remove_service("work", "ssh"));  // the rule stays, for port 22
  EXPECT_FALSE(fw_.kernel().last_compared().empty());
  auto whole = compiler::compile(fw_.runtime(), fw_.bindings());
  ASSERT_TRUE(whole);
  EXPECT_EQ(compiler::to_text(by_name(*fw_.kernel().table(compiler::kTableName))),
            compiler::to_text(by_name(whole->tables[0])));
}

TEST_F(SpliceChanges, AnElementWhoseRuleIsAlreadyThereIsCompiled) {
  ASSERT_TRUE(fw_.add_port("public", "22", "tcp"));  // ssh's rule: the compile adds it once
  EXPECT_FALSE(fw_.kernel().last_compared().empty());
  auto whole = compiler::compile(fw_.runtime(), fw_.bindings());
  ASSERT_TRUE(whole);
  EXPECT_EQ(compiler::to_text(by_name(*fw_.kernel().table(compiler::kTableName))),
            compiler::to_text(by_name(whole->tables[0])));
}

TEST_F(SpliceChanges, ABindingIsItsDispatchAndForwardRulesAlone) {
  ASSERT_TRUE(fw_.add_interface("public", "eth1"));
  expect_spliced("interface", 6);  // five _ZONES chains and filter_FWD_public_allow
  ASSERT_TRUE(fw_.add_source("public", "10.9.0.0/16"));
  expect_spliced("source", 6);
  ASSERT_TRUE(fw_.remove_interface("public", "eth0"));  // the first removal compiles
  ASSERT_TRUE(fw_.remove_interface("public", "eth1"));
  expect_spliced("interface removed", 6);
  ASSERT_TRUE(fw_.remove_source("public", "10.9.0.0/16"));
  expect_spliced("source removed", 6);
}

}  // namespace
}  // namespace fwctl::core
