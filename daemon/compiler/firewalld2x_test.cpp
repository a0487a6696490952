// firewalld 2.x features on the 1.3.3 layout (README "firewalld 2.x features"): each one is off
// by default, so the stock ruleset stays firewalld 1.3.3's golden; when on, the rules change the
// way firewalld 2.x changes them, in 1.3.3's chains.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::compile_text;
using testing::golden_path;
using testing::read_golden;
using testing::stock_config;

// The lines of `chain` in the printed ruleset, without their indentation.
std::vector<std::string> chain_lines(const std::string& text, const std::string& chain) {
  std::vector<std::string> lines;
  size_t at = text.find("\tchain " + chain + " {\n");
  if (at == std::string::npos) return lines;
  at = text.find('\n', at) + 1;
  for (size_t end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
    std::string line = text.substr(at, end - at);
    line.erase(0, line.find_first_not_of('\t'));
    if (line == "}") break;
    if (line.rfind("type ", 0) == 0) continue;  // a base chain's hook line
    lines.push_back(line);
  }
  return lines;
}

std::string compiled(const model::Config& config) {
  return compile_text(config, bindings_from_config(config));
}

using Lines = std::vector<std::string>;

TEST(Firewalld2x, DefaultsGiveTheGoldenRuleset) {
  EXPECT_EQ(compiled(stock_config()), read_golden(golden_path("default")));
}

// firewalld's src/tests/features/nftables_counters.at, on 1.3.3's chains.
TEST(Firewalld2xCounters, PutsACounterBeforeTheLastStatementOfEveryRule) {
  auto config = stock_config();
  config.conf.nftables_counters = "Yes";
  std::string text = compiled(config);
  EXPECT_EQ(chain_lines(text, "filter_IN_public"),
            (Lines{"counter packets 0 bytes 0 jump filter_INPUT_POLICIES_pre",
                   "counter packets 0 bytes 0 jump filter_IN_public_pre",
                   "counter packets 0 bytes 0 jump filter_IN_public_log",
                   "counter packets 0 bytes 0 jump filter_IN_public_deny",
                   "counter packets 0 bytes 0 jump filter_IN_public_allow",
                   "counter packets 0 bytes 0 jump filter_IN_public_post",
                   "counter packets 0 bytes 0 jump filter_INPUT_POLICIES_post",
                   "meta l4proto { icmp, ipv6-icmp } counter packets 0 bytes 0 accept",
                   "counter packets 0 bytes 0 reject with icmpx admin-prohibited"}));
  EXPECT_EQ(chain_lines(text, "filter_IN_public_allow"),
            (Lines{"tcp dport 22 counter packets 0 bytes 0 accept",
                   "ip6 daddr fe80::/64 udp dport 546 counter packets 0 bytes 0 accept"}));
  // Every rule of the table has exactly one.
  size_t rules = 0, counters = 0;
  for (size_t at = 0; (at = text.find("counter packets 0 bytes 0", at)) != std::string::npos;) {
    ++counters;
    ++at;
  }
  auto plain = stock_config();
  auto ruleset = compile(plain, bindings_from_config(plain));
  ASSERT_TRUE(ruleset);
  for (const auto& chain : ruleset->tables[0].chains) rules += chain.rules.size();
  EXPECT_EQ(counters, rules);
}

TEST(Firewalld2xCounters, NoAndFalseLeaveTheGoldenRuleset) {
  for (const char* off : {"no", "False"}) {
    auto config = stock_config();
    config.conf.nftables_counters = off;
    EXPECT_EQ(compiled(config), read_golden(golden_path("default"))) << off;
  }
}

}  // namespace
}  // namespace fwctl::compiler
