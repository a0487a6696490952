// PanicMode alone: the change it describes, the refusals, and where the panic table goes.

#include "core/panic_mode.hpp"

#include <gtest/gtest.h>

#include "compiler/panic.hpp"

namespace fwctl::core {
namespace {

TEST(PanicModeTest, DescribesTheChangeAndChangesOnlyWhenAdopted) {
  PanicMode panic;
  EXPECT_TRUE(panic.check());
  EXPECT_EQ(panic.change_to(false).error().code, Code::NOT_ENABLED);
  auto change = panic.change_to(true);
  ASSERT_TRUE(change);
  EXPECT_EQ(change->panic, std::optional<bool>(true));
  EXPECT_FALSE(change->refused_in_panic);  // turning it off must stay possible
  EXPECT_FALSE(panic.on());                // not before the commit point adopts it
  panic.adopt(true);
  EXPECT_EQ(panic.check().error().code, Code::PANIC_MODE);
  EXPECT_EQ(panic.change_to(true).error().detail, "panic mode already enabled");
  EXPECT_EQ(panic.change_to(false)->panic, std::optional<bool>(false));
}

TEST(PanicModeTest, PutsThePanicTableFirstWhenOn) {
  compiler::Ruleset ruleset;
  ruleset.tables.push_back(compiler::Table{});
  ruleset.tables.back().name = "firewalld";
  PanicMode panic;
  EXPECT_EQ(panic.with_state(ruleset).tables.size(), 1u);
  panic.adopt(true);
  auto with = panic.with_state(ruleset);
  ASSERT_EQ(with.tables.size(), 2u);
  EXPECT_TRUE(compiler::is_panic_table(with.tables[0]));
  EXPECT_EQ(with.tables[1].name, "firewalld");
}

}  // namespace
}  // namespace fwctl::core
