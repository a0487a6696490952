// KernelRuleset against FakeNetlink: what a runtime change sends, and that a refused batch
// changes nothing.

#include "core/kernel_ruleset.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>

#include "compiler/test_support.hpp"
#include "nft/fake_netlink.hpp"

namespace fwctl::core {
namespace {

class KernelRulesetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = compiler::testing::stock_config();
    config_.conf.default_zone = "public";
    config_.zones["public"].value.interfaces = {"eth0"};
    model::IpSet set;
    set.type = "hash:ip";
    set.entries = {"10.0.0.1", "10.0.0.3"};
    config_.ipsets["foo"].value = set;
    config_.zones["work"].value.sources = {model::ZoneSource{"", "", "foo"}};
    ASSERT_TRUE(kernel_.load(compiled()));
  }

  compiler::Ruleset compiled() {
    auto ruleset = compiler::compile(config_, compiler::bindings_from_config(config_));
    if (!ruleset) {
      ADD_FAILURE() << ruleset.error().message();
      return {};
    }
    return std::move(*ruleset);
  }

  Status apply(const ChangeScope* scope = nullptr) { return kernel_.apply(compiled(), scope); }
  const std::vector<std::string>& last_batch() const { return netlink_.sent().back(); }

  model::Config config_;
  nft::FakeNetlink netlink_;
  KernelRuleset kernel_{netlink_};
};

// tcp dport 8080 accept, as the fake describes it.
const std::string kPort8080 =
    "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x00000006 ] "
    "[ payload load 2b @ transport header + 2 => reg 1 ] [ cmp eq reg 1 0x0000901f ] "
    "[ immediate reg 0 accept ]";

// A whole load echoes only its first and last rule: the other handles are predicted as the
// kernel numbers a new table's objects (the fake numbers them so too).
TEST_F(KernelRulesetTest, LoadPredictsEveryRuleHandleAndEchoesTheFirstAndLast) {
  const auto& load = netlink_.sent().at(0);
  EXPECT_EQ(load.at(0), "add table inet firewalld");
  std::vector<size_t> echoed;
  size_t rules = 0;
  for (const auto& line : load) {
    if (!line.starts_with("add rule")) continue;
    if (line.ends_with("(echo)")) echoed.push_back(rules);
    ++rules;
  }
  ASSERT_GT(rules, 2u);
  EXPECT_EQ(echoed, (std::vector<size_t>{0, rules - 1}));
  std::vector<uint64_t> all;
  for (const auto& chain : kernel_.ruleset().tables.at(0).chains) {
    const auto* handles = kernel_.handles("firewalld", chain.name);
    ASSERT_NE(handles, nullptr) << chain.name;
    EXPECT_EQ(handles->size(), chain.rules.size()) << chain.name;
    all.insert(all.end(), handles->begin(), handles->end());
  }
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());  // no two alike
  for (uint64_t h : all) EXPECT_NE(h, 0u);
}

// A kernel that numbers differently from the prediction: the echoed ends contradict it, the
// handles are not used, and the next change replaces the table whole instead of deleting a
// wrong rule by handle.
TEST_F(KernelRulesetTest, APredictionTheEchoContradictsIsNotUsed) {
  netlink_.skew_handles(7);
  ASSERT_TRUE(kernel_.load(compiled()));
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch().at(0), "add table inet firewalld");
  EXPECT_EQ(last_batch().at(1), "delete table inet firewalld");
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, AddingAPortSendsExactlyOneRuleMessage) {
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch(),
            std::vector<std::string>{"add rule inet firewalld filter_IN_public_allow " + kPort8080 +
                                     " (echo)"});
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, RemovingAPortSendsOneDeleteByTheEchoedHandle) {
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(apply());
  uint64_t handle = kernel_.handles("firewalld", "filter_IN_public_allow")->back();
  config_.zones["public"].value.ports.clear();
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch(),
            std::vector<std::string>{"delete rule inet firewalld filter_IN_public_allow handle " +
                                     std::to_string(handle)});
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, RuleAddedInTheMiddleIsInsertedInFrontOfTheNextKeptRule) {
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(apply());
  uint64_t port_rule = kernel_.handles("firewalld", "filter_IN_public_allow")->back();
  config_.zones["public"].value.services.push_back("http");  // services come before ports
  ASSERT_TRUE(apply());
  ASSERT_EQ(last_batch().size(), 1u);
  EXPECT_TRUE(
      last_batch()[0].starts_with("insert rule inet firewalld filter_IN_public_allow "
                                  "position " +
                                  std::to_string(port_rule) + " "))
      << last_batch()[0];
  const auto& handles = *kernel_.handles("firewalld", "filter_IN_public_allow");
  EXPECT_EQ(handles.back(), port_rule);
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, IpsetEntryIsOneElementMessage) {
  config_.ipsets["foo"].value.entries.push_back("10.0.0.5");
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch(),
            std::vector<std::string>{"add element inet firewalld foo { 0a000005, 0a000006 end }"});
  config_.ipsets["foo"].value.entries = {"10.0.0.1", "10.0.0.5"};
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch(), std::vector<std::string>{
                              "delete element inet firewalld foo { 0a000003, 0a000004 end }"});
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, UnchangedRulesetSendsNothing) {
  size_t batches = netlink_.sent().size();
  ASSERT_TRUE(apply());
  EXPECT_EQ(netlink_.sent().size(), batches);
}

TEST_F(KernelRulesetTest, RefusedBatchChangesNothingAndNamesTheRule) {
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(apply());
  auto before = kernel_.ruleset();
  auto handles = *kernel_.handles("firewalld", "filter_IN_public_allow");
  config_.zones["public"].value.ports = {{"8081", "tcp"}};
  netlink_.fail_at(1, ENOENT);  // the add after the delete
  auto status = apply();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Code::COMMAND_FAILED);
  EXPECT_TRUE(status.error().detail.starts_with("chain 'filter_IN_public_allow' rule "))
      << status.error().detail;
  EXPECT_TRUE(status.error().detail.ends_with(": tcp dport 8081 accept: No such file or directory"))
      << status.error().detail;
  EXPECT_EQ(kernel_.ruleset(), before);
  EXPECT_EQ(*kernel_.handles("firewalld", "filter_IN_public_allow"), handles);
  // The same change again: the same batch, now accepted.
  auto refused = last_batch();
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch(), refused);
}

// `nft flush ruleset` by another program: the delta finds nothing to change, and the change is
// loaded whole instead, which restores the table (README, "Reliability").
TEST_F(KernelRulesetTest, ADeltaRefusedBecauseTheTableIsGoneIsLoadedWhole) {
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  netlink_.lose_tables();
  netlink_.fail_at(0, ENOENT);
  size_t batches = netlink_.sent().size();
  ASSERT_TRUE(apply());
  ASSERT_EQ(netlink_.sent().size(), batches + 2);
  EXPECT_EQ(last_batch().at(0), "add table inet firewalld");
  EXPECT_EQ(last_batch().at(1), "delete table inet firewalld");
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
  for (uint64_t handle : *kernel_.handles("firewalld", "filter_IN_public_allow")) {
    EXPECT_NE(handle, 0u);  // predicted by the whole load: later deltas can delete them
  }
}

// A refusal with the table in place stands: one batch, no second try.
TEST_F(KernelRulesetTest, ARefusedDeltaWithTheTableInPlaceIsNotRetried) {
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  netlink_.fail_at(0, EPERM);
  size_t batches = netlink_.sent().size();
  auto before = kernel_.ruleset();
  ASSERT_FALSE(apply());
  EXPECT_EQ(netlink_.sent().size(), batches + 1);
  EXPECT_EQ(kernel_.ruleset(), before);
}

TEST_F(KernelRulesetTest, BindingAZoneCreatesItsChainsBeforeTheirRulesAndUnbindingDeletesThem) {
  config_.zones["home"].value.interfaces = {"eth1"};
  ASSERT_TRUE(apply());
  const auto& add = last_batch();
  auto first_rule = std::find_if(
      add.begin(), add.end(), [](const auto& l) { return l.find(" rule ") != std::string::npos; });
  auto last_chain = std::find_if(add.rbegin(), add.rend(), [](const auto& l) {
    return l.starts_with("add chain inet firewalld filter_IN_home");
  });
  ASSERT_NE(last_chain, add.rend());
  EXPECT_LT(last_chain.base() - add.begin(), first_rule - add.begin() + 1);
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));

  config_.zones["home"].value.interfaces.clear();
  ASSERT_TRUE(apply());
  const auto& del = last_batch();
  EXPECT_NE(std::find(del.begin(), del.end(), "delete chain inet firewalld filter_IN_home_allow"),
            del.end());
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, ScopeLimitsWhatIsComparedAndRecorded) {
  auto before = kernel_.ruleset();
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ChangeScope work{{"work"}, {}, {}, false};
  ASSERT_TRUE(apply(&work));
  EXPECT_EQ(netlink_.sent().size(), 1u) << "public is out of scope: nothing to send";
  EXPECT_EQ(kernel_.ruleset(), before) << "the state still mirrors the kernel";
  ChangeScope pub{{"public"}, {}, {}, false};
  ASSERT_TRUE(apply(&pub));
  EXPECT_EQ(last_batch().size(), 1u);
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, SetTypeChangeReplacesTheTableInOneBatch) {
  config_.ipsets["foo"].value.type = "hash:net";
  config_.ipsets["foo"].value.entries = {"10.0.0.0/8"};
  ASSERT_TRUE(apply());
  // hash:ip and hash:net are both ipv4_addr with flags interval: only elements change.
  EXPECT_EQ(last_batch().size(), 2u);
  config_.ipsets["foo"].value.type = "hash:ip,port";
  config_.ipsets["foo"].value.entries = {"10.0.0.1,tcp:80"};
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch().at(0), "add table inet firewalld");
  EXPECT_EQ(last_batch().at(1), "delete table inet firewalld");
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
  // Handles were learnt again from the replace's echo: deltas work on.
  config_.zones["public"].value.ports.push_back({"8080", "tcp"});
  ASSERT_TRUE(apply());
  EXPECT_EQ(last_batch().size(), 1u);
}

TEST_F(KernelRulesetTest, LoadReplacesWholeEvenWhenUnchanged) {
  ASSERT_TRUE(kernel_.load(compiled()));
  EXPECT_EQ(last_batch(), netlink_.sent().at(0));
}

// A whole load of an unchanged set takes the recorded elements instead of holding a second copy
// (issue 13); a refused one gives them back, and the next load sends them all again.
TEST_F(KernelRulesetTest, ARefusedReloadOfAnUnchangedSetKeepsItsElements) {
  auto before = kernel_.ruleset();
  netlink_.fail_at(3, ENOENT);
  ASSERT_FALSE(kernel_.load(compiled()));
  EXPECT_EQ(kernel_.ruleset(), before);
  ASSERT_TRUE(kernel_.load(compiled()));
  EXPECT_EQ(kernel_.ruleset(), before);
  EXPECT_EQ(last_batch(), netlink_.sent().at(0));
  const auto& set = kernel_.ruleset().tables.at(0).sets;
  auto foo = std::find_if(set.begin(), set.end(), [](const auto& s) { return s.name == "foo"; });
  ASSERT_NE(foo, set.end());
  EXPECT_EQ(foo->elements.size(), 2u);
}

// apply_splices(): the splice's rules deleted by handle and inserted in front of the rule that
// follows them, their echoed handles recorded; nothing compared.
TEST_F(KernelRulesetTest, SplicesInsertInFrontOfTheFollowingRuleAndRecordTheEchoedHandles) {
  config_.zones["public"].value.ports = {{"8080", "tcp"}, {"8081", "tcp"}};
  ASSERT_TRUE(apply());
  const std::string chain = "filter_IN_public_allow";
  auto before = *kernel_.handles("firewalld", chain);
  const auto* rules = &kernel_.table("firewalld")->find_chain(chain)->rules;
  size_t at = rules->size() - 1;  // in front of 8081's rule, as if it were 8080's successor
  compiler::Rule rule = rules->at(at - 1);
  ASSERT_TRUE(*kernel_.apply_splices("firewalld", {{chain, at, 0, {rule}}}));
  ASSERT_EQ(last_batch().size(), 1u);
  EXPECT_TRUE(last_batch()[0].starts_with("insert rule inet firewalld " + chain + " position " +
                                          std::to_string(before.back()) + " "))
      << last_batch()[0];
  EXPECT_TRUE(kernel_.last_compared().empty());
  auto after = *kernel_.handles("firewalld", chain);
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_NE(after[at], 0u);
  EXPECT_EQ(after.back(), before.back());
  // ... and the spliced rule deleted again by that handle.
  uint64_t handle = after[at];
  ASSERT_TRUE(*kernel_.apply_splices("firewalld", {{chain, at, 1, {}}}));
  EXPECT_EQ(last_batch(), std::vector<std::string>{"delete rule inet firewalld " + chain +
                                                   " handle " + std::to_string(handle)});
  EXPECT_EQ(*kernel_.handles("firewalld", chain), before);
  EXPECT_EQ(to_text(kernel_.ruleset()), to_text(compiled()));
}

TEST_F(KernelRulesetTest, ARefusedSpliceChangesNothingAndAnUnknownChainIsNoSplice) {
  auto before = kernel_.ruleset();
  const std::string chain = "filter_IN_public_allow";
  compiler::Rule rule = kernel_.table("firewalld")->find_chain(chain)->rules.at(0);
  netlink_.fail_at(0, EINVAL);
  EXPECT_FALSE(kernel_.apply_splices("firewalld", {{chain, 0, 0, {rule}}}));
  EXPECT_EQ(kernel_.ruleset(), before);
  size_t batches = netlink_.sent().size();
  auto none = kernel_.apply_splices("firewalld", {{"filter_IN_nowhere", 0, 0, {rule}}});
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  EXPECT_EQ(netlink_.sent().size(), batches);
}

}  // namespace
}  // namespace fwctl::core
