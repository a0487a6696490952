// The whole ruleset of firewalld 1.3.3 on its stock configuration.

#include <gtest/gtest.h>

#include "compiler/test_support.hpp"

namespace fwctl::compiler {
namespace {

using testing::compile_text;
using testing::golden_path;
using testing::read_golden;
using testing::stock_config;

TEST(CompilerDefault, StockConfigurationGivesFirewalldsDefaultRuleset) {
  auto config = stock_config();
  EXPECT_EQ(compile_text(config, bindings_from_config(config)),
            read_golden(golden_path("default")));
}

TEST(CompilerDefault, CompilingTwiceGivesTheSameRuleset) {
  auto config = stock_config();
  auto a = compile(config, bindings_from_config(config));
  auto b = compile(config, bindings_from_config(config));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(CompilerDefault, UnknownDefaultZoneIsAnError) {
  auto config = stock_config();
  RuntimeBindings bindings;
  bindings.default_zone = "nosuchzone";
  auto result = compile(config, bindings);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Code::INVALID_ZONE);
}

}  // namespace
}  // namespace fwctl::compiler
