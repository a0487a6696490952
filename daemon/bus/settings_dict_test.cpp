// The wire shapes of zone and service settings, and the error mapping, without a bus.

#include "bus/settings_dict.hpp"

#include <gtest/gtest.h>

#include "bus/error_map.hpp"

namespace fwctl::bus {
namespace {

TEST(ZoneDict, LeavesOutEmptyValuesAndKeepsBooleans) {
  core::ZoneSettings zone;
  zone.short_ = "Public";
  zone.target = "default";
  zone.services = {"ssh"};
  zone.ports = {{"8080-8090", "tcp"}};
  zone.forward = true;
  Dict d = zone_dict(zone);
  std::vector<std::string> keys;
  for (const auto& entry : d) keys.push_back(entry.first);
  EXPECT_EQ(keys, (std::vector<std::string>{"forward", "icmp_block_inversion", "masquerade",
                                            "ports", "services", "short", "target"}));
  EXPECT_EQ(d["short"].peekValueType(), "s");
  EXPECT_EQ(d["ports"].peekValueType(), "a(ss)");
  EXPECT_EQ(d["services"].get<std::vector<std::string>>(), std::vector<std::string>{"ssh"});
  EXPECT_TRUE(d["forward"].get<bool>());
  EXPECT_FALSE(d["masquerade"].get<bool>());
}

TEST(ServiceDict, CarriesDestinationsAsAStringMap) {
  model::Service service;
  service.ports = {{"546", "udp"}};
  service.destination_ipv6 = "fe80::/64";
  Dict d = service_dict(service);
  EXPECT_EQ(d.count("version"), 0u);
  EXPECT_EQ(d["destination"].peekValueType(), "a{ss}");
  auto dest = d["destination"].get<std::map<std::string, std::string>>();
  EXPECT_EQ(dest, (std::map<std::string, std::string>{{"ipv6", "fe80::/64"}}));
}

TEST(ErrorMap, UsesFirewalldsErrorNameAndCodeMessage) {
  sdbus::Error e = to_dbus_error(Error{Code::INVALID_ZONE, "nope", {}, 0});
  EXPECT_EQ(e.getName(), "org.fedoraproject.FirewallD1.Exception");
  EXPECT_EQ(e.getMessage(), "INVALID_ZONE: nope");
}

TEST(ErrorMap, GuardedTurnsAnyExceptionIntoUnknownError) {
  try {
    guarded("getZones", []() -> int { throw std::runtime_error("boom"); });
    FAIL() << "no exception";
  } catch (const sdbus::Error& e) {
    EXPECT_EQ(e.getName(), kErrorName);
    EXPECT_EQ(e.getMessage(), "UNKNOWN_ERROR: getZones: boom");
  }
  EXPECT_EQ(guarded("x", [] { return 7; }), 7);
}

TEST(ErrorMap, ValueOrThrowThrowsTheResultsError) {
  Result<int> bad = fail(Code::INVALID_SERVICE, "foo");
  EXPECT_THROW(value_or_throw(std::move(bad)), sdbus::Error);
  EXPECT_EQ(value_or_throw(Result<int>(3)), 3);
}

}  // namespace
}  // namespace fwctl::bus
