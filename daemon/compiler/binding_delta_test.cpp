// compile_binding(): the kernel's chains with the splices applied are exactly what the whole
// compile makes with the bindings after the change (interfaces and sources, bound and unbound,
// in zones before and after others by name); and it declines what a splice cannot express.

#include "compiler/binding_delta.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/compiler.hpp"
#include "compiler/focus.hpp"
#include "config/loader.hpp"

namespace fwctl::compiler {
namespace {

model::Config binding_tree() {
  const std::string source = FWCTL_SOURCE_DIR;
  auto loaded = config::load_config({source, source + "/tests/golden/default.etc"});
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.located_message();
  return loaded.config;
}

RuntimeBindings some_binding_lists() {
  RuntimeBindings b;
  b.default_zone = "public";
  b.interfaces["public"] = {"eth0", "eth1"};
  b.interfaces["internal"] = {"eth2"};
  b.interfaces["dmz"] = {"veth+"};
  b.sources["public"] = {"10.0.0.0/8", "fd00::/64"};
  b.sources["internal"] = {"192.168.0.0/16"};
  b.sources["work"] = {"172.16.0.0/12"};
  b.interface_order = {"eth2", "eth0", "veth+", "eth1"};
  return b;
}

// Chains by name: a table changed in place keeps its chains' order, a compile has its own.
std::vector<Chain> chains_by_name(Table table) {
  std::sort(table.chains.begin(), table.chains.end(),
            [](const Chain& a, const Chain& b) { return a.name < b.name; });
  return table.chains;
}

Table binding_whole(const model::Config& config, const RuntimeBindings& bindings) {
  auto ruleset = compile(config, bindings);
  EXPECT_TRUE(ruleset) << ruleset.error().message();
  return ruleset ? ruleset->tables.at(0) : Table{};
}

RuntimeBindings edited_bindings(RuntimeBindings b, const BindingEdit& edit) {
  auto& lists = edit.source ? b.sources : b.interfaces;
  auto& list = lists[edit.zone];
  if (edit.added) {
    list.push_back(edit.name);
    if (!edit.source) b.interface_order.push_back(edit.name);
  } else {
    list.erase(std::find(list.begin(), list.end(), edit.name));
    if (list.empty()) lists.erase(edit.zone);
    if (!edit.source) {
      b.interface_order.erase(
          std::find(b.interface_order.begin(), b.interface_order.end(), edit.name));
    }
  }
  return b;
}

// Splices for `edit`, or nullopt; when there are some, they must give the whole compile.
std::optional<std::vector<RuleSplice>> binding_spliced(const model::Config& config,
                                                       const RuntimeBindings& before,
                                                       const BindingEdit& edit) {
  Table table = binding_whole(config, before);
  RuntimeBindings after = edited_bindings(before, edit);
  auto splices = compile_binding(config, after, edit, table);
  EXPECT_TRUE(splices) << splices.error().message();
  if (!splices || !*splices) return std::nullopt;
  apply_splices(table, **splices);
  EXPECT_EQ(chains_by_name(table), chains_by_name(binding_whole(config, after)))
      << edit.zone << " " << edit.name << (edit.added ? " added" : " removed");
  return *splices;
}

TEST(BindingSplices, EachBindingAddedOrRemovedSplicedIsTheWholeCompile) {
  model::Config config = binding_tree();
  config.zones.at("internal").value.forward = true;
  RuntimeBindings b = some_binding_lists();
  const std::vector<BindingEdit> added = {
      {"public", "eth9", false, true},         {"internal", "eth8", false, true},
      {"dmz", "wlan0", false, true},           {"public", "192.0.2.0/24", true, true},
      {"internal", "10.9.0.0/16", true, true}, {"dmz", "198.51.100.7", true, true},
      {"work", "fe80::/10", true, true},       {"work", "eth5", false, true},
  };
  for (const auto& edit : added) EXPECT_TRUE(binding_spliced(config, b, edit)) << edit.name;
  // A zone left without a binding loses its chains (unless the default zone): no splice.
  auto keeps_chains = [&](const std::string& zone) {
    size_t n = 0;
    if (b.interfaces.count(zone)) n += b.interfaces.at(zone).size();
    if (b.sources.count(zone)) n += b.sources.at(zone).size();
    return n > 1 || zone == b.default_zone;
  };
  for (const auto& [zone, list] : b.interfaces) {
    for (const auto& name : list) {
      EXPECT_EQ(binding_spliced(config, b, {zone, name, false, false}).has_value(),
                keeps_chains(zone))
          << name;
    }
  }
  for (const auto& [zone, list] : b.sources) {
    for (const auto& name : list) {
      EXPECT_EQ(binding_spliced(config, b, {zone, name, true, false}).has_value(),
                keeps_chains(zone))
          << name;
    }
  }
}

TEST(BindingSplices, TheDefaultZoneBecomingActiveIsASplice) {
  model::Config config = binding_tree();
  RuntimeBindings b;
  b.default_zone = "public";
  b.interfaces["internal"] = {"eth2"};
  b.interface_order = {"eth2"};
  EXPECT_TRUE(binding_spliced(config, b, {"public", "eth0", false, true}));
  EXPECT_TRUE(binding_spliced(config, b, {"public", "10.1.0.0/16", true, true}));
}

TEST(BindingSplicesDeclined, WhatASpliceCannotExpress) {
  model::Config config = binding_tree();
  RuntimeBindings b = some_binding_lists();
  // A zone that gets its chains, or loses them.
  EXPECT_FALSE(binding_spliced(config, b, {"home", "eth7", false, true}));
  EXPECT_FALSE(binding_spliced(config, b, {"work", "172.16.0.0/12", true, false}));
  // The catch-all interface.
  EXPECT_FALSE(binding_spliced(config, b, {"public", "+", false, true}));
  // Zone priorities.
  model::Config prioritized = config;
  prioritized.zones.at("internal").value.ingress_priority = -10;
  EXPECT_FALSE(binding_spliced(prioritized, b, {"public", "eth9", false, true}));
  // A zone a policy names.
  model::Config named = config;
  model::Policy policy;
  policy.ingress_zones = {"internal"};
  policy.egress_zones = {"HOST"};
  named.policies["p"].value = policy;
  EXPECT_FALSE(binding_spliced(named, b, {"internal", "eth9", false, true}));
  // Removing what is not there.
  auto table = binding_whole(config, b);
  auto none = compile_binding(config, b, {"public", "eth9", false, false}, table);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
}

}  // namespace
}  // namespace fwctl::compiler
