// RuntimePolicies alone: the change it describes for setPolicySettings, the no-op, the refusals,
// and which policies are active. Firewall's policy tests (firewall_policy_test) cover the part
// behind the real commit point.

#include "core/runtime_policies.hpp"

#include <gtest/gtest.h>

#include "config/loader.hpp"
#include "config/test_support.hpp"

namespace fwctl::core {
namespace {

using config::testing::TempDir;
using Strings = std::vector<std::string>;

constexpr const char* kOut =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<policy target=\"ACCEPT\">\n"
    "  <service name=\"ssh\"/>\n"
    "  <ingress-zone name=\"internal\"/>\n  <egress-zone name=\"public\"/>\n</policy>\n";

// The stock configuration and policy "out", as loaded (no Firewall).
class RuntimePoliciesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    etc_.write("policies/out.xml", kOut);
    auto loaded = config::load_config({FWCTL_SOURCE_DIR, etc_.path()});
    ASSERT_TRUE(loaded.errors.empty());
    runtime_ = std::move(loaded.config);
  }

  TempDir etc_;
  model::Config runtime_;
  compiler::RuntimeBindings bindings_;
  RuntimePolicies policies_{runtime_};
};

TEST_F(RuntimePoliciesTest, DescribesTheChangeWithoutMakingIt) {
  PolicyUpdate update;
  update.services = Strings{"http", "ssh"};
  auto change = policies_.change_settings("out", update, bindings_);
  ASSERT_TRUE(change);
  ASSERT_TRUE(*change);
  const RuntimeChange& c = **change;
  ASSERT_EQ(c.policies.count("out"), 1u);
  EXPECT_EQ(c.policies.at("out").services, (Strings{"ssh", "http"}));  // kept ones first
  EXPECT_EQ(c.scope.policies, (Strings{"out"}));
  EXPECT_TRUE(c.scope.shared_chains);
  EXPECT_TRUE(c.refused_in_panic);
  EXPECT_EQ(runtime_.policies.at("out").value.services, (Strings{"ssh"}));  // not yet
}

TEST_F(RuntimePoliciesTest, NothingToChangeIsNoChange) {
  PolicyUpdate update;
  update.services = Strings{"ssh"};
  auto change = policies_.change_settings("out", update, bindings_);
  ASSERT_TRUE(change);
  EXPECT_FALSE(*change);
}

TEST_F(RuntimePoliciesTest, RefusesBadSettings) {
  PolicyUpdate update;
  EXPECT_EQ(policies_.change_settings("nope", update, bindings_).error().code,
            Code::INVALID_POLICY);
  update.services = Strings{"nope"};
  EXPECT_EQ(policies_.change_settings("out", update, bindings_).error().code,
            Code::INVALID_SERVICE);
  PolicyUpdate strings;
  strings.strings.emplace("short", "x");
  EXPECT_EQ(policies_.change_settings("out", strings, bindings_).error().code,
            Code::INVALID_SETTING);
}

TEST_F(RuntimePoliciesTest, APolicyIsActiveWhenBothSidesHaveAZoneInForce) {
  EXPECT_EQ(policies_.policy("nope").error().code, Code::INVALID_POLICY);
  auto names = [&] {
    Strings out;
    for (const auto& active : policies_.active(bindings_)) out.push_back(active.policy);
    return out;
  };
  EXPECT_EQ(names(), (Strings{"allow-host-ipv6"}));  // ANY to HOST
  bindings_.interfaces["internal"] = {"eth1"};
  EXPECT_EQ(names(), (Strings{"allow-host-ipv6"}));
  bindings_.sources["public"] = {"10.0.0.0/8"};
  EXPECT_EQ(policies_.active(bindings_).back(), (ActivePolicy{"out", {"internal"}, {"public"}}));
  bindings_.sources["public"].clear();  // a zone with nothing bound is not in force
  EXPECT_EQ(names(), (Strings{"allow-host-ipv6"}));
  bindings_.sources["public"] = {"10.0.0.0/8"};
  runtime_.policies.at("out").value.disable = true;
  EXPECT_EQ(names(), (Strings{"allow-host-ipv6"}));
}

}  // namespace
}  // namespace fwctl::core
