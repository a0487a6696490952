// add_zone_item of a port: coalescePortRange over only the ranges chained to the new one by
// overlaps (issue 13) gives what firewalld's pass over the whole list gives, its single-pass
// quirks included.

#include "core/zone_elements.hpp"

#include <gtest/gtest.h>

#include "config/port_range.hpp"
#include "model/port.hpp"

namespace fwctl::core {
namespace {

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
