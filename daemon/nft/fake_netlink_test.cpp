// FakeNetlink: batches recorded as text, an injected kernel error reported against the origin
// of the message it hit, and nothing of a refused batch committed.

#include "nft/fake_netlink.hpp"

#include <gtest/gtest.h>

#include <cerrno>

#include "nft/nft_test_support.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::nft {
namespace {

using namespace testing;

compiler::Ruleset two_rules() {
  compiler::Table t;
  t.name = "firewalld";
  compiler::Chain allow{"filter_IN_public_allow", std::nullopt, {}};
  allow.rules.push_back(rule({match(compiler::Payload{"tcp", "dport"}, num("22")), accept()}));
  allow.rules.push_back(rule({compiler::Verdict{compiler::VerdictKind::Jump, "nosuchchain"}}));
  t.chains.push_back(allow);
  compiler::Ruleset r;
  r.tables.push_back(t);
  return r;
}

TEST(FakeNetlink, AcceptedBatchIsCommittedWhole) {
  FakeNetlink netlink;
  auto batch = replace_ruleset(two_rules());
  ASSERT_TRUE(batch);
  auto replies = netlink.send(*batch);
  ASSERT_TRUE(replies);
  EXPECT_EQ(replies->size(), batch->size());
  ASSERT_EQ(netlink.committed().size(), 1u);
  EXPECT_EQ(netlink.committed()[0], describe(*batch));
}

TEST(FakeNetlink, ErrorAtMessageNNamesThatMessagesOrigin) {
  FakeNetlink netlink;
  auto batch = replace_ruleset(two_rules());
  ASSERT_TRUE(batch);
  // add table, delete table, add table, add chain, rule 1, rule 2: message 5 is rule 2.
  netlink.fail_at(5, ENOENT);
  auto replies = netlink.send(*batch);
  ASSERT_FALSE(replies);
  EXPECT_EQ(replies.error().message(),
            "COMMAND_FAILED: chain 'filter_IN_public_allow' rule 2: jump nosuchchain: "
            "No such file or directory");
  EXPECT_EQ(netlink.sent().size(), 1u);
  EXPECT_TRUE(netlink.committed().empty());
}

TEST(FakeNetlink, FailureAffectsOnlyTheNextBatch) {
  FakeNetlink netlink;
  auto batch = replace_ruleset(two_rules());
  ASSERT_TRUE(batch);
  netlink.fail_at(0, EPERM);
  EXPECT_EQ(netlink.send(*batch).error().detail, "table inet firewalld: Operation not permitted");
  EXPECT_TRUE(netlink.send(*batch));
  EXPECT_EQ(netlink.committed().size(), 1u);
}

TEST(FakeNetlink, EchoedRulesGetHandles) {
  FakeNetlink netlink;
  Batch batch;
  auto r = rule({accept()});
  ASSERT_TRUE(batch.add_rule(kTable, "c", r, "first", true));
  ASSERT_TRUE(batch.add_rule(kTable, "c", r, "second"));
  ASSERT_TRUE(batch.add_rule(kTable, "c", r, "third", true));
  auto replies = netlink.send(batch);
  ASSERT_TRUE(replies);
  // Every rule takes a handle, echoed or not, as in the kernel.
  EXPECT_EQ(*replies, (std::vector<Reply>{{1}, {std::nullopt}, {3}}));
  EXPECT_EQ(netlink.sent()[0][0], "add rule inet firewalld c [ immediate reg 0 accept ] (echo)");
}

// As the kernel's nf_tables_alloc_handle(): the chains, sets and rules of a table share one
// count, which starts over for a table the batch deletes and creates again.
TEST(FakeNetlink, HandlesCountEveryObjectOfATableFromItsCreation) {
  FakeNetlink netlink;
  Batch first;
  auto r = rule({accept()});
  ASSERT_TRUE(first.add_rule(kTable, "c", r, "rule", true));
  ASSERT_TRUE(netlink.send(first));
  Batch again;
  ASSERT_TRUE(add_remove_table(again, kTable));
  ASSERT_TRUE(again.add_table(kTable));
  ASSERT_TRUE(again.add_chain(kTable, compiler::Chain{"c", std::nullopt, {}}));
  ASSERT_TRUE(again.add_rule(kTable, "c", r, "rule", true));
  auto replies = netlink.send(again);
  ASSERT_TRUE(replies);
  EXPECT_EQ(replies->back().handle, 2u);  // the chain took 1
}

TEST(FakeNetlink, EmptyBatchIsNotSent) {
  FakeNetlink netlink;
  EXPECT_TRUE(netlink.send(Batch{}));
  EXPECT_TRUE(netlink.sent().empty());
}

}  // namespace
}  // namespace fwctl::nft
