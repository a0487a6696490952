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

}  // namespace
}  // namespace fwctl::bus
