#include "model_settings.hpp"

#include <gtest/gtest.h>

namespace fwctl::cli {
namespace {

// A zone read from a file shows (and is sent) as the daemon would report it: sources as
// firewalld lists them, rich rules in canonical form, the flags kept.
TEST(CliModelSettings, ZoneAsTheDaemonReportsIt) {
  model::Zone z;
  z.info.short_ = "Mine";
  z.target = "%%REJECT%%";
  z.sources = {{"10.0.0.0/8", "", ""}, {"", "", "blocked"}};
  z.ports = {{"80", "tcp"}};
  z.forward_ports = {{"80", "tcp", "8080", ""}};
  z.rules = {*model::parse_rich_rule("rule family=ipv4 service name=ssh accept")};
  z.forward = true;
  ZoneSettings s = to_settings(z);
  EXPECT_EQ(s.short_name, "Mine");
  EXPECT_EQ(s.target, "%%REJECT%%");
  EXPECT_EQ(s.sources, (std::vector<std::string>{"10.0.0.0/8", "ipset:blocked"}));
  EXPECT_EQ(s.ports, (std::vector<PortProto>{{"80", "tcp"}}));
  EXPECT_EQ(s.forward_ports, (std::vector<ForwardPort>{{"80", "tcp", "8080", ""}}));
  EXPECT_EQ(s.rules, (std::vector<std::string>{"rule family=\"ipv4\" service name=\"ssh\" accept"}));
  EXPECT_TRUE(s.forward);
  EXPECT_FALSE(s.masquerade);
}

// A service's two destination attributes become the ipv4/ipv6 pairs, absent ones left out.
TEST(CliModelSettings, ServiceDestinations) {
  model::Service v;
  v.destination_ipv6 = "ff02::fb";
  v.modules = {"ftp"};
  ServiceSettings s = to_settings(v);
  EXPECT_EQ(s.destinations,
            (std::vector<std::pair<std::string, std::string>>{{"ipv6", "ff02::fb"}}));
  EXPECT_EQ(s.modules, (std::vector<std::string>{"ftp"}));
}

TEST(CliModelSettings, PolicyKeepsPriorityAndZones) {
  model::Policy p;
  p.priority = -5;
  p.ingress_zones = {"public"};
  p.egress_zones = {"HOST"};
  ZoneSettings s = to_settings(p);
  EXPECT_EQ(s.priority, -5);
  EXPECT_EQ(s.ingress_zones, p.ingress_zones);
  EXPECT_EQ(s.egress_zones, p.egress_zones);
  EXPECT_EQ(s.target, "CONTINUE");
}

}  // namespace
}  // namespace fwctl::cli
