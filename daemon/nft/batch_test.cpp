// Batch builders: the replace sequence, set encodings and the splitting of large sets.

#include <gtest/gtest.h>

#include "nft/nft_test_support.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::nft {
namespace {

using namespace testing;

compiler::Table small_table() {
  compiler::Table t;
  t.name = "firewalld";
  t.ct_helpers.push_back({"helper-ftp-tcp", "ftp", "tcp", "inet"});
  t.sets.push_back({"foo", {"ipv4_addr"}, {"interval"}, {{Value{ValueKind::Address, "10.0.0.1"}}}});
  compiler::Chain input{"filter_INPUT", compiler::BaseHook{"filter", "input", 10, "accept"}, {}};
  input.rules.push_back(rule({compiler::Verdict{compiler::VerdictKind::Jump, "filter_IN_public"}}));
  t.chains.push_back(input);
  compiler::Chain zone{"filter_IN_public", std::nullopt, {}};
  zone.rules.push_back(rule({match(compiler::Payload{"tcp", "dport"}, num("22")), accept()}));
  t.chains.push_back(zone);
  return t;
}

TEST(Batch, ReplaceAddsDeletesThenRebuildsTheTableChainsBeforeRules) {
  compiler::Ruleset ruleset;
  ruleset.tables.push_back(small_table());
  auto batch = replace_ruleset(ruleset);
  ASSERT_TRUE(batch) << batch.error().message();
  EXPECT_EQ(
      lines(*batch),
      (std::vector<std::string>{
          "add table inet firewalld", "delete table inet firewalld", "add table inet firewalld",
          "add ct helper inet firewalld helper-ftp-tcp { type \"ftp\" protocol 6 l3proto 1 }",
          "add set inet firewalld foo id 1 { type 7 len 4 flags 0x4 }",
          "add element inet firewalld foo { 00000000 end, 0a000001, 0a000002 end }",
          "add chain inet firewalld filter_INPUT { type filter hook 1 priority 10 policy 1 }",
          "add chain inet firewalld filter_IN_public",
          "add rule inet firewalld filter_INPUT [ immediate reg 0 jump -> filter_IN_public ]",
          // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one rule in three literals
          "add rule inet firewalld filter_IN_public [ meta load l4proto => reg 1 ] "
          "[ cmp eq reg 1 0x00000006 ] [ payload load 2b @ transport header + 2 => reg 1 ] "
          "[ cmp eq reg 1 0x00001600 ] [ immediate reg 0 accept ]"}));
  EXPECT_EQ(batch->messages()[9].origin, "chain 'filter_IN_public' rule 1: tcp dport 22 accept");
}

TEST(Batch, IntervalSetElementsAreSegments) {
  // elements = { 192.168.0.0/24, 10.0.0.1 } added to a loaded set: sorted, each interval closed
  // by its successor, and no leading zero end element (only a whole set's load has it)
  Batch batch;
  compiler::Set set{"foo", {"ipv4_addr"}, {"interval"}, {}};
  ASSERT_TRUE(batch.add_set_elements(
      kTable, set,
      {{Value{ValueKind::Prefix, "192.168.0.0/24"}}, {Value{ValueKind::Address, "10.0.0.1"}}}));
  EXPECT_EQ(lines(batch), std::vector<std::string>{"add element inet firewalld foo { 0a000001, "
                                                   "0a000002 end, c0a80000, c0a80100 end }"});
}

TEST(Batch, ConcatenatedIntervalElementsCarryBothEnds) {
  // 10.1.0.0/16 . udp . 1000-2000 in ipv4_addr . inet_proto . inet_service, flags interval
  Batch batch;
  compiler::Set set{"bar", {"ipv4_addr", "inet_proto", "inet_service"}, {"interval"}, {}};
  ASSERT_TRUE(batch.add_set_elements(kTable, set,
                                     {{Value{ValueKind::Prefix, "10.1.0.0/16"}, sym("udp"),
                                       Value{ValueKind::Range, "1000-2000"}}}));
  EXPECT_EQ(lines(batch),
            std::vector<std::string>{"add element inet firewalld bar { 0a010000110000000"
                                     "3e80000-0a01ffff1100000007d00000 }"});
}

TEST(Batch, LargeSetsAreSplitIntoSeveralMessages) {
  Batch batch;
  compiler::Set set{"big", {"ipv4_addr"}, {}, {}};
  for (int i = 0; i < 1000; ++i) {
    set.elements.push_back({Value{
        ValueKind::Address, "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256)}});
  }
  ASSERT_TRUE(batch.add_set(kTable, set));
  EXPECT_EQ(batch.size(), 1u + 4u);  // the set, then 256 + 256 + 256 + 232 elements
}

TEST(Batch, ElementOfTheWrongFamilyIsRefusedBeforeSending) {
  Batch batch;
  compiler::Set set{"foo", {"ipv4_addr"}, {"interval"}, {{Value{ValueKind::Address, "fe80::1"}}}};
  auto status = batch.add_set(kTable, set);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Code::INVALID_ENTRY);
  EXPECT_TRUE(batch.empty());
}

TEST(Batch, DeleteRuleByHandle) {
  Batch batch;
  ASSERT_TRUE(batch.del_rule(kTable, "filter_IN_public_allow", 42, "zone 'public' port 22/tcp"));
  EXPECT_EQ(lines(batch), std::vector<std::string>{
                              "delete rule inet firewalld filter_IN_public_allow handle 42"});
}

TEST(Batch, RulePlacedBeforeAHandleIsAnInsertAtThatPosition) {
  Batch batch;
  ASSERT_TRUE(batch.add_rule(kTable, "c", rule({accept()}), "x", RulePlace::before(7), true));
  EXPECT_EQ(lines(batch), std::vector<std::string>{
                              "insert rule inet firewalld c position 7 [ immediate reg 0 accept ] "
                              "(echo)"});
}

TEST(Batch, SetAndHelperDeletesNameTheObject) {
  Batch batch;
  ASSERT_TRUE(batch.del_set(kTable, {"foo", {"ipv4_addr"}, {}, {}}));
  ASSERT_TRUE(batch.del_ct_helper(kTable, {"helper-ftp-tcp", "ftp", "tcp", "inet"}));
  EXPECT_EQ(lines(batch),
            (std::vector<std::string>{"delete set inet firewalld foo",
                                      "delete ct helper inet firewalld helper-ftp-tcp"}));
}

TEST(Batch, BadElementHalfwayThroughALargeSetLeavesTheBatchUnchanged) {
  Batch batch;
  compiler::Set set{"big", {"ipv4_addr"}, {}, {}};
  for (int i = 0; i < 600; ++i) {
    set.elements.push_back({Value{
        ValueKind::Address, "10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256)}});
  }
  set.elements.push_back({Value{ValueKind::Address, "fe80::1"}});
  ASSERT_FALSE(batch.add_set(kTable, set));
  EXPECT_TRUE(batch.empty());
  EXPECT_TRUE(batch.data().empty());
}

}  // namespace
}  // namespace fwctl::nft
