// Rule encodings compared with what `nft --debug=netlink` (nftables 1.0.6) prints for the same
// rule text in an inet table, the way nftables' tests/py *.t.payload files pin its bytecode.

#include <gtest/gtest.h>

#include "nft/nft_test_support.hpp"

namespace fwctl::nft {
namespace {

using namespace testing;
using compiler::AnonSet;
using compiler::Ct;
using compiler::Fib;
using compiler::Meta;
using compiler::Op;
using compiler::Payload;
using compiler::SetRef;

std::string rule_line(const std::vector<std::string>& encoded) {
  return encoded.empty() ? "" : encoded.back();
}

const std::string kRule = "add rule inet firewalld c ";

TEST(RuleEncoder, TcpPortGetsItsL4protoDependency) {
  // tcp dport 22 accept
  EXPECT_EQ(rule_line(encode(rule({match(Payload{"tcp", "dport"}, num("22")), accept()}))),
            kRule +
                "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x00000006 ] "
                "[ payload load 2b @ transport header + 2 => reg 1 ] "
                "[ cmp eq reg 1 0x00001600 ] [ immediate reg 0 accept ]");
}

TEST(RuleEncoder, BytePrefixLoadsOnlyThePrefix) {
  // ip saddr 10.1.0.0/16 goto filter_IN_public
  auto r = rule({match(Payload{"ip", "saddr"}, Value{ValueKind::Prefix, "10.1.0.0/16"}),
                 compiler::Verdict{compiler::VerdictKind::Goto, "filter_IN_public"}});
  EXPECT_EQ(rule_line(encode(r)),
            kRule +
                "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] "
                "[ payload load 2b @ network header + 12 => reg 1 ] "
                "[ cmp eq reg 1 0x0000010a ] [ immediate reg 0 goto -> filter_IN_public ]");
}

TEST(RuleEncoder, OtherPrefixesAreMasked) {
  // ip saddr != 10.0.0.0/28 accept
  auto r = rule(
      {match(Payload{"ip", "saddr"}, Value{ValueKind::Prefix, "10.0.0.0/28"}, Op::Neq), accept()});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] "
                                      "[ payload load 4b @ network header + 12 => reg 1 ] "
                                      "[ bitwise reg 1 = ( reg 1 & 0xf0ffffff ) ^ 0x00000000 ] "
                                      "[ cmp neq reg 1 0x0000000a ] [ immediate reg 0 accept ]");
}

TEST(RuleEncoder, AnonymousSetPrecedesTheRuleThatLooksItUp) {
  // ct state { established, related } accept
  auto r = rule({match(Ct{"state"}, AnonSet{{sym("established"), sym("related")}}), accept()});
  EXPECT_EQ(encode(r), (std::vector<std::string>{
                           "add set inet firewalld __set%d id 1 { type 26 len 4 flags 0x3 size 2 }",
                           "add element inet firewalld __set%d id 1 { 02000000, 04000000 }",
                           kRule + "[ ct load state => reg 1 ] [ lookup reg 1 set __set%d ] "
                                   "[ immediate reg 0 accept ]"}));
}

TEST(RuleEncoder, BareBitmaskValueTestsTheFlag) {
  // ct state invalid drop
  auto r = rule(
      {match(Ct{"state"}, sym("invalid")), compiler::Verdict{compiler::VerdictKind::Drop, {}}});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ ct load state => reg 1 ] "
                                      "[ bitwise reg 1 = ( reg 1 & 0x00000001 ) ^ 0x00000000 ] "
                                      "[ cmp neq reg 1 0x00000000 ] [ immediate reg 0 drop ]");
}

TEST(RuleEncoder, IcmpTypeNeedsBothFamilyAndProtocol) {
  // icmpv6 type nd-redirect accept
  EXPECT_EQ(
      rule_line(encode(rule({match(Payload{"icmpv6", "type"}, sym("nd-redirect")), accept()}))),
      kRule +
          "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x0000000a ] "
          "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x0000003a ] "
          "[ payload load 1b @ transport header + 0 => reg 1 ] "
          "[ cmp eq reg 1 0x00000089 ] [ immediate reg 0 accept ]");
}

TEST(RuleEncoder, ExplicitProtocolMatchIsNotRepeated) {
  // meta l4proto tcp ip saddr 10.9.0.1 reject with tcp reset
  auto r = rule({match(Meta{"l4proto"}, sym("tcp")),
                 match(Payload{"ip", "saddr"}, Value{ValueKind::Address, "10.9.0.1"}),
                 compiler::Reject{"tcp reset", ""}});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x00000006 ] "
                                      "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] "
                                      "[ payload load 4b @ network header + 12 => reg 1 ] "
                                      "[ cmp eq reg 1 0x0100090a ] [ reject type 1 code 0 ]");
}

TEST(RuleEncoder, PortRangeIsTwoComparisons) {
  // tcp dport 8080-8090 accept
  auto r = rule({match(Payload{"tcp", "dport"}, Value{ValueKind::Range, "8080-8090"}), accept()});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x00000006 ] "
                                      "[ payload load 2b @ transport header + 2 => reg 1 ] "
                                      "[ cmp gte reg 1 0x0000901f ] [ cmp lte reg 1 0x00009a1f ] "
                                      "[ immediate reg 0 accept ]");
}

TEST(RuleEncoder, FibMissingTestsPresence) {
  // meta nfproto ipv6 fib saddr . mark . iif oif missing drop
  auto r = rule({match(Meta{"nfproto"}, sym("ipv6")),
                 match(Fib{{"saddr", "mark", "iif"}, "oif"}, Value{ValueKind::Bool, "missing"}),
                 compiler::Verdict{compiler::VerdictKind::Drop, {}}});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x0000000a ] "
                                      "[ fib saddr . mark . iif oif present => reg 1 ] "
                                      "[ cmp eq reg 1 0x00000000 ] [ immediate reg 0 drop ]");
}

TEST(RuleEncoder, ConcatenationFillsConsecutiveRegisters) {
  // ip saddr . meta l4proto . th dport @s accept, s with flags interval
  Batch batch;
  compiler::Set set{"s", {"ipv4_addr", "inet_proto", "inet_service"}, {"interval"}, {}};
  ASSERT_TRUE(batch.add_set(kTable, set));
  compiler::Match m;
  m.left = {Payload{"ip", "saddr"}, Meta{"l4proto"}, Payload{"th", "dport"}};
  m.right = SetRef{"s"};
  ASSERT_TRUE(batch.add_rule(kTable, "c", rule({m, accept()}), "test"));
  EXPECT_EQ(lines(batch),
            (std::vector<std::string>{
                "add set inet firewalld s id 1 { type 29453 len 12 flags 0x84 }",
                kRule + "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] "
                        "[ payload load 4b @ network header + 12 => reg 1 ] "
                        "[ meta load l4proto => reg 9 ] [ byteorder reg 9 = hton(reg 9, 2, 1) ] "
                        "[ payload load 2b @ transport header + 2 => reg 10 ] "
                        "[ lookup reg 1 set s ] [ immediate reg 0 accept ]"}));
}

TEST(RuleEncoder, DnatLoadsAddressAndPortIntoRegisters) {
  // meta nfproto ipv4 tcp dport 443 dnat ip to 10.0.0.2:8443
  auto r = rule({match(Meta{"nfproto"}, sym("ipv4")), match(Payload{"tcp", "dport"}, num("443")),
                 compiler::Dnat{"ip", "10.0.0.2", "8443"}});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ meta load nfproto => reg 1 ] [ cmp eq reg 1 0x00000002 ] "
                                      "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x00000006 ] "
                                      "[ payload load 2b @ transport header + 2 => reg 1 ] "
                                      "[ cmp eq reg 1 0x0000bb01 ] [ immediate reg 1 0x0200000a ] "
                                      "[ immediate reg 2 0x0000fb20 ] "
                                      "[ nat dnat ip addr_min reg 1 proto_min reg 2 flags 0x2 ]");
}

TEST(RuleEncoder, MaskedMarkSetReadsTheMarkFirst) {
  // meta mark set meta mark & 0x000000ff ^ 0x00000001
  EXPECT_EQ(rule_line(encode(rule({compiler::MarkSet{"0x00000001", "0x000000ff"}}))),
            kRule +
                "[ meta load mark => reg 1 ] "
                "[ bitwise reg 1 = ( reg 1 & 0x000000ff ) ^ 0x00000001 ] "
                "[ meta set mark with reg 1 ]");
}

TEST(RuleEncoder, NftraceSetForFwctlTrace) {
  // meta nftrace set 1 (fwctl --trace's own chains)
  auto r = rule({compiler::NftraceSet{}});
  EXPECT_EQ(compiler::to_text(r), "meta nftrace set 1");
  EXPECT_EQ(rule_line(encode(r)),
            kRule + "[ immediate reg 1 0x00000001 ] [ meta set nftrace with reg 1 ]");
}

TEST(RuleEncoder, MssClampToRouteMtu) {
  // tcp flags syn tcp option maxseg size set rt mtu
  auto r = rule({match(Payload{"tcp", "flags"}, sym("syn"), Op::Has), compiler::TcpMssSet{}});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ meta load l4proto => reg 1 ] [ cmp eq reg 1 0x00000006 ] "
                                      "[ payload load 1b @ transport header + 13 => reg 1 ] "
                                      "[ bitwise reg 1 = ( reg 1 & 0x00000002 ) ^ 0x00000000 ] "
                                      "[ cmp neq reg 1 0x00000000 ] [ rt load tcpmss => reg 1 ] "
                                      "[ byteorder reg 1 = hton(reg 1, 2, 2) ] "
                                      "[ exthdr write tcpopt reg 1 => 2b @ 2 + 2 ]");
}

TEST(RuleEncoder, LogLimitAndHelper) {
  // limit rate 3/minute log prefix "SSH: " level info ct helper set "helper-ftp-tcp"
  auto r = rule({compiler::Limit{3, "minute"}, compiler::Log{"SSH: ", "info", {}, {}},
                 compiler::CtHelperSet{"helper-ftp-tcp"}});
  EXPECT_EQ(rule_line(encode(r)),
            kRule +
                "[ limit rate 3/minute burst 5 type packets flags 0x0 ] "
                "[ log prefix SSH:  level 6 ] [ objref type 3 name helper-ftp-tcp ]");
}

// firewalld 2.x features (README "firewalld 2.x features").
TEST(RuleEncoder, LimitBurst) {
  // limit rate 3/minute burst 10 packets accept
  auto r = rule({compiler::Limit{3, "minute", 10}, accept()});
  EXPECT_EQ(rule_line(encode(r)), kRule +
                                      "[ limit rate 3/minute burst 10 type packets flags 0x0 ] "
                                      "[ immediate reg 0 accept ]");
}

TEST(RuleEncoder, CtOriginalProtoDstLoadsTheOriginalDirectionsPort) {
  // ct original proto-dst 8443 accept (StrictForwardPorts): 2 bytes, network order, no protocol
  auto r = rule({match(Ct{"proto-dst", "original"}, num("8443")), accept()});
  EXPECT_EQ(rule_line(encode(r)),
            kRule +
                "[ ct load proto_dst => reg 1 , dir original ] [ cmp eq reg 1 0x0000fb20 ] "
                "[ immediate reg 0 accept ]");
  // The kernel refuses proto-dst without a direction; so does the encoder.
  Batch batch;
  EXPECT_FALSE(
      batch.add_rule(kTable, "c", rule({match(Ct{"proto-dst"}, num("1")), accept()}), "test"));
}

TEST(RuleEncoder, UnknownSymbolFailsAndLeavesTheBatchUnchanged) {
  Batch batch;
  ASSERT_TRUE(batch.add_table(kTable));
  auto r = rule({match(Ct{"state"}, AnonSet{{sym("established"), sym("bogus")}}), accept()});
  auto status = batch.add_rule(kTable, "c", r, "chain 'c' rule 1");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message(),
            "COMMAND_FAILED: chain 'c' rule 1: 'bogus' is not a valid ct_state");
  EXPECT_EQ(batch.size(), 1u);
}

}  // namespace
}  // namespace fwctl::nft
