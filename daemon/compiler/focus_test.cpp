// compile_focused(): for every golden tree, the chains of each zone, of each policy and the
// shared chains come out exactly as the whole compile makes them, in the same order, and
// nothing else does.

#include "compiler/focus.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/compiler.hpp"
#include "config/loader.hpp"

namespace fwctl::compiler {
namespace {

struct Tree {
  model::Config config;
  RuntimeBindings bindings;
  Table whole;
};

Tree load_tree(const std::string& name) {
  const std::string source = FWCTL_SOURCE_DIR;
  auto loaded = config::load_config({source, source + "/tests/golden/" + name + ".etc"});
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.located_message();
  Tree tree{loaded.config, bindings_from_config(loaded.config), {}};
  auto ruleset = compile(tree.config, tree.bindings);
  EXPECT_TRUE(ruleset);
  if (ruleset) tree.whole = ruleset->tables.at(0);
  return tree;
}

std::vector<Chain> covered(const Table& table, const Focus& focus) {
  std::vector<Chain> out;
  for (const auto& chain : table.chains) {
    if (focus.covers_chain(chain.name)) out.push_back(chain);
  }
  return out;
}

// The focused compile's chains, or why there are none.
void expect_focused_like_whole(const Tree& tree, const Focus& focus, const std::string& what) {
  auto partial = compile_focused(tree.config, tree.bindings, focus);
  ASSERT_TRUE(partial) << what << ": " << partial.error().message();
  ASSERT_TRUE(*partial) << what;  // only StrictForwardPorts needs the whole compile
  EXPECT_TRUE((*partial)->sets.empty()) << what;
  for (const auto& helper : (*partial)->ct_helpers) {
    EXPECT_NE(std::find(tree.whole.ct_helpers.begin(), tree.whole.ct_helpers.end(), helper),
              tree.whole.ct_helpers.end())
        << what << ": " << helper.name;
  }
  ASSERT_EQ((*partial)->chains.size(), covered(tree.whole, focus).size()) << what;
  EXPECT_EQ((*partial)->chains, covered(tree.whole, focus)) << what;
}

class FocusedCompile : public ::testing::TestWithParam<const char*> {};

TEST_P(FocusedCompile, EachZonesChainsAreThoseOfTheWholeCompile) {
  Tree tree = load_tree(GetParam());
  for (const auto& [zone, item] : tree.config.zones) {
    expect_focused_like_whole(tree, Focus{{zone}, {}, false}, "zone " + zone);
    expect_focused_like_whole(tree, Focus{{zone}, {}, true}, "zone " + zone + " + shared");
  }
}

TEST_P(FocusedCompile, EachPolicysChainsAndTheSharedChainsAreThoseOfTheWholeCompile) {
  Tree tree = load_tree(GetParam());
  expect_focused_like_whole(tree, Focus{{}, {}, true}, "shared");
  for (const auto& [policy, item] : tree.config.policies) {
    expect_focused_like_whole(tree, Focus{{}, {policy}, false}, "policy " + policy);
    expect_focused_like_whole(tree, Focus{{}, {policy}, true}, "policy " + policy + " + shared");
  }
}

INSTANTIATE_TEST_SUITE_P(Goldens, FocusedCompile,
                         ::testing::Values("default", "zone_elements", "zone_elements_log_denied",
                                           "zones_and_policies", "rich_nflog", "rich_priorities",
                                           "sources_mac_not", "ipset_concat", "policies_host_any",
                                           "icmp_inversion", "forward_port_v6"));

TEST(FocusedCompileFallback, StrictForwardPortsNeedsTheWholeCompile) {
  Tree tree = load_tree("default");
  tree.config.conf.strict_forward_ports = "yes";
  auto partial = compile_focused(tree.config, tree.bindings, Focus{{"public"}, {}, false});
  ASSERT_TRUE(partial);
  EXPECT_FALSE(*partial);
}

TEST(FocusedCompileHelpers, AZonesHelperComesWithItsChains) {
  Tree tree = load_tree("default");
  tree.config.zones.at("public").value.services.push_back("ftp");
  auto partial = compile_focused(tree.config, tree.bindings, Focus{{"public"}, {}, false});
  ASSERT_TRUE(partial);
  ASSERT_TRUE(*partial);
  ASSERT_EQ((*partial)->ct_helpers.size(), 1u);
  EXPECT_EQ((*partial)->ct_helpers[0].name, "helper-ftp-tcp");
}

}  // namespace
}  // namespace fwctl::compiler
