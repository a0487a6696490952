#include "bus/authorizer.hpp"

#include <gtest/gtest.h>

namespace fwctl::bus {
namespace {

TEST(PolkitAction, IsFirewalldsActionOfTheMethod) {
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1.zone", "addPort"),
            "org.fedoraproject.FirewallD1.config");
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1.zone", "getZones"),
            "org.fedoraproject.FirewallD1.info");
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1.zone", "getZoneSettings2"),
            "org.fedoraproject.FirewallD1.config.info");
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1.direct", "passthrough"),
            "org.fedoraproject.FirewallD1.direct");
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1", "authorizeAll"),
            "org.fedoraproject.FirewallD1.all");
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1.config.zone", "addPort"),
            "org.fedoraproject.FirewallD1.config");
}

TEST(PolkitAction, IsEmptyForAnUnknownMethod) {
  EXPECT_EQ(polkit_action("org.fedoraproject.FirewallD1.zone", "addPorts"), "");
  EXPECT_EQ(polkit_action("org.example", "addPort"), "");
}

TEST(Decide, Uid0PassesWithOrWithoutPolkit) {
  std::string_view how;
  EXPECT_TRUE(decide(0, {.polkit_missing = true}, how));
  EXPECT_TRUE(decide(0, {.polkit_missing = false, .authorized = false}, how));
}

TEST(Decide, OtherUidsNeedPolkitsYes) {
  std::string_view how;
  EXPECT_FALSE(decide(1000, {.polkit_missing = true}, how));
  EXPECT_EQ(how, "uid");
  EXPECT_FALSE(decide(1000, {.polkit_missing = false, .authorized = false}, how));
  EXPECT_EQ(how, "polkit");
  EXPECT_TRUE(decide(1000, {.polkit_missing = false, .authorized = true}, how));
}

TEST(NotAuthorized, IsFirewalldsException) {
  auto e = not_authorized("org.fedoraproject.FirewallD1.config", "uid");
  EXPECT_EQ(e.getName(), "org.fedoraproject.FirewallD1.NotAuthorizedException");
  EXPECT_EQ(e.getMessage(), "Not Authorized(uid): org.fedoraproject.FirewallD1.config");
}

TEST(UidCache, KnowsTheSendersItWasToldOf) {
  UidCache cache;
  EXPECT_EQ(cache.find(":1.7"), std::nullopt);
  cache.put(":1.7", 1000);
  cache.put(":1.8", 0);
  EXPECT_EQ(cache.find(":1.7"), 1000u);
  EXPECT_EQ(cache.find(":1.8"), 0u);
  EXPECT_EQ(cache.find(":1.70"), std::nullopt);
}

TEST(UidCache, ForgetsTheOldestSenderWhenFull) {
  UidCache cache(2);
  cache.put(":1.1", 1);
  cache.put(":1.2", 2);
  cache.put(":1.3", 3);  // takes :1.1's place
  EXPECT_EQ(cache.find(":1.1"), std::nullopt);
  EXPECT_EQ(cache.find(":1.2"), 2u);
  EXPECT_EQ(cache.find(":1.3"), 3u);
  cache.put(":1.4", 4);  // then :1.2's
  EXPECT_EQ(cache.find(":1.2"), std::nullopt);
  EXPECT_EQ(cache.find(":1.3"), 3u);
  EXPECT_EQ(cache.find(":1.4"), 4u);
}

}  // namespace
}  // namespace fwctl::bus
