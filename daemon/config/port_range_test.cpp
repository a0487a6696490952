#include "config/port_range.hpp"

#include <gtest/gtest.h>

namespace fwctl::config {
namespace {

using model::PortProto;

TEST(PortRange, SpellsPortsCanonically) {
  EXPECT_EQ(canonical_port("80"), "80");
  EXPECT_EQ(canonical_port("90-80"), "80-90");
  EXPECT_EQ(canonical_port("http"), "80");
  EXPECT_EQ(canonical_port(" 22"), "22");
  EXPECT_EQ(canonical_port("22-22"), "22");
  EXPECT_EQ(canonical_port(""), "");
  EXPECT_EQ(canonical_port("nosuchport"), std::nullopt);
}

TEST(PortRange, CoalescesOverlappingRangesInOrderOfTheirStart) {
  Coalesced c = coalesce_port_range({4, 12}, {{10, 20}, {1, 5}, {30, 40}});
  EXPECT_EQ(c.merged, (model::PortRange{1, 20}));
  EXPECT_EQ(c.removed, (std::vector<model::PortRange>{{1, 5}, {10, 20}}));
}

TEST(PortRange, ReproducesFirewalldsZoneCoalescing) {
  // zcoalesce.xml: 8080, 8081, 8070-8079, then 8075-8085 swallows all three.
  std::vector<PortProto> ports;
  PortListBuilder builder(ports);
  EXPECT_TRUE(builder.add("8080", "tcp"));
  EXPECT_TRUE(builder.add("8081", "tcp"));  // adjacent ports are not merged
  EXPECT_TRUE(builder.add("8070-8079", "tcp"));
  EXPECT_TRUE(builder.add("8080", "udp"));
  EXPECT_TRUE(builder.add("8075-8085", "tcp"));
  std::vector<PortProto> expected = {{"8080", "udp"}, {"8070-8085", "tcp"}};
  EXPECT_EQ(ports, expected);
}

TEST(PortRange, IgnoresAPortAlreadyCovered) {
  std::vector<PortProto> ports;
  PortListBuilder builder(ports);
  EXPECT_TRUE(builder.add("90-80", "tcp"));
  EXPECT_FALSE(builder.add("85", "tcp"));
  EXPECT_FALSE(builder.add("http", "tcp"));
  EXPECT_TRUE(builder.add("85", "udp"));
  EXPECT_EQ(ports.size(), 2u);
}

TEST(PortRange, MergesEveryRangeTheNewOneOverlaps) {
  std::vector<PortProto> ports;
  PortListBuilder builder(ports);
  for (const char* port : {"1-5", "10-20", "30-40", "7"}) EXPECT_TRUE(builder.add(port, "tcp"));
  EXPECT_TRUE(builder.add("4-12", "tcp"));
  std::vector<PortProto> expected = {{"30-40", "tcp"}, {"1-20", "tcp"}};
  EXPECT_EQ(ports, expected);
}

}  // namespace
}  // namespace fwctl::config
