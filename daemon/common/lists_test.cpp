#include "common/lists.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace fwctl {
namespace {

// Only ==: unique_in_order() falls back to comparing pairwise.
struct Plain {
  int value;
  bool operator==(const Plain&) const = default;
};

TEST(UniqueInOrder, KeepsTheFirstOfEachValueInListOrder) {
  std::vector<std::string> list{"b", "a", "b", "c", "a", "b"};
  EXPECT_EQ(unique_in_order(list), (std::vector<std::string>{"b", "a", "c"}));
  std::vector<std::pair<std::string, std::string>> pairs{
      {"80", "tcp"}, {"80", "udp"}, {"80", "tcp"}};
  EXPECT_EQ(unique_in_order(pairs).size(), 2u);
  EXPECT_TRUE(unique_in_order(std::vector<std::string>{}).empty());
}

TEST(UniqueInOrder, ValuesWithoutAnOrderAreComparedPairwise) {
  std::vector<Plain> list{{3}, {1}, {3}, {2}, {1}};
  EXPECT_EQ(unique_in_order(list), (std::vector<Plain>{{3}, {1}, {2}}));
}

TEST(UniqueInOrder, AHundredThousandValuesWithDuplicates) {
  std::vector<std::string> list;
  for (int i = 0; i < 100000; ++i) list.push_back(std::to_string(i % 50000));
  auto out = unique_in_order(list);
  ASSERT_EQ(out.size(), 50000u);
  EXPECT_EQ(out.front(), "0");
  EXPECT_EQ(out.back(), "49999");
}

}  // namespace
}  // namespace fwctl
