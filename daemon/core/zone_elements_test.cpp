// An element's edit planned on the zone as it is, made in place and taken back: the zone after
// undo() is the zone before, whatever the edit did to its list (a port range merged with its
// neighbours, split by a removal, a rich rule taken from the middle, a flag).
// Also: add_zone_item of a port: coalescePortRange over only the ranges chained to the new one by
// overlaps (issue 13) gives what firewalld's pass over the whole list gives, its single-pass
// quirks included.

#include "core/zone_elements.hpp"

#include <gtest/gtest.h>

#include "config/port_range.hpp"
#include "model/port.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::core {
namespace {

using model::PortProto;

model::RichRule parsed_rule(const std::string& text) {
  auto parsed = model::parse_rich_rule(text);
  EXPECT_TRUE(parsed) << text;
  return parsed ? *parsed : model::RichRule{};
}

// Plans `item` on `zone`, checks that planning changed nothing, applies it (expecting `after`
// when given), undoes it and expects the zone as before.
model::Zone edit_round_trip(const model::Zone& zone, const ZoneItem& item, bool add) {
  model::Config config;
  model::Zone edited = zone;
  auto edit = plan_zone_item(edited, "public", item, config, add);
  EXPECT_TRUE(edit);
  if (!edit) return zone;
  EXPECT_EQ(edited, zone);
  apply(edited, *edit);
  model::Zone applied = edited;
  undo(edited, *edit);
  EXPECT_EQ(edited, zone);
  return applied;
}

TEST(ZoneItemEdit, APortMergedWithItsNeighboursIsTakenBack) {
  model::Zone zone;
  zone.ports = {{"80-81", "tcp"}, {"53", "udp"}, {"83", "tcp"}};
  auto applied = edit_round_trip(zone, {ZoneElement::Port, {"81-83", "tcp"}}, true);
  EXPECT_EQ(applied.ports, (std::vector<PortProto>{{"53", "udp"}, {"80-83", "tcp"}}));
}

TEST(ZoneItemEdit, ARangeSplitByARemovalIsTakenBack) {
  model::Zone zone;
  zone.ports = {{"22", "tcp"}, {"8000-8010", "tcp"}, {"53", "udp"}};
  auto applied = edit_round_trip(zone, {ZoneElement::Port, {"8005", "tcp"}}, false);
  EXPECT_EQ(applied.ports,
            (std::vector<PortProto>{
                {"22", "tcp"}, {"53", "udp"}, {"8000-8004", "tcp"}, {"8006-8010", "tcp"}}));
}

TEST(ZoneItemEdit, ARichRuleFromTheMiddleGoesBackInItsPlace) {
  model::Zone zone;
  const std::string second = "rule family=\"ipv4\" source address=\"10.0.0.2\" accept";
  zone.rules = {parsed_rule("rule family=\"ipv4\" source address=\"10.0.0.1\" accept"),
                parsed_rule(second),
                parsed_rule("rule family=\"ipv4\" source address=\"10.0.0.3\" accept")};
  auto applied = edit_round_trip(zone, {ZoneElement::RichRule, {second}}, false);
  ASSERT_EQ(applied.rules.size(), 2u);
  EXPECT_EQ(model::to_string(applied.rules[1]),
            "rule family=\"ipv4\" source address=\"10.0.0.3\" accept");
}

TEST(ZoneItemEdit, AddedEntriesAndFlagsAreTakenBack) {
  model::Zone zone;
  zone.protocols = {"gre"};
  edit_round_trip(zone, {ZoneElement::Protocol, {"icmp"}}, true);
  edit_round_trip(zone, {ZoneElement::Protocol, {"gre"}}, false);
  edit_round_trip(zone, {ZoneElement::ForwardPort, {"80", "tcp", "8080", ""}}, true);
  EXPECT_TRUE(edit_round_trip(zone, {ZoneElement::Masquerade, {}}, true).masquerade);
}

TEST(ZoneItemEdit, TheEditSaysWhatItErasesAndAppends) {
  model::Zone zone;
  zone.ports = {{"80", "tcp"}, {"443", "tcp"}};
  model::Config config;
  auto edit = plan_zone_item(zone, "public", {ZoneElement::Port, {"443", "tcp"}}, config, false);
  ASSERT_TRUE(edit);
  const auto& list = std::get<ListEdit<PortProto>>(edit->change);
  EXPECT_EQ(list.erase, (std::vector<size_t>{1}));
  EXPECT_TRUE(list.append.empty());
}

TEST(ZoneItemEdit, ARefusedPlanChangesNothing) {
  model::Zone zone;
  zone.ports = {{"80", "tcp"}};
  model::Config config;
  auto edit = plan_zone_item(zone, "public", {ZoneElement::Port, {"80", "tcp"}}, config, true);
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().code, Code::ALREADY_ENABLED);
  EXPECT_EQ(edit.error().detail, "'80:tcp' already in 'public'");
}

// firewalld's add_port: coalescePortRange over every range of the protocol.
std::vector<model::PortProto> reference(std::vector<model::PortProto> ports,
                                        const std::string& port) {
  std::vector<model::PortRange> existing;
  for (const auto& p : ports) existing.push_back(*model::parse_port_range(p.port));
  auto merged = config::coalesce_port_range(*model::parse_port_range(port), existing);
  for (const auto& removed : merged.removed) {
    std::erase(ports, model::PortProto{config::to_string(removed), "tcp"});
  }
  ports.push_back({config::to_string(merged.merged), "tcp"});
  return ports;
}

TEST(AddPort, CoalescesAsOverTheWholeList) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"100-200", "150-300", "400", "500-600"}, "250-450"},  // chained: 150-300 grows it to 100
      {{"100-200", "300-400"}, "201-299"},                    // adjacent: not merged
      {{"10", "20", "30"}, "15-25"},
      {{"10-20", "5-12", "18-40", "41"}, "19"},  // covered: ALREADY_ENABLED
      {{"1-5", "3-9", "8-12", "11-20"}, "19-30"},
      {{}, "80"},
      {{"22", "80", "443"}, "8080"},
  };
  model::Config config;
  for (const auto& [list, port] : cases) {
    model::Zone zone;
    for (const auto& p : list) zone.ports.push_back({p, "tcp"});
    auto want = reference(zone.ports, port);
    Status st = add_zone_item(zone, "public", {ZoneElement::Port, {port, "tcp"}}, config);
    if (!st) {
      EXPECT_EQ(st.error().code, Code::ALREADY_ENABLED) << port;
      continue;
    }
    EXPECT_EQ(zone.ports, want) << port;
  }
}

}  // namespace
}  // namespace fwctl::core
