// diff_rules: hunks of a shortest edit script, and its bounded fallback.

#include "core/rule_diff.hpp"

#include <gtest/gtest.h>

namespace fwctl::core {
namespace {

// Rule "n": a rule that differs from every other number's.
compiler::Rule r(int n) {
  compiler::Rule rule;
  rule.stmts.push_back(compiler::Limit{static_cast<unsigned>(n), "second"});
  return rule;
}

std::vector<compiler::Rule> rules(std::initializer_list<int> numbers) {
  std::vector<compiler::Rule> out;
  for (int n : numbers) out.push_back(r(n));
  return out;
}

TEST(RuleDiff, EqualChainsHaveNoHunks) {
  EXPECT_TRUE(diff_rules(rules({1, 2, 3}), rules({1, 2, 3})).empty());
}

TEST(RuleDiff, OneAddedRuleIsOneHunkInFrontOfTheKeptRule) {
  EXPECT_EQ(diff_rules(rules({1, 2, 3}), rules({1, 2, 9, 3})), (std::vector<Hunk>{{2, 2, 2, 3}}));
  EXPECT_EQ(diff_rules(rules({1, 2}), rules({1, 2, 9})), (std::vector<Hunk>{{2, 2, 2, 3}}));
  EXPECT_EQ(diff_rules(rules({}), rules({9})), (std::vector<Hunk>{{0, 0, 0, 1}}));
}

TEST(RuleDiff, OneRemovedRuleIsOneHunk) {
  EXPECT_EQ(diff_rules(rules({1, 2, 3}), rules({1, 3})), (std::vector<Hunk>{{1, 2, 1, 1}}));
}

TEST(RuleDiff, ChangedRuleIsADeleteAndAnAdd) {
  EXPECT_EQ(diff_rules(rules({1, 2, 3}), rules({1, 7, 3})), (std::vector<Hunk>{{1, 2, 1, 2}}));
}

TEST(RuleDiff, ScatteredChangesKeepTheRulesBetweenThem) {
  // 1 2 3 4 5 6 -> 1 8 3 4 6 9: 2 becomes 8, 5 goes, 9 comes at the end.
  EXPECT_EQ(diff_rules(rules({1, 2, 3, 4, 5, 6}), rules({1, 8, 3, 4, 6, 9})),
            (std::vector<Hunk>{{1, 2, 1, 2}, {4, 5, 4, 4}, {6, 6, 5, 6}}));
}

TEST(RuleDiff, MovedRuleIsOneDeleteAndOneAdd) {
  auto hunks = diff_rules(rules({1, 2, 3, 4}), rules({2, 3, 4, 1}));
  size_t deleted = 0, added = 0;
  for (const auto& h : hunks) deleted += h.old_end - h.old_begin, added += h.new_end - h.new_begin;
  EXPECT_EQ(deleted, 1u);
  EXPECT_EQ(added, 1u);
}

TEST(RuleDiff, TooManyEditsBecomeOneHunkOverTheMiddle) {
  std::vector<compiler::Rule> old, next;
  old.push_back(r(0));
  next.push_back(r(0));
  for (int i = 1; i <= kMaxDiffEdits; ++i) {
    old.push_back(r(i));
    next.push_back(r(100000 + i));
  }
  old.push_back(r(-1));
  next.push_back(r(-1));
  size_t n = old.size();
  EXPECT_EQ(diff_rules(old, next), (std::vector<Hunk>{{1, n - 1, 1, n - 1}}));
}

}  // namespace
}  // namespace fwctl::core
