// firewalld 2.x's settings keys on 1.3.3's dicts: ingress_priority/egress_priority (2.0) in a
// zone's and disable (2.4) in a policy's, present only when not at their default, so that a
// firewalld 1.3.3 client reads exactly 1.3.3's dict.

#include <gtest/gtest.h>

#include "bus/config_settings.hpp"
#include "bus/policy_settings.hpp"
#include "bus/settings_dict.hpp"

namespace fwctl::bus {
namespace {

TEST(ZonePrioritySettings, KeysOnlyWhenSet) {
  model::Zone zone;
  zone.info.name = "z";
  Dict plain = permanent_zone_dict(zone);
  EXPECT_FALSE(plain.count("ingress_priority"));
  EXPECT_FALSE(plain.count("egress_priority"));
  zone.ingress_priority = -5;
  Dict set = permanent_zone_dict(zone);
  ASSERT_TRUE(set.count("ingress_priority"));
  EXPECT_EQ(set["ingress_priority"].peekValueType(), "i");
  EXPECT_EQ(set["ingress_priority"].get<int32_t>(), -5);
  EXPECT_FALSE(set.count("egress_priority"));
}

TEST(ZonePrioritySettings, UpdateTakesAndChecksThem) {
  model::Zone zone;
  zone.info.name = "z";
  ASSERT_TRUE(apply_zone_dict(zone, Dict{{"egress_priority", sdbus::Variant(int32_t{-300})}}));
  EXPECT_EQ(zone.egress_priority, -300);
  Status bad = apply_zone_dict(zone, Dict{{"ingress_priority", sdbus::Variant(int32_t{32768})}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Code::INVALID_PRIORITY);
  EXPECT_EQ(zone.ingress_priority, 0);  // nothing changed
  Status wrong =
      apply_zone_dict(zone, Dict{{"ingress_priority", sdbus::Variant(std::string("1"))}});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, Code::INVALID_TYPE);
}

TEST(PolicyDisableSettings, KeyOnlyWhenDisabled) {
  model::Policy policy;
  policy.info.name = "p";
  EXPECT_FALSE(policy_dict(policy).count("disable"));
  ASSERT_TRUE(apply_policy_dict(policy, Dict{{"disable", sdbus::Variant(true)}}));
  EXPECT_TRUE(policy.disable);
  Dict d = policy_dict(policy);
  ASSERT_TRUE(d.count("disable"));
  EXPECT_TRUE(d["disable"].get<bool>());
}

TEST(PolicyDisableSettings, RuntimeUpdateReadsDisable) {
  auto update = policy_update(Dict{{"disable", sdbus::Variant(true)}});
  ASSERT_TRUE(update);
  ASSERT_TRUE(update->disable);
  EXPECT_TRUE(*update->disable);
}

}  // namespace
}  // namespace fwctl::bus
