// Panic mode's table against what firewalld 1.3.3 lists with panic on (tests/golden/panic_on.nft).

#include "compiler/panic.hpp"

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::golden_path;
using testing::read_golden;
using testing::stock_config;

Ruleset stock_ruleset() {
  auto config = stock_config();
  auto ruleset = compile(config, bindings_from_config(config));
  if (!ruleset) {
    ADD_FAILURE() << ruleset.error().message();
    return {};
  }
  return *ruleset;
}

TEST(CompilerPanic, DefaultRulesetWithPanicPrintsAsFirewalldWithPanicOn) {
  EXPECT_EQ(to_text(with_panic(stock_ruleset())), read_golden(golden_path("panic_on")));
}

TEST(CompilerPanic, PanicTableDropsAtPreroutingAndOutputBeforeFirewalldsRawChains) {
  EXPECT_EQ(to_text(panic_table()),
            "table inet firewalld_policy_drop {\n"
            "\tchain raw_prerouting {\n"
            "\t\ttype filter hook prerouting priority raw + 9; policy drop;\n"
            "\t}\n"
            "\n"
            "\tchain raw_output {\n"
            "\t\ttype filter hook output priority raw + 9; policy drop;\n"
            "\t}\n"
            "}\n");
  for (const auto& chain : panic_table().chains) EXPECT_TRUE(chain.rules.empty()) << chain.name;
}

TEST(CompilerPanic, PanicOffLeavesExactlyTheRulesetBeforePanicOn) {
  auto before = stock_ruleset();
  EXPECT_EQ(without_panic(with_panic(before)), before);
  EXPECT_EQ(to_text(without_panic(with_panic(before))), read_golden(golden_path("default")));
}

TEST(CompilerPanic, PanicOnTwiceAddsOneTable) {
  auto once = with_panic(stock_ruleset());
  EXPECT_EQ(with_panic(once), once);
}

TEST(CompilerPanic, PanicOffWithoutPanicChangesNothing) {
  auto before = stock_ruleset();
  EXPECT_EQ(without_panic(before), before);
}

TEST(CompilerPanic, OnlyThePanicTableIsThePanicTable) {
  EXPECT_TRUE(is_panic_table(panic_table()));
  Table firewalld;
  firewalld.name = kTableName;
  EXPECT_FALSE(is_panic_table(firewalld));
  Table ip_family = panic_table();
  ip_family.family = "ip";
  EXPECT_FALSE(is_panic_table(ip_family));
}

}  // namespace
}  // namespace fwctl::compiler
