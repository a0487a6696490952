// ReloadPolicy and NftablesFlowtable values, as firewalld 2.x reads them.

#include "model/firewalld_conf.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

std::string reload_policy_text(const char* value) {
  auto policy = parse_reload_policy(value);
  return policy ? to_string(*policy) : "invalid";
}

// firewalld's src/tests/unit/test_firewalld_conf.py (test_parse_reload_policy), on our parser.
TEST(ReloadPolicy, ReadsAsFirewalld2xDoes) {
  EXPECT_EQ(reload_policy_text(""), "INPUT:DROP,FORWARD:DROP,OUTPUT:DROP");
  EXPECT_EQ(reload_policy_text("accept"), "INPUT:ACCEPT,FORWARD:ACCEPT,OUTPUT:ACCEPT");
  EXPECT_EQ(reload_policy_text(" REJECT "), "INPUT:REJECT,FORWARD:REJECT,OUTPUT:REJECT");
  EXPECT_EQ(reload_policy_text("INPUT:REJECT,FORWARD:ACCEPT"),
            "INPUT:REJECT,FORWARD:ACCEPT,OUTPUT:DROP");
  EXPECT_EQ(reload_policy_text("forward=accept; input : reject ,,"),
            "INPUT:REJECT,FORWARD:ACCEPT,OUTPUT:DROP");
  EXPECT_EQ(reload_policy_text("OUTPUT:ACCEPT,OUTPUT:REJECT"),
            "INPUT:DROP,FORWARD:DROP,OUTPUT:REJECT");
}

TEST(ReloadPolicy, RefusesWhatFirewalld2xRefuses) {
  for (const char* bad : {"PANIC", "INPUT", "INPUT:", "INPUT:DROP:DROP", "PREROUTING:DROP",
                          "INPUT:DROP,FORWARD:maybe", "INPUT:DROP FORWARD:DROP"}) {
    EXPECT_EQ(reload_policy_text(bad), "invalid") << bad;
  }
}

TEST(Flowtable, OffOrInterfaceNames) {
  EXPECT_EQ(flowtable_devices("off"), std::vector<std::string>{});
  EXPECT_EQ(flowtable_devices(" eth0\teth1 "), (std::vector<std::string>{"eth0", "eth1"}));
  EXPECT_TRUE(valid_flowtable("off"));
  EXPECT_TRUE(valid_flowtable("eth0 veth-a.1"));
  EXPECT_FALSE(valid_flowtable(""));
  EXPECT_FALSE(valid_flowtable("  "));
  EXPECT_FALSE(valid_flowtable("eth0 bad/name"));
  EXPECT_FALSE(valid_flowtable("averyveryverylongname"));  // more than IFNAMSIZ - 1
}

}  // namespace
}  // namespace fwctl::model
