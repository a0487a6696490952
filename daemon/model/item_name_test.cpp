// Item names. The table is what firewalld 1.3.3's check_name() of each kind (io_object.py,
// zone.py, policy.py) says about the same names.

#include "model/item_name.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

struct GoodName {
  std::string_view kind;
  std::string_view name;
};

struct BadName {
  std::string_view kind;
  std::string_view name;
  std::string_view detail;
};

TEST(ItemName, AcceptsWhatEachKindAllows) {
  const GoodName cases[] = {
      {"zone", "public"},
      {"zone", "my_zone-1"},
      {"zone", "a/b"},
      {"zone", "aaaaaaaaaaaaaaaaa"},
      {"zone", "aaaaaaaaaaaaaaaaa/x"},
      {"zone", "zöne"},
      {"zone", "a_b"},
      {"zone", "中文"},
      {"policy", "public"},
      {"policy", "my_zone-1"},
      {"policy", "a/b"},
      {"policy", "aaaaaaaaaaaaaaaaa"},
      {"policy", "aaaaaaaaaaaaaaaaaa"},
      {"policy", "aaaaaaaaaaaaaaaaa/x"},
      {"policy", "aaaaaaaaaaaaaaaaaa/x"},
      {"policy", "zöne"},
      {"policy", "a_b"},
      {"policy", "中文"},
      {"policy", "éééééééééééééééééé"},
      {"service", "public"},
      {"service", "my_zone-1"},
      {"service", "aaaaaaaaaaaaaaaaa"},
      {"service", "aaaaaaaaaaaaaaaaaa"},
      {"service", "aaaaaaaaaaaaaaaaaaa"},
      {"service", "zöne"},
      {"service", "a_b"},
      {"service", "中文"},
      {"service", "éééééééééééééééééé"},
      {"ipset", "public"},
      {"ipset", "my_zone-1"},
      {"ipset", "aaaaaaaaaaaaaaaaa"},
      {"ipset", "aaaaaaaaaaaaaaaaaa"},
      {"ipset", "aaaaaaaaaaaaaaaaaaa"},
      {"ipset", "zöne"},
      {"ipset", "zone.1"},
      {"ipset", "a:b"},
      {"ipset", "a_b"},
      {"ipset", "Q.931"},
      {"ipset", "中文"},
      {"ipset", "éééééééééééééééééé"},
      {"icmptype", "public"},
      {"icmptype", "my_zone-1"},
      {"icmptype", "aaaaaaaaaaaaaaaaa"},
      {"icmptype", "aaaaaaaaaaaaaaaaaa"},
      {"icmptype", "aaaaaaaaaaaaaaaaaaa"},
      {"icmptype", "zöne"},
      {"icmptype", "a_b"},
      {"icmptype", "中文"},
      {"icmptype", "éééééééééééééééééé"},
      {"helper", "public"},
      {"helper", "aaaaaaaaaaaaaaaaa"},
      {"helper", "aaaaaaaaaaaaaaaaaa"},
      {"helper", "aaaaaaaaaaaaaaaaaaa"},
      {"helper", "zöne"},
      {"helper", "zone.1"},
      {"helper", "Q.931"},
      {"helper", "中文"},
      {"helper", "éééééééééééééééééé"},
  };
  for (const GoodName& c : cases) {
    auto status = check_item_name(c.kind, c.name);
    EXPECT_TRUE(status) << c.kind << " '" << c.name
                        << "': " << (status ? "" : status.error().detail);
  }
}

TEST(ItemName, RefusesWithFirewalldsDetail) {
  const BadName cases[] = {
      {"zone", "/a", "Zone '/a': name can't start with '/'"},
      {"zone", "a/", "Zone 'a/': name can't end with '/'"},
      {"zone", "a/b/c", "Zone 'a/b/c': name has more than one '/'"},
      {"zone", "aaaaaaaaaaaaaaaaaa", "Zone 'aaaaaaaaaaaaaaaaaa': name has 18 chars, max is 17"},
      {"zone", "aaaaaaaaaaaaaaaaaaa", "Zone 'aaaaaaaaaaaaaaaaaaa': name has 19 chars, max is 17"},
      {"zone", "aaaaaaaaaaaaaaaaaa/x", "Zone 'aaaaaaaaaaaaaaaaaa/x': name has 18 chars, max is 17"},
      {"zone", "", "name can't be empty"},
      {"zone", "my zone", "' ' is not allowed in 'my zone'"},
      {"zone", "zone.1", "'.' is not allowed in 'zone.1'"},
      {"zone", "a:b", "':' is not allowed in 'a:b'"},
      {"zone", "Q.931", "'.' is not allowed in 'Q.931'"},
      {"zone", "a+b", "'+' is not allowed in 'a+b'"},
      {"zone", "a\u00a0b", "'\u00a0' is not allowed in 'a\u00a0b'"},
      {"zone", "éééééééééééééééééé", "Zone 'éééééééééééééééééé': name has 18 chars, max is 17"},
      {"policy", "/a", "Policy '/a': name can't start with '/'"},
      {"policy", "a/", "Policy 'a/': name can't end with '/'"},
      {"policy", "a/b/c", "Policy 'a/b/c': name has more than one '/'"},
      {"policy", "aaaaaaaaaaaaaaaaaaa",
       "Policy 'aaaaaaaaaaaaaaaaaaa': name has 19 chars, max is 18"},
      {"policy", "", "name can't be empty"},
      {"policy", "my zone", "' ' is not allowed in 'my zone'"},
      {"policy", "zone.1", "'.' is not allowed in 'zone.1'"},
      {"policy", "a:b", "':' is not allowed in 'a:b'"},
      {"policy", "Q.931", "'.' is not allowed in 'Q.931'"},
      {"policy", "a+b", "'+' is not allowed in 'a+b'"},
      {"policy", "a\u00a0b", "'\u00a0' is not allowed in 'a\u00a0b'"},
      {"service", "a/b", "'/' is not allowed in 'a/b'"},
      {"service", "/a", "'/' is not allowed in '/a'"},
      {"service", "a/", "'/' is not allowed in 'a/'"},
      {"service", "a/b/c", "'/' is not allowed in 'a/b/c'"},
      {"service", "aaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaa/x'"},
      {"service", "aaaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaaa/x'"},
      {"service", "", "name can't be empty"},
      {"service", "my zone", "' ' is not allowed in 'my zone'"},
      {"service", "zone.1", "'.' is not allowed in 'zone.1'"},
      {"service", "a:b", "':' is not allowed in 'a:b'"},
      {"service", "Q.931", "'.' is not allowed in 'Q.931'"},
      {"service", "a+b", "'+' is not allowed in 'a+b'"},
      {"service", "a\u00a0b", "'\u00a0' is not allowed in 'a\u00a0b'"},
      {"ipset", "a/b", "'/' is not allowed in 'a/b'"},
      {"ipset", "/a", "'/' is not allowed in '/a'"},
      {"ipset", "a/", "'/' is not allowed in 'a/'"},
      {"ipset", "a/b/c", "'/' is not allowed in 'a/b/c'"},
      {"ipset", "aaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaa/x'"},
      {"ipset", "aaaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaaa/x'"},
      {"ipset", "", "name can't be empty"},
      {"ipset", "my zone", "' ' is not allowed in 'my zone'"},
      {"ipset", "a+b", "'+' is not allowed in 'a+b'"},
      {"ipset", "a\u00a0b", "'\u00a0' is not allowed in 'a\u00a0b'"},
      {"icmptype", "a/b", "'/' is not allowed in 'a/b'"},
      {"icmptype", "/a", "'/' is not allowed in '/a'"},
      {"icmptype", "a/", "'/' is not allowed in 'a/'"},
      {"icmptype", "a/b/c", "'/' is not allowed in 'a/b/c'"},
      {"icmptype", "aaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaa/x'"},
      {"icmptype", "aaaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaaa/x'"},
      {"icmptype", "", "name can't be empty"},
      {"icmptype", "my zone", "' ' is not allowed in 'my zone'"},
      {"icmptype", "zone.1", "'.' is not allowed in 'zone.1'"},
      {"icmptype", "a:b", "':' is not allowed in 'a:b'"},
      {"icmptype", "Q.931", "'.' is not allowed in 'Q.931'"},
      {"icmptype", "a+b", "'+' is not allowed in 'a+b'"},
      {"icmptype", "a\u00a0b", "'\u00a0' is not allowed in 'a\u00a0b'"},
      {"helper", "my_zone-1", "'_' is not allowed in 'my_zone-1'"},
      {"helper", "a/b", "'/' is not allowed in 'a/b'"},
      {"helper", "/a", "'/' is not allowed in '/a'"},
      {"helper", "a/", "'/' is not allowed in 'a/'"},
      {"helper", "a/b/c", "'/' is not allowed in 'a/b/c'"},
      {"helper", "aaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaa/x'"},
      {"helper", "aaaaaaaaaaaaaaaaaa/x", "'/' is not allowed in 'aaaaaaaaaaaaaaaaaa/x'"},
      {"helper", "", "name can't be empty"},
      {"helper", "my zone", "' ' is not allowed in 'my zone'"},
      {"helper", "a:b", "':' is not allowed in 'a:b'"},
      {"helper", "a_b", "'_' is not allowed in 'a_b'"},
      {"helper", "a+b", "'+' is not allowed in 'a+b'"},
      {"helper", "a\u00a0b", "'\u00a0' is not allowed in 'a\u00a0b'"},
  };
  for (const BadName& c : cases) {
    auto status = check_item_name(c.kind, c.name);
    ASSERT_FALSE(status) << c.kind << " '" << c.name << "'";
    EXPECT_EQ(status.error().code, Code::INVALID_NAME) << c.kind << " '" << c.name << "'";
    EXPECT_EQ(status.error().detail, c.detail) << c.kind << " '" << c.name << "'";
  }
}

TEST(ItemName, AllowsOnlyLettersAndDigitsForAnUnknownKind) {
  EXPECT_TRUE(check_item_name("direct", "abc1"));
  EXPECT_FALSE(check_item_name("direct", "a-b"));
}

TEST(ItemName, RefusesMalformedUtf8) {
  EXPECT_FALSE(check_item_name("service", "a\xff"));
  EXPECT_FALSE(check_item_name("service", "a\xc3"));
}

}  // namespace
}  // namespace fwctl::model
