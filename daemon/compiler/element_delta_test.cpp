// compile_zone_element(): the kernel's chains with the splices applied are exactly what the
// whole compile makes of the zone after the edit, for every kind of element it takes, added and
// removed, rich rules of every priority included; and it declines (nullopt) what a splice cannot
// express.

#include "compiler/element_delta.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/compiler.hpp"
#include "compiler/focus.hpp"
#include "config/loader.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {
namespace {

using EditKind = ZoneElementEdit::Kind;

model::Config splice_tree(const std::string& name) {
  const std::string source = FWCTL_SOURCE_DIR;
  auto loaded = config::load_config({source, source + "/tests/golden/" + name + ".etc"});
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.located_message();
  return loaded.config;
}

Table element_test_table(const model::Config& config) {
  auto ruleset = compile(config, bindings_from_config(config));
  EXPECT_TRUE(ruleset) << ruleset.error().message();
  return ruleset ? ruleset->tables.at(0) : Table{};
}

ZoneElementEdit port_edit(const std::string& p, const std::string& proto,
                          EditKind kind = EditKind::Port) {
  ZoneElementEdit edit;
  edit.kind = kind;
  edit.port = {p, proto};
  return edit;
}

ZoneElementEdit named_edit(EditKind kind, const std::string& name) {
  ZoneElementEdit edit;
  edit.kind = kind;
  edit.name = name;
  return edit;
}

ZoneElementEdit rich_edit(const std::string& text) {
  ZoneElementEdit edit;
  edit.kind = EditKind::RichRule;
  auto rule = model::parse_rich_rule(text);
  EXPECT_TRUE(rule) << text;
  if (rule) edit.rule = *rule;
  return edit;
}

// The zone's list of the edit's kind, with the element appended (or taken out at edit.index).
void edit_zone_list(model::Zone& zone, const ZoneElementEdit& edit) {
  auto change = [&](auto& list, const auto& item) {
    if (edit.added) {
      list.push_back(item);
    } else {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(edit.index));
    }
  };
  switch (edit.kind) {
    case EditKind::Service:
      return change(zone.services, edit.name);
    case EditKind::Port:
      return change(zone.ports, edit.port);
    case EditKind::SourcePort:
      return change(zone.source_ports, edit.port);
    case EditKind::Protocol:
      return change(zone.protocols, edit.name);
    case EditKind::RichRule:
      return change(zone.rules, *edit.rule);
  }
}

// Splices of `before`'s table for `edit`; true when there were any and they give the whole
// compile of the edited config.
bool spliced_like_whole(model::Config config, ZoneElementEdit edit, const std::string& what) {
  Table before = element_test_table(config);
  std::set<std::string> duplicated;
  auto focused = compile_focused(config, bindings_from_config(config),
                                 Focus{{edit.zone}, {}, false}, &duplicated);
  EXPECT_TRUE(focused);
  edit_zone_list(config.zones.at(edit.zone).value, edit);
  auto splices = compile_zone_element(config, bindings_from_config(config), edit, before);
  EXPECT_TRUE(splices) << what << ": " << splices.error().message();
  if (!splices || !*splices) return false;
  for (const auto& splice : **splices) {
    if (splice.removed > 0 && duplicated.count(splice.chain)) return false;  // as the caller
  }
  apply_splices(before, **splices);
  Table after = element_test_table(config);
  EXPECT_EQ(to_text(before), to_text(after)) << what;
  EXPECT_EQ(before, after) << what;
  return true;
}

std::string describe_edit(const ZoneElementEdit& edit) {
  if (edit.rule) return model::to_string(*edit.rule);
  return edit.name + edit.port.port + "/" + edit.port.protocol;
}

std::vector<ZoneElementEdit> element_additions() {
  return {port_edit("8080", "tcp"),
          port_edit("9000-9010", "udp"),
          port_edit("5000", "udp", EditKind::SourcePort),
          named_edit(EditKind::Service, "http"),
          named_edit(EditKind::Service, "dns"),
          named_edit(EditKind::Protocol, "gre"),
          rich_edit("rule family=\"ipv4\" source address=\"192.0.2.1\" reject"),
          rich_edit("rule family=\"ipv4\" source address=\"192.0.2.7\" port port=\"25\" "
                    "protocol=\"tcp\" log prefix=\"smtp\" level=\"info\" drop"),
          rich_edit("rule priority=\"-5\" family=\"ipv4\" source address=\"192.0.2.2\" drop"),
          rich_edit("rule priority=\"-10\" port port=\"9999\" protocol=\"tcp\" log prefix=\"x\" "
                    "accept"),
          rich_edit("rule priority=\"-32768\" family=\"ipv6\" source address=\"fd00::9\" accept"),
          rich_edit("rule priority=\"7\" service name=\"https\" accept"),
          rich_edit("rule priority=\"32767\" family=\"ipv4\" source address=\"192.0.2.3\" reject"),
          rich_edit("rule service name=\"http\" audit accept")};
}

template <typename T>
size_t index_of_item(const std::vector<T>& list, const T& item) {
  return static_cast<size_t>(std::find(list.begin(), list.end(), item) - list.begin());
}

size_t item_index(const model::Zone& z, const ZoneElementEdit& edit) {
  switch (edit.kind) {
    case EditKind::Service:
      return index_of_item(z.services, edit.name);
    case EditKind::Port:
      return index_of_item(z.ports, edit.port);
    case EditKind::SourcePort:
      return index_of_item(z.source_ports, edit.port);
    case EditKind::Protocol:
      return index_of_item(z.protocols, edit.name);
    case EditKind::RichRule:
      return index_of_item(z.rules, *edit.rule);
  }
  return 0;
}

class ElementSplices : public ::testing::TestWithParam<const char*> {};

TEST_P(ElementSplices, AnAddedElementSplicedIsTheWholeCompile) {
  model::Config config = splice_tree(GetParam());
  std::string zone = bindings_from_config(config).default_zone;
  int spliced = 0;
  for (auto edit : element_additions()) {
    edit.zone = zone;
    std::string what = std::string(GetParam()) + " add " + describe_edit(edit);
    spliced += spliced_like_whole(config, edit, what) ? 1 : 0;
  }
  EXPECT_GE(spliced, 10) << "most element_additions go as splices";
}

TEST_P(ElementSplices, EachRemovedElementSplicedIsTheWholeCompile) {
  model::Config config = splice_tree(GetParam());
  std::string zone = bindings_from_config(config).default_zone;
  for (auto edit :
       element_additions()) {  // more of each kind to remove, the priorities' mix with them
    edit.zone = zone;
    edit_zone_list(config.zones.at(zone).value, edit);
  }
  const model::Zone& z = config.zones.at(zone).value;
  std::vector<ZoneElementEdit> removals;
  for (const auto& s : z.services) removals.push_back(named_edit(EditKind::Service, s));
  for (const auto& p : z.ports) removals.push_back(port_edit(p.port, p.protocol));
  for (const auto& p : z.source_ports)
    removals.push_back(port_edit(p.port, p.protocol, EditKind::SourcePort));
  for (const auto& p : z.protocols) removals.push_back(named_edit(EditKind::Protocol, p));
  for (const auto& r : z.rules) {
    ZoneElementEdit edit;
    edit.kind = EditKind::RichRule;
    edit.rule = r;
    removals.push_back(edit);
  }
  int spliced = 0;
  for (auto edit : removals) {
    edit.zone = zone;
    edit.added = false;
    edit.index = item_index(z, edit);
    std::string what = std::string(GetParam()) + " remove " + describe_edit(edit);
    spliced += spliced_like_whole(config, edit, what) ? 1 : 0;
  }
  // Not all: http's rule in _allow is also the audited rich rule's, so that chain holds a
  // duplicate the compile left out, and removals there are compiled.
  EXPECT_GE(spliced, 5) << "most removals go as splices";
}

INSTANTIATE_TEST_SUITE_P(Goldens, ElementSplices,
                         ::testing::Values("default", "zone_elements", "zone_elements_log_denied",
                                           "rich_priorities", "rich_nflog", "icmp_inversion"));

std::optional<std::vector<RuleSplice>> splices_for(const model::Config& before,
                                                   ZoneElementEdit edit) {
  model::Config config = before;
  edit_zone_list(config.zones.at(edit.zone).value, edit);
  auto splices =
      compile_zone_element(config, bindings_from_config(config), edit, element_test_table(before));
  EXPECT_TRUE(splices);
  return splices ? *splices : std::nullopt;
}

TEST(ElementSplicesDeclined, WhatASpliceCannotExpress) {
  model::Config config = splice_tree("default");
  auto in_public = [](ZoneElementEdit edit) {
    edit.zone = "public";
    return edit;
  };
  // ssh's rule is already there: the whole compile adds it once.
  EXPECT_FALSE(splices_for(config, in_public(port_edit("22", "tcp"))));
  EXPECT_FALSE(
      splices_for(config, in_public(rich_edit("rule port port=\"22\" protocol=\"tcp\" accept"))));
  // A ct helper; rules outside filter_IN_public_*.
  EXPECT_FALSE(splices_for(config, in_public(named_edit(EditKind::Service, "ftp"))));
  EXPECT_FALSE(splices_for(config, in_public(rich_edit("rule family=\"ipv4\" masquerade"))));
  EXPECT_FALSE(
      splices_for(config, in_public(rich_edit("rule family=\"ipv4\" forward-port port=\"80\" "
                                              "protocol=\"tcp\" to-port=\"8080\""))));
  // A zone that is not active has no chains to splice.
  ZoneElementEdit work = port_edit("8080", "tcp");
  work.zone = "work";
  EXPECT_FALSE(splices_for(config, work));
  // StrictForwardPorts.
  config.conf.strict_forward_ports = "yes";
  EXPECT_FALSE(splices_for(config, in_public(port_edit("8080", "tcp"))));
}

TEST(ElementSplicesDeclined, ARemovedElementNotWhereTheCompilePutItIsNoSplice) {
  model::Config config = splice_tree("default");
  ZoneElementEdit edit = port_edit("8080", "tcp");
  edit.zone = "public";
  edit.added = false;  // never added: its rules are nowhere
  auto splices =
      compile_zone_element(config, bindings_from_config(config), edit, element_test_table(config));
  ASSERT_TRUE(splices);
  EXPECT_FALSE(*splices);
}

}  // namespace
}  // namespace fwctl::compiler
