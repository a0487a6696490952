// ChangeScope: which chains belong to which zone or policy.

#include "core/change_scope.hpp"

#include <gtest/gtest.h>

namespace fwctl::core {
namespace {

TEST(ChangeScope, ChainOwnerIsTheZoneOrPolicyInTheName) {
  EXPECT_EQ(chain_owner("filter_IN_public"), "public");
  EXPECT_EQ(chain_owner("filter_IN_public_allow"), "public");
  EXPECT_EQ(chain_owner("nat_POST_work_post"), "work");
  EXPECT_EQ(chain_owner("mangle_PRE_policy_allow-host-ipv6_pre"), "policy_allow-host-ipv6");
  EXPECT_EQ(chain_owner("filter_INPUT"), "");
  EXPECT_EQ(chain_owner("filter_INPUT_ZONES"), "");
  EXPECT_EQ(chain_owner("nat_POSTROUTING_POLICIES_post"), "");
}

TEST(ChangeScope, CoversTheChainsOfItsZonesAndPolicies) {
  ChangeScope scope{{"public"}, {"fwd"}, {"foo"}, false};
  EXPECT_TRUE(scope.covers_chain("filter_IN_public_deny"));
  EXPECT_TRUE(scope.covers_chain("filter_FWD_policy_fwd_allow"));
  EXPECT_FALSE(scope.covers_chain("filter_IN_work_allow"));
  EXPECT_FALSE(scope.covers_chain("filter_IN_policy_public"));
  EXPECT_FALSE(scope.covers_chain("filter_INPUT_ZONES"));
  EXPECT_TRUE(scope.covers_set("foo"));
  EXPECT_FALSE(scope.covers_set("bar"));
}

TEST(ChangeScope, SharedChainsOnlyWhenAsked) {
  ChangeScope scope;
  scope.shared_chains = true;
  EXPECT_TRUE(scope.covers_chain("filter_INPUT_ZONES"));
  EXPECT_FALSE(scope.covers_chain("filter_IN_public"));
}

// A forward port added to any zone or policy adds a rule there (StrictForwardPorts).
TEST(ChangeScope, StrictForwardPortsChainsAlways) {
  ChangeScope scope{{"public"}, {}, {}, false};
  EXPECT_TRUE(scope.covers_chain("filter_FORWARD_dnat"));
  EXPECT_TRUE(scope.covers_chain("filter_INPUT_dnat"));
  EXPECT_FALSE(scope.covers_chain("filter_FORWARD"));
}

TEST(ChangeScope, ZoneNamedLikeASubChainIsCovered) {
  ChangeScope scope{{"x_allow"}, {}, {}, false};
  EXPECT_TRUE(scope.covers_chain("filter_IN_x_allow"));
  EXPECT_TRUE(scope.covers_chain("filter_IN_x_allow_deny"));
}

}  // namespace
}  // namespace fwctl::core
