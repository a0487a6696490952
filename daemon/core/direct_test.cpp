#include "core/direct.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace fwctl::core {
namespace {

// Records every command; answers from a queue of outputs (status 0, "" when empty).
class FakeRunner final : public CommandRunner {
 public:
  struct Call {
    std::string program;
    std::vector<std::string> args;
    std::string input;
  };
  CommandOutput run(const std::string& program, const std::vector<std::string>& args,
                    const std::string& input) override {
    calls.push_back({program, args, input});
    if (answers.empty()) return {};
    CommandOutput out = answers.front();
    answers.pop_front();
    return out;
  }
  std::vector<Call> calls;
  std::deque<CommandOutput> answers;
};

class DirectTest : public ::testing::Test {
 protected:
  DirectTest() : direct_([](const std::string& name) { return name == "public"; }) {
    direct_.set_runner(&runner_);
  }
  FakeRunner runner_;
  Direct direct_;
};

TEST_F(DirectTest, AddChainRunsIptablesRestoreAndTracksTheChain) {
  ASSERT_TRUE(direct_.add_chain("ipv4", "filter", "mychain"));
  ASSERT_EQ(runner_.calls.size(), 1u);
  EXPECT_EQ(runner_.calls[0].program, "/usr/sbin/iptables-restore");
  EXPECT_EQ(runner_.calls[0].args, (std::vector<std::string>{"-w", "-n"}));
  EXPECT_EQ(runner_.calls[0].input, "*filter\n-N mychain\nCOMMIT\n");
  EXPECT_TRUE(*direct_.query_chain("ipv4", "filter", "mychain"));
  EXPECT_EQ(*direct_.chains("ipv4", "filter"), (std::vector<std::string>{"mychain"}));
  Status again = direct_.add_chain("ipv4", "filter", "mychain");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message(),
            "ALREADY_ENABLED: chain 'mychain' already is in 'ipv4:filter'");
  ASSERT_TRUE(direct_.remove_chain("ipv4", "filter", "mychain"));
  EXPECT_EQ(runner_.calls.back().input, "*filter\n-X mychain\nCOMMIT\n");
  EXPECT_FALSE(*direct_.query_chain("ipv4", "filter", "mychain"));
}

TEST_F(DirectTest, ReservedChainNamesAreRefusedBeforeAnythingRuns) {
  EXPECT_EQ(direct_.add_chain("ipv4", "filter", "INPUT").error().message(),
            "BUILTIN_CHAIN: chain 'INPUT' is built-in chain");
  EXPECT_EQ(direct_.add_chain("ipv4", "filter", "IN_public_allow").error().message(),
            "INVALID_CHAIN: Chain 'IN_public_allow' is reserved");
  EXPECT_TRUE(direct_.add_chain("ipv4", "filter", "IN_nozone"));
  EXPECT_EQ(direct_.add_chain("eb", "filter", "INPUT_direct").error().message(),
            "BUILTIN_CHAIN: chain 'INPUT_direct' is reserved");
  EXPECT_EQ(direct_.query_chain("ipv4", "filter", "OUTPUT").error().code, Code::BUILTIN_CHAIN);
  EXPECT_EQ(runner_.calls.size(), 1u);
}

TEST_F(DirectTest, RulesGoWhereTheirPriorityPutsThem) {
  ASSERT_TRUE(direct_.add_rule({"ipv4", "filter", "INPUT", 1, {"-p", "tcp", "-j", "ACCEPT"}}));
  ASSERT_TRUE(
      direct_.add_rule({"ipv4", "filter", "INPUT", 0, {"-s", "1.2.3.4,5.6.7.8", "-j", "DROP"}}));
  ASSERT_TRUE(
      direct_.add_rule({"ipv4", "filter", "INPUT_direct", 0, {"-p", "udp", "-j", "ACCEPT"}}));
  ASSERT_TRUE(direct_.add_rule({"ipv4", "filter", "INPUT", 1, {"-j", "LOG"}}));
  ASSERT_EQ(runner_.calls.size(), 4u);
  EXPECT_EQ(runner_.calls[0].input, "*filter\n-I INPUT 1 -p tcp -j ACCEPT\nCOMMIT\n");
  // Split in two, both before the priority-1 rule.
  EXPECT_EQ(runner_.calls[1].input,
            "*filter\n-I INPUT 1 -s 1.2.3.4 -j DROP\n-I INPUT 2 -s 5.6.7.8 -j DROP\nCOMMIT\n");
  // INPUT_direct is INPUT itself, but counted apart as firewalld counts it.
  EXPECT_EQ(runner_.calls[2].input, "*filter\n-I INPUT 1 -p udp -j ACCEPT\nCOMMIT\n");
  // After the three rules of priority <= 1 of this chain.
  EXPECT_EQ(runner_.calls[3].input, "*filter\n-I INPUT 4 -j LOG\nCOMMIT\n");
  ASSERT_TRUE(
      direct_.remove_rule({"ipv4", "filter", "INPUT", 0, {"-s", "1.2.3.4,5.6.7.8", "-j", "DROP"}}));
  EXPECT_EQ(runner_.calls[4].input,
            "*filter\n-D INPUT -s 1.2.3.4 -j DROP\n-D INPUT -s 5.6.7.8 -j DROP\nCOMMIT\n");
  ASSERT_TRUE(direct_.add_rule({"ipv4", "filter", "INPUT", 1, {"-j", "REJECT"}}));
  EXPECT_EQ(runner_.calls[5].input, "*filter\n-I INPUT 3 -j REJECT\nCOMMIT\n");
  auto rules = *direct_.rules("ipv4", "filter", "INPUT");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].second, (std::vector<std::string>{"-p", "tcp", "-j", "ACCEPT"}));
  EXPECT_EQ(rules[2].second, (std::vector<std::string>{"-j", "REJECT"}));
}

TEST_F(DirectTest, RuleErrorsAsFirewalldWordsThem) {
  model::DirectRule rule{"ipv4", "filter", "INPUT", 0, {"-j", "DROP"}};
  EXPECT_EQ(direct_.remove_rule(rule).error().message(),
            "NOT_ENABLED: rule '('-j', 'DROP')' is not in 'ipv4:filter:INPUT'");
  ASSERT_TRUE(direct_.add_rule(rule));
  EXPECT_EQ(direct_.add_rule(rule).error().message(),
            "ALREADY_ENABLED: rule '('-j', 'DROP')' already is in 'ipv4:filter:INPUT'");
  EXPECT_EQ(direct_.add_rule({"ipv4", "foo", "c", 0, {}}).error().code, Code::INVALID_TABLE);
}

TEST_F(DirectTest, ARefusedChangeChangesNothing) {
  runner_.answers.push_back(
      {1, "iptables-restore: line 2 failed: No chain/target/match by that name.\n"});
  Status st = direct_.add_rule({"ipv4", "filter", "nochain", 0, {"-j", "DROP"}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message(),
            "COMMAND_FAILED: '/usr/sbin/iptables-restore -w -n' failed: iptables-restore: line 2 "
            "failed: No chain/target/match by that name.\n");
  EXPECT_TRUE(direct_.config().empty());
  // The failed rule took no position: the next one is inserted first.
  ASSERT_TRUE(direct_.add_rule({"ipv4", "filter", "nochain", 0, {"-j", "ACCEPT"}}));
  EXPECT_EQ(runner_.calls.back().input, "*filter\n-I nochain 1 -j ACCEPT\nCOMMIT\n");
}

TEST_F(DirectTest, PassthroughRunsTheToolAndReturnsItsOutput) {
  runner_.answers.push_back({0, "Chain INPUT (policy ACCEPT)\n"});
  EXPECT_EQ(*direct_.passthrough("ipv4", {"-t", "filter", "-L"}), "Chain INPUT (policy ACCEPT)\n");
  EXPECT_EQ(runner_.calls[0].program, "/usr/sbin/iptables");
  EXPECT_EQ(runner_.calls[0].args, (std::vector<std::string>{"-w10", "-t", "filter", "-L"}));
  runner_.answers.push_back({1, "iptables: No chain/target/match by that name.\n"});
  EXPECT_EQ(direct_.passthrough("ipv4", {"-t", "filter", "-X", "nosuch"}).error().message(),
            "COMMAND_FAILED: '/usr/sbin/iptables -w10 -t filter -X nosuch' failed: iptables: No "
            "chain/target/match by that name.\n");
  runner_.answers.push_back({255, ""});
  EXPECT_EQ(direct_.passthrough("eb", {"-L"}).error().detail, "'/usr/sbin/ebtables -L' failed: ");
  EXPECT_EQ(runner_.calls.back().args, (std::vector<std::string>{"--concurrent", "-L"}));
  EXPECT_EQ(direct_.passthrough("ipv5", {"-L"}).error().message(),
            "COMMAND_FAILED: INVALID_IPV: 'ipv5' is not a valid backend or is unavailable");
  runner_.answers.push_back({0, "bad \xff byte"});
  EXPECT_EQ(*direct_.passthrough("ipv6", {"-L"}), "bad \xEF\xBF\xBD byte");
}

TEST_F(DirectTest, TrackedPassthroughsAreCheckedAndReversed) {
  model::DirectPassthrough list{"ipv4", {"-t", "filter", "-L"}};
  EXPECT_EQ(direct_.add_passthrough(list).error().message(),
            "INVALID_PASSTHROUGH: arg '-L' is not allowed");
  EXPECT_EQ(direct_.add_passthrough({"ipv4", {"-j", "x"}}).error().message(),
            "INVALID_PASSTHROUGH: no '-A', '-I' or '-N' arg");
  model::DirectPassthrough insert{"ipv6",
                                  {"-t", "mangle", "-I", "PREROUTING", "2", "-j", "ACCEPT"}};
  ASSERT_TRUE(direct_.add_passthrough(insert));
  EXPECT_EQ(runner_.calls.back().program, "/usr/sbin/ip6tables-restore");
  EXPECT_EQ(runner_.calls.back().input, "*mangle\n-I PREROUTING 2 -j ACCEPT\nCOMMIT\n");
  EXPECT_EQ(direct_.add_passthrough(insert).error().message(),
            "ALREADY_ENABLED: passthrough 'ipv6', '['-t', 'mangle', '-I', 'PREROUTING', '2', '-j', "
            "'ACCEPT']'");
  EXPECT_TRUE(direct_.query_passthrough(insert));
  ASSERT_TRUE(direct_.remove_passthrough(insert));
  EXPECT_EQ(runner_.calls.back().input, "*mangle\n-D PREROUTING -j ACCEPT\nCOMMIT\n");
  EXPECT_FALSE(direct_.query_passthrough(insert));
  ASSERT_TRUE(direct_.add_passthrough({"ipv4", {"-A", "x", "-m", "comment", "--comment", "a b"}}));
  EXPECT_EQ(runner_.calls.back().input, "*filter\n-A x -m comment --comment \"a b\"\nCOMMIT\n");
}

TEST_F(DirectTest, EbtablesChainsGetTheirReturnRule) {
  ASSERT_TRUE(direct_.add_chain("eb", "nat", "mine"));
  EXPECT_EQ(runner_.calls[0].program, "/usr/sbin/ebtables-restore");
  EXPECT_EQ(runner_.calls[0].args, (std::vector<std::string>{"--noflush"}));
  EXPECT_EQ(runner_.calls[0].input, "*nat\n-N mine\n-I mine 1 -j RETURN\n");
}

TEST_F(DirectTest, ApplyAndClearRoundTrip) {
  model::DirectConfig config;
  config.add(model::DirectChain{"ipv4", "filter", "c"});
  config.add(model::DirectChain{"ipv4", "filter", "INPUT"});  // refused: a warning
  config.add(model::DirectRule{"ipv4", "filter", "c", 0, {"-j", "ACCEPT"}});
  config.add(model::DirectPassthrough{"ipv4", {"-A", "INPUT", "-j", "c"}});
  std::vector<Error> warnings;
  direct_.apply(config, warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, Code::BUILTIN_CHAIN);
  EXPECT_EQ(direct_.config().chains.size(), 1u);
  EXPECT_EQ(direct_.config().rules.size(), 1u);
  EXPECT_EQ(direct_.config().passthroughs.size(), 1u);
  size_t before = runner_.calls.size();
  direct_.apply(config, warnings);  // what is in force is not added again
  EXPECT_EQ(runner_.calls.size(), before);
  warnings.clear();
  direct_.clear(warnings);
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(runner_.calls.size(), before + 3);
  EXPECT_EQ(runner_.calls[before].input, "*filter\n-D INPUT -j c\nCOMMIT\n");
  EXPECT_EQ(runner_.calls[before + 1].input, "*filter\n-D c -j ACCEPT\nCOMMIT\n");
  EXPECT_EQ(runner_.calls[before + 2].input, "*filter\n-F c\n-X c\nCOMMIT\n");
  EXPECT_TRUE(direct_.config().empty());
}

// Suite case 110: firewalld logs no failing passthrough that only looks.
TEST(PassthroughIsQuery, ListAndCheckAreQueries) {
  EXPECT_TRUE(passthrough_is_query("ipv4", {"-t", "filter", "-L", "dummy"}));
  EXPECT_TRUE(passthrough_is_query("ipv6", {"-t", "filter", "--check", "x", "-j", "ACCEPT"}));
  EXPECT_TRUE(passthrough_is_query("eb", {"-t", "filter", "--list", "INPUT"}));
  EXPECT_FALSE(passthrough_is_query("eb", {"-t", "filter", "-C", "INPUT"}));
  EXPECT_FALSE(passthrough_is_query("ipv4", {"-t", "filter", "-A", "x", "-j", "ACCEPT"}));
}

TEST_F(DirectTest, ApplyAllTakesBackWhatItAddedWhenAToolRefuses) {
  model::DirectConfig config;
  config.add(model::DirectChain{"ipv4", "filter", "mine"});
  config.add(model::DirectChain{"ipv4", "filter", "INPUT"});  // refused before running: a warning
  config.add(model::DirectRule{"ipv4", "filter", "mine", 0, {"-j", "ACCEPT"}});
  config.add(model::DirectRule{"ipv4", "filter", "INPUT", 0, {"--bogus"}});
  runner_.answers = {{}, {}, {2, "bad\n"}};
  std::vector<Error> warnings;
  Status st = direct_.apply_all(config, warnings);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message(),
            "COMMAND_FAILED: '/usr/sbin/iptables-restore -w -n' failed: bad\n");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, Code::BUILTIN_CHAIN);
  EXPECT_TRUE(direct_.config().empty());
  ASSERT_EQ(runner_.calls.size(), 5u);
  EXPECT_EQ(runner_.calls[3].input, "*filter\n-D mine -j ACCEPT\nCOMMIT\n");
  EXPECT_EQ(runner_.calls[4].input, "*filter\n-X mine\nCOMMIT\n");

  warnings.clear();
  config.rules.pop_back();
  runner_.calls.clear();
  ASSERT_TRUE(direct_.apply_all(config, warnings));
  EXPECT_EQ(direct_.config().rules.size(), 1u);
  EXPECT_EQ(runner_.calls.size(), 2u);
}

}  // namespace
}  // namespace fwctl::core
