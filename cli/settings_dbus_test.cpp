#include "settings_dbus.hpp"

#include <gtest/gtest.h>

namespace fwctl::cli {
namespace {

// What firewall-cmd sends back is what it read, with the one edit; missing keys read as empty.
TEST(CliSettingsDbus, ZoneDictRoundTrip) {
  ZoneSettings z;
  z.target = "%%REJECT%%";
  z.services = {"ssh"};
  z.ports = {{"80", "tcp"}};
  z.forward_ports = {{"80", "tcp", "8080", ""}};
  z.rules = {"rule drop"};
  z.forward = true;
  ZoneSettings back = decode_zone(encode_zone(z));
  EXPECT_EQ(back.target, "%%REJECT%%");
  EXPECT_EQ(back.services, z.services);
  EXPECT_EQ(back.ports, z.ports);
  EXPECT_EQ(back.forward_ports, z.forward_ports);
  EXPECT_EQ(back.rules, z.rules);
  EXPECT_TRUE(back.forward);
  ZoneSettings empty = decode_zone({});
  EXPECT_EQ(empty.target, "{chain}_{zone}");
  EXPECT_TRUE(empty.services.empty());
}

TEST(CliSettingsDbus, PolicyDictAndRuntimeKeys) {
  ZoneSettings p;
  p.target = "ACCEPT";
  p.priority = -5;
  p.ingress_zones = {"HOST"};
  Dict d = encode_policy(p, false);
  EXPECT_EQ(decode_policy(d).priority, -5);
  EXPECT_EQ(decode_policy(d).ingress_zones, p.ingress_zones);
  Dict runtime = encode_policy(p, true);
  EXPECT_EQ(runtime.count("target"), 0u);
  EXPECT_EQ(runtime.count("version"), 0u);
  EXPECT_EQ(runtime.count("priority"), 1u);
  Dict narrow{{"priority", sdbus::Variant(static_cast<int16_t>(7))}};
  EXPECT_EQ(decode_policy(narrow).priority, 7);
  EXPECT_EQ(decode_policy({}).target, "CONTINUE");
}

}  // namespace
}  // namespace fwctl::cli
