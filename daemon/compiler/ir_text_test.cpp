// to_text() prints IR the way `nft list ruleset` (nftables 1.0.6) does.

#include <gtest/gtest.h>

#include "compiler/fragments.hpp"
#include "compiler/ir.hpp"

namespace fwctl::compiler {
namespace {

TEST(IrText, PrioritiesNearAStandardOneAreNamedRelativeToIt) {
  EXPECT_EQ(to_text(BaseHook{"filter", "prerouting", -140, "accept"}),
            "type filter hook prerouting priority mangle + 10; policy accept;");
  EXPECT_EQ(to_text(BaseHook{"nat", "postrouting", 110, "accept"}),
            "type nat hook postrouting priority srcnat + 10; policy accept;");
  EXPECT_EQ(to_text(BaseHook{"filter", "input", 0, "drop"}),
            "type filter hook input priority filter; policy drop;");
}

TEST(IrText, DstnatIsNotANameOnTheOutputHook) {
  EXPECT_EQ(to_text(BaseHook{"nat", "output", -90, "accept"}),
            "type nat hook output priority -90; policy accept;");
}

TEST(IrText, InterfaceNamesAreQuotedAndNegationShown) {
  Rule r{{meta_match("oifname", quoted("lo"), Op::Neq), Masquerade{}}};
  EXPECT_EQ(to_text(r), "oifname != \"lo\" masquerade");
}

TEST(IrText, MetaKeysOtherThanInterfacesKeepTheMetaKeyword) {
  Rule r{{meta_match("l4proto", AnonSet{{symbol("icmp"), symbol("ipv6-icmp")}}), accept()}};
  EXPECT_EQ(to_text(r), "meta l4proto { icmp, ipv6-icmp } accept");
}

TEST(IrText, IcmpxPortUnreachableIsPrintedAsBareReject) {
  EXPECT_EQ(to_text(Statement{Reject{"icmpx", "port-unreachable"}}), "reject");
  EXPECT_EQ(to_text(Statement{Reject{"tcp reset", ""}}), "reject with tcp reset");
}

TEST(IrText, LogLevelWarnIsLeftOut) {
  EXPECT_EQ(to_text(Statement{Log{"x: ", "warn", {}, {}}}), "log prefix \"x: \"");
  EXPECT_EQ(to_text(Statement{Log{{}, "audit", {}, {}}}), "log level audit");
  EXPECT_EQ(to_text(Statement{Log{"nf", {}, 3u, 5u}}),
            "log prefix \"nf\" group 3 queue-threshold 5");
}

TEST(IrText, Ipv6DnatWithAPortUsesBrackets) {
  EXPECT_EQ(to_text(Statement{Dnat{"ip6", "fd00::9", "2222"}}), "dnat ip6 to [fd00::9]:2222");
  EXPECT_EQ(to_text(Statement{Dnat{"ip", "10.0.0.2", ""}}), "dnat ip to 10.0.0.2");
}

TEST(IrText, ConcatenatedSetLookupJoinsSelectorsWithDots) {
  Match m{{Payload{"ip", "saddr"}, Meta{"l4proto"}, Payload{"th", "dport"}}, Op::Eq, SetRef{"s"}};
  EXPECT_EQ(to_text(Statement{m}), "ip saddr . meta l4proto . th dport @s");
}

TEST(IrText, EmptyChainAndNamedSetLayout) {
  EXPECT_EQ(to_text(Chain{"c", std::nullopt, {}}), "\tchain c {\n\t}\n");
  Set s{"foo", {"ipv4_addr"}, {"interval"}, {{Value{ValueKind::Address, "10.0.0.1"}}}};
  EXPECT_EQ(
      to_text(s),
      "\tset foo {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = { 10.0.0.1 }\n\t}\n");
}

}  // namespace
}  // namespace fwctl::compiler
