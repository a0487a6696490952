#include "explain.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "compiler/bindings.hpp"
#include "config/loader.hpp"

namespace fwctl::cli {
namespace {

const std::string kSystem = FWCTL_TEST_DATA "/broken/ok-minimal";

struct Explain : ::testing::Test {
  config::LoadResult loaded = config::load_config({FWCTL_SOURCE_DIR, kSystem});
  compiler::RuntimeBindings bindings = compiler::bindings_from_config(loaded.config);
};

TEST_F(Explain, AZoneShowsOnlyItsOwnChainsInNftSyntax) {
  auto text = explain(loaded.config, bindings, {false, "public"});
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_EQ(text->rfind("table inet firewalld {\n\tchain ", 0), 0u) << *text;
  EXPECT_NE(text->find("\tchain filter_IN_public {\n"), std::string::npos);
  EXPECT_NE(text->find("\tchain filter_IN_public_allow {\n"), std::string::npos);
  EXPECT_NE(text->find("tcp dport 22 accept"), std::string::npos) << *text;  // ssh
  EXPECT_EQ(text->find("filter_IN_dmz"), std::string::npos);
  EXPECT_EQ(text->find("chain filter_INPUT {"), std::string::npos);
  EXPECT_EQ(text->back(), '\n');
}

TEST_F(Explain, WithoutANameItIsTheDefaultZone) {
  auto named = explain(loaded.config, bindings, {false, bindings.default_zone});
  auto unnamed = explain(loaded.config, bindings, {false, ""});
  ASSERT_TRUE(named && unnamed);
  EXPECT_EQ(*named, *unnamed);
}

TEST_F(Explain, APolicyShowsItsPolicyChains) {
  auto text = explain(loaded.config, bindings, {true, "allow-host-ipv6"});
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_NE(text->find("chain filter_IN_policy_allow-host-ipv6 {"), std::string::npos) << *text;
  EXPECT_EQ(text->find("_public"), std::string::npos);
}

TEST_F(Explain, AnUnknownZoneOrPolicyIsFirewalldsError) {
  auto zone = explain(loaded.config, bindings, {false, "nope"});
  ASSERT_FALSE(zone);
  EXPECT_EQ(zone.error().message(), "INVALID_ZONE: nope");
  auto policy = explain(loaded.config, bindings, {true, "nope"});
  ASSERT_FALSE(policy);
  EXPECT_EQ(policy.error().code, Code::INVALID_POLICY);
}

TEST(ExplainCommand, ABrokenFileIsNamedWithItsLine) {
  std::ostringstream out, err;
  Printer p(out, err, false);
  int code = run_explain({FWCTL_SOURCE_DIR, FWCTL_TEST_DATA "/broken/bad-port"}, {false, "foo"}, p,
                         out, err);
  EXPECT_EQ(code, 102);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str().rfind(FWCTL_TEST_DATA "/broken/bad-port/zones/foo.xml:", 0), 0u) << err.str();
  EXPECT_NE(err.str().find(": Error: INVALID_PORT: "), std::string::npos);
}

}  // namespace
}  // namespace fwctl::cli
