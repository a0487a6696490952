// fwctl --why over rulesets the compiler makes of the stock configuration.

#include "compiler/why.hpp"

#include <gtest/gtest.h>

#include "compiler/compiler.hpp"
#include "compiler/stock_config.hpp"
#include "compiler/why_match.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {
namespace {

using testing::pp;
using testing::stock_zones;

struct Case {
  model::Config config = stock_zones();
  RuntimeBindings bindings;
  Ruleset ruleset;

  Case() {
    bindings.default_zone = "public";
    bindings.interfaces["public"] = {"eth0"};
    bindings.interfaces["drop"] = {"eth9"};
    bindings.interfaces["trusted"] = {"eth2"};
    bindings.sources["work"] = {"198.51.100.0/24"};
  }
  WhyResult run(const std::string& text) {
    auto compiled = compile(config, bindings);
    EXPECT_TRUE(compiled) << compiled.error().message();
    ruleset = *compiled;
    auto packet = parse_packet(text);
    EXPECT_TRUE(packet) << text;
    return why(ruleset, *packet);
  }
};

TEST(Why, ServiceAccepts) {
  Case c;
  auto r = c.run("tcp 203.0.113.7:40000 -> 10.0.0.1:22 in eth0");
  EXPECT_EQ(r.outcome, Outcome::Accept);
  EXPECT_EQ(r.zone, "public");
  EXPECT_EQ(r.zone_reason, "interface eth0");
  EXPECT_EQ(r.reason, "zone public, service ssh, port 22/tcp: accept");
  EXPECT_EQ(r.deciding_chain, "filter_IN_public_allow");
  EXPECT_EQ(to_text(*r.deciding), "tcp dport 22 accept");
}

TEST(Why, ClosedPortRejectsByTheZoneTarget) {
  Case c;
  auto r = c.run("tcp 203.0.113.7:40000 -> 10.0.0.1:23 in eth0");
  EXPECT_EQ(r.outcome, Outcome::Reject);
  EXPECT_EQ(r.reason, "zone public, target default: reject");
  EXPECT_EQ(r.deciding_chain, "filter_IN_public");
}

TEST(Why, LogDeniedRulesAreOnThePathAndDecideNothing) {
  Case c;
  c.config.conf.log_denied = "unicast";
  auto r = c.run("tcp 203.0.113.7 -> 10.0.0.1:23 in eth0");
  EXPECT_EQ(r.outcome, Outcome::Reject);
  ASSERT_GE(r.path.size(), 2u);
  const auto& log = r.path[r.path.size() - 2];
  ASSERT_NE(log.rule, nullptr);
  EXPECT_EQ(to_text(*log.rule), "meta pkttype host log prefix \"filter_IN_public_REJECT: \"");
}

TEST(Why, DropZone) {
  Case c;
  auto r = c.run("tcp 203.0.113.7 -> 10.0.0.1:22 in eth9");
  EXPECT_EQ(r.outcome, Outcome::Drop);
  EXPECT_EQ(r.reason, "zone drop, target DROP: drop");
}

TEST(Why, SourceBindingWinsOverTheInterface) {
  Case c;
  c.config.zones["work"].value.services = {};
  auto r = c.run("tcp 198.51.100.7 -> 10.0.0.1:22 in eth0");
  EXPECT_EQ(r.zone, "work");
  EXPECT_EQ(r.zone_reason, "source 198.51.100.0/24");
  EXPECT_EQ(r.outcome, Outcome::Reject);
}

TEST(Why, DefaultZoneForAnUnboundInterface) {
  Case c;
  auto r = c.run("udp 2001:db8::7 -> [2001:db8::1]:53 in eth5");
  EXPECT_EQ(r.zone, "public");
  EXPECT_EQ(r.zone_reason, "the default zone");
  EXPECT_EQ(r.outcome, Outcome::Reject);
}

TEST(Why, RichRuleRejects) {
  Case c;
  auto rule = model::parse_rich_rule(
      "rule family=\"ipv4\" source address=\"203.0.113.0/24\" service name=\"ssh\" reject");
  ASSERT_TRUE(rule);
  c.config.zones["public"].value.rules = {*rule};
  auto r = c.run("tcp 203.0.113.7 -> 10.0.0.1:22 in eth0");
  EXPECT_EQ(r.outcome, Outcome::Reject);
  EXPECT_EQ(r.reason, "zone public, rich rule '" + model::to_string(*rule) + "': reject");
  auto other = c.run("tcp 192.0.2.7 -> 10.0.0.1:22 in eth0");
  EXPECT_EQ(other.outcome, Outcome::Accept);
}

TEST(Why, IcmpIsAcceptedByTheDefaultTargetUnlessBlocked) {
  Case c;
  auto r = c.run("icmp 203.0.113.7 -> 10.0.0.1 echo-request in eth0");
  EXPECT_EQ(r.outcome, Outcome::Accept);
  EXPECT_EQ(r.reason, "zone public, target default: accept");
  c.config.zones["public"].value.icmp_blocks = {"echo-request"};
  auto blocked = c.run("icmp 203.0.113.7 -> 10.0.0.1 echo-request in eth0");
  EXPECT_EQ(blocked.outcome, Outcome::Reject);
  EXPECT_EQ(blocked.reason, "zone public, icmp-block echo-request: reject");
}

TEST(Why, PolicyAllowHostIpv6) {
  Case c;
  auto r = c.run("icmpv6 fe80::1 -> fe80::2 neighbour-solicitation in eth9");
  ASSERT_EQ(r.outcome, Outcome::Accept);
  // In the drop zone only the policy lets neighbour discovery in (or the rpfilter exception).
  EXPECT_NE(r.reason.find("policy allow-host-ipv6"), std::string::npos) << r.reason;
}

TEST(Why, TrustedZoneAccepts) {
  Case c;
  auto r = c.run("tcp 203.0.113.7 -> 10.0.0.1:9999 in eth2");
  EXPECT_EQ(r.outcome, Outcome::Accept);
  EXPECT_EQ(r.reason, "zone trusted, target ACCEPT: accept");
}

TEST(Why, OutgoingPassesByPolicy) {
  Case c;
  auto r = c.run("tcp 10.0.0.1 -> 203.0.113.7:443 out eth0");
  EXPECT_EQ(r.outcome, Outcome::Accept);
  EXPECT_EQ(r.deciding, nullptr);
}

TEST(Why, ForwardedBetweenZones) {
  Case c;
  auto r = c.run("tcp 203.0.113.7 -> 192.0.2.9:80 in eth0 out eth2");
  EXPECT_EQ(r.outcome, Outcome::Reject);
  EXPECT_EQ(r.zone, "public");
  auto same = c.run("tcp 203.0.113.7 -> 192.0.2.9:80 in eth0 out eth0");
  EXPECT_EQ(same.outcome, Outcome::Accept);  // intra-zone forwarding (<forward/>)
  EXPECT_EQ(same.reason, "zone public, interface eth0: accept");
}

TEST(Why, ForwardPortIsAcceptedThroughDnat) {
  Case c;
  c.config.zones["public"].value.forward_ports = {{"8080", "tcp", "80", "192.0.2.9"}};
  auto r = c.run("tcp 203.0.113.7 -> 10.0.0.1:8080 in eth0");
  EXPECT_EQ(r.outcome, Outcome::Accept);
  EXPECT_EQ(r.reason, "firewalld's built-in rule: accept");
  EXPECT_EQ(to_text(*r.deciding), "ct status dnat accept");
  EXPECT_EQ(r.deciding_chain, "filter_FORWARD");  // to another address: routed on
  c.config.zones["public"].value.forward_ports = {{"8080", "tcp", "22", ""}};
  auto redirected = c.run("tcp 203.0.113.7 -> 10.0.0.1:8080 in eth0");
  EXPECT_EQ(redirected.outcome, Outcome::Accept);
  EXPECT_EQ(redirected.deciding_chain, "filter_INPUT");
}

TEST(Why, SaysWhatItCannotTell) {
  Case c;
  auto rule = model::parse_rich_rule("rule family=\"ipv4\" source address=\"203.0.113.0/24\" drop");
  ASSERT_TRUE(rule);
  c.config.zones["public"].value.rules = {*rule};
  auto r = c.run("tcp -> 10.0.0.1:22 in eth0");  // no family: refused
  (void)r;
  auto p = parse_packet("tcp 10.0.0.1 -> 22 in eth0");
  ASSERT_TRUE(p);
  p->saddr.clear();
  auto u = why(c.ruleset, *p);
  EXPECT_EQ(u.outcome, Outcome::Unknown);
  EXPECT_NE(u.reason.find("the source address"), std::string::npos) << u.reason;
}

TEST(WhyPacket, Syntax) {
  auto p = parse_packet("tcp 198.51.100.7:40000 -> 22 in eth0");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->family, "ipv4");
  EXPECT_EQ(p->sport, 40000);
  EXPECT_EQ(p->dport, 22);
  EXPECT_EQ(p->daddr, "");
  EXPECT_EQ(p->direction, Direction::Incoming);
  auto v6 = parse_packet("udp [2001:db8::7]:5000 -> [2001:db8::1]:53 in eth0 out eth1");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->family, "ipv6");
  EXPECT_EQ(v6->daddr, "2001:db8::1");
  EXPECT_EQ(v6->direction, Direction::Forwarded);
  auto icmp = parse_packet("icmp -> 10.0.0.1 out eth0");
  ASSERT_TRUE(icmp);
  EXPECT_EQ(icmp->icmp_type, "echo-request");
  EXPECT_EQ(icmp->direction, Direction::Outgoing);
  for (const char* bad :
       {"", "tcp 10.0.0.1 -> 22", "sctp 10.0.0.1 -> 22 in eth0", "tcp 10.0.0.1 -> 99999 in eth0",
        "tcp 10.0.0.1 -> ::1 in eth0", "tcp -> 22 in eth0", "icmp 10.0.0.1:5 -> 10.0.0.2 in eth0",
        "tcp 10.0.0.300 -> 22 in eth0", "tcp 10.0.0.1 -> 22 in eth0 x"}) {
    EXPECT_FALSE(parse_packet(bad)) << bad;
  }
}

TEST(WhyMatch, Addresses) {
  EXPECT_EQ(address_in("10.1.2.3", "10.0.0.0/8"), Tri::Yes);
  EXPECT_EQ(address_in("11.1.2.3", "10.0.0.0/8"), Tri::No);
  EXPECT_EQ(address_in("10.0.0.5", "10.0.0.1-10.0.0.9"), Tri::Yes);
  EXPECT_EQ(address_in("2001:db8::1", "2001:db8::/32"), Tri::Yes);
  EXPECT_EQ(address_in("2001:db8::1", "10.0.0.0/8"), Tri::No);
  EXPECT_EQ(address_in("10.0.0.1", "00:11:22:33:44:55"), Tri::Unknown);
  EXPECT_EQ(address_in("10.0.0.1", "10.0.0.0/99"), Tri::Unknown);
}

}  // namespace
}  // namespace fwctl::compiler
