// Table flags (NftablesTableOwner) and flowtables (NftablesFlowtable) in batches.

#include <gtest/gtest.h>

#include "nft/nft_test_support.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::nft {
namespace {

using namespace testing;

compiler::Table owned_table_with_flowtable() {
  compiler::Table t;
  t.name = "firewalld";
  t.flags = {"owner", "persist"};
  t.flowtables.push_back({"fastpath", "ingress", 10, {"eth0", "eth1"}});
  compiler::Chain forward{
      "filter_FORWARD", compiler::BaseHook{"filter", "forward", 10, "accept"}, {}};
  forward.rules.push_back(
      rule({match(compiler::Meta{"l4proto"}, compiler::AnonSet{{sym("tcp"), sym("udp")}}),
            compiler::FlowAdd{"fastpath"}}));
  t.chains.push_back(forward);
  return t;
}

// The delete is preceded by an add without flags (a no-op on the existing table, owned or not);
// the add that creates the new table carries its flags: NFT_TABLE_F_OWNER | NFT_TABLE_F_PERSIST.
TEST(BatchTableOptions, TheCreatingAddCarriesTheFlagsAndTheFlowtableComesBeforeChains) {
  compiler::Ruleset ruleset;
  ruleset.tables.push_back(owned_table_with_flowtable());
  auto batch = replace_ruleset(ruleset);
  ASSERT_TRUE(batch) << batch.error().message();
  auto text = lines(*batch);
  ASSERT_EQ(text.size(), 8u);
  EXPECT_EQ(text[0], "add table inet firewalld");
  EXPECT_EQ(text[1], "delete table inet firewalld");
  EXPECT_EQ(text[2], "add table inet firewalld flags 0x6");
  EXPECT_EQ(text[3],
            "add flowtable inet firewalld fastpath { hook 0 priority 10 devices eth0 eth1 }");
  EXPECT_EQ(text[4].rfind("add chain inet firewalld filter_FORWARD {", 0), 0u);
  EXPECT_EQ(text[7].rfind("add rule inet firewalld filter_FORWARD", 0), 0u);
  EXPECT_NE(text[7].find("[ flow_offload flowtable fastpath ]"), std::string::npos);
}

TEST(BatchTableOptions, FlowAddIsAFlowOffloadExpression) {
  auto text = encode(rule({compiler::FlowAdd{"fastpath"}}));
  EXPECT_EQ(text, std::vector<std::string>{
                      "add rule inet firewalld c [ flow_offload flowtable fastpath ]"});
}

// What nft 1.0.6 sends for this rule (nft --debug=netlink; the kernel here has no flowtables).
TEST(BatchTableOptions, TheOffloadRuleIsEncodedAsNftEncodesIt) {
  auto text = encode(
      rule({match(compiler::Ct{"state"}, compiler::AnonSet{{sym("established"), sym("related")}}),
            match(compiler::Meta{"l4proto"}, compiler::AnonSet{{sym("tcp"), sym("udp")}}),
            compiler::FlowAdd{"fastpath"}}),
      "filter_FORWARD");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(),
            "add rule inet firewalld filter_FORWARD [ ct load state => reg 1 ] "
            "[ lookup reg 1 set __set%d ] [ meta load l4proto => reg 1 ] "
            "[ lookup reg 1 set __set%d ] [ flow_offload flowtable fastpath ]");
}

TEST(BatchTableOptions, UnknownTableFlagsAreRefused) {
  Batch batch;
  EXPECT_FALSE(batch.add_table(kTable, {"sticky"}));
  EXPECT_TRUE(batch.empty());
}

}  // namespace
}  // namespace fwctl::nft
