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
  EXPECT_EQ(s.rules,
            (std::vector<std::string>{"rule family=\"ipv4\" service name=\"ssh\" accept"}));
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
// apply_settings takes the settings in as fwctld's config objects do: duplicates dropped (the
// first kept), firewalld's "{chain}_{zone}" as "default", sources and rich rules parsed.
TEST(CliModelSettings, ZoneTakenInAsTheDaemonTakesIt) {
  ZoneSettings s;
  s.target = "{chain}_{zone}";
  s.services = {"ssh", "http", "ssh"};
  s.ports = {{"80", "tcp"}, {"80", "tcp"}};
  s.sources = {"10.0.0.0/8", "ipset:blocked"};
  s.rules = {"rule family=ipv4 service name=ssh accept"};
  s.forward = true;
  model::Zone z;
  ASSERT_TRUE(apply_settings(z, s));
  EXPECT_EQ(z.target, "default");
  EXPECT_EQ(z.services, (std::vector<std::string>{"ssh", "http"}));
  ASSERT_EQ(z.ports.size(), 1u);
  EXPECT_EQ(z.sources[1].ipset, "blocked");
  ASSERT_EQ(z.rules.size(), 1u);
  EXPECT_TRUE(z.forward);
  // and back: what the daemon would report for it
  EXPECT_EQ(to_settings(z).sources, s.sources);
  EXPECT_EQ(to_settings(z).rules,
            (std::vector<std::string>{"rule family=\"ipv4\" service name=\"ssh\" accept"}));
}

// A rich rule that does not parse fails with the parser's error and changes nothing.
TEST(CliModelSettings, BadRichRuleChangesNothing) {
  model::Policy p;
  p.services = {"ssh"};
  ZoneSettings s;
  s.services = {"http"};
  s.rules = {"rule family=ipv4 bogus"};
  Status st = apply_settings(p, s);
  ASSERT_FALSE(st);
  EXPECT_EQ(p.services, (std::vector<std::string>{"ssh"}));
}

// Policies keep priority and zones; ipset options are keyed (sorted, the first of a name kept),
// as they travel as a dict; services' destinations become the two attributes.
TEST(CliModelSettings, OtherKindsTakenIn) {
  ZoneSettings ps;
  ps.priority = -5;
  ps.ingress_zones = {"home", "home"};
  model::Policy p;
  ASSERT_TRUE(apply_settings(p, ps));
  EXPECT_EQ(p.priority, -5);
  EXPECT_EQ(p.ingress_zones, (std::vector<std::string>{"home"}));

  IPSetSettings is{
      "", "", "", "hash:ip", {{"timeout", "60"}, {"family", "inet"}}, {"1.1.1.1", "1.1.1.1"}};
  model::IpSet i;
  apply_settings(i, is);
  EXPECT_EQ(i.options, (std::vector<std::pair<std::string, std::string>>{{"family", "inet"},
                                                                         {"timeout", "60"}}));
  EXPECT_EQ(i.entries, (std::vector<std::string>{"1.1.1.1"}));

  ServiceSettings vs;
  vs.destinations = {{"ipv6", "ff02::fb"}};
  model::Service v;
  v.destination_ipv4 = "224.0.0.251";
  apply_settings(v, vs);
  EXPECT_EQ(v.destination_ipv4, "");
  EXPECT_EQ(v.destination_ipv6, "ff02::fb");

  HelperSettings hs{"", "", "", "ipv4", "nf_conntrack_ftp", {{"21", "tcp"}, {"21", "tcp"}}};
  model::Helper h;
  apply_settings(h, hs);
  EXPECT_EQ(h.module, "nf_conntrack_ftp");
  EXPECT_EQ(h.ports.size(), 1u);

  model::IcmpType t;
  apply_settings(t, IcmpTypeSettings{"", "S", "", {"ipv4", "ipv4"}});
  EXPECT_EQ(t.info.short_, "S");
  EXPECT_EQ(t.destinations, (std::vector<std::string>{"ipv4"}));
}

}  // namespace fwctl::cli
