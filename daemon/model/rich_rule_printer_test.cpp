// to_string() on rules built field by field. The expected strings follow firewalld 1.3.3's
// __str__ methods in firewall/core/rich.py, checked by building the same objects in its python.

#include "model/rich_rule_printer.hpp"

#include <gtest/gtest.h>

namespace fwctl::model {
namespace {

RichAction action(RichActionType type) { return RichAction{type, "", "", std::nullopt}; }

TEST(RichRulePrinter, PrintsPriorityBeforeFamilyAndOmitsZeroPriority) {
  RichRule rule;
  rule.family = "ipv6";
  rule.priority = -7;
  rule.element = RichService{"ssh"};
  rule.action = action(RichActionType::Drop);
  EXPECT_EQ(to_string(rule), R"(rule priority="-7" family="ipv6" service name="ssh" drop)");
  rule.priority = 0;
  EXPECT_EQ(to_string(rule), R"(rule family="ipv6" service name="ssh" drop)");
}

TEST(RichRulePrinter, PrintsPartsInFirewalldsOrder) {
  RichRule rule;
  rule.action = action(RichActionType::Accept);
  rule.audit = RichAudit{};
  rule.log = RichLog{"x", "", std::nullopt};
  rule.element = RichPort{"22", "tcp"};
  rule.destination = RichDestination{"10.0.0.1", "", false};
  rule.source = RichSource{"10.0.0.2", "", "", false};
  rule.family = "ipv4";
  EXPECT_EQ(to_string(rule),
            R"(rule family="ipv4" source address="10.0.0.2" destination address="10.0.0.1" )"
            R"(port port="22" protocol="tcp" log prefix="x" audit accept)");
}

TEST(RichRulePrinter, PrintsInvertedAddressesWithUppercaseNot) {
  EXPECT_EQ(to_string(RichSource{"1.2.3.4", "", "", true}), R"(source NOT address="1.2.3.4")");
  EXPECT_EQ(to_string(RichDestination{"", "set", true}), R"(destination NOT ipset="set")");
  EXPECT_EQ(to_string(RichDestination{"", "set", false}), R"(destination ipset="set")");
}

TEST(RichRulePrinter, PrintsOnlyTheFirstOfAddressMacAndIpset) {
  EXPECT_EQ(to_string(RichSource{"1.2.3.4", "AA:BB:CC:DD:EE:FF", "s", false}),
            R"(source address="1.2.3.4")");
  EXPECT_EQ(to_string(RichSource{"", "AA:BB:CC:DD:EE:FF", "s", false}),
            R"(source mac="AA:BB:CC:DD:EE:FF")");
  EXPECT_EQ(to_string(RichSource{"", "", "s", false}), R"(source ipset="s")");
}

TEST(RichRulePrinter, PrintsEveryElement) {
  EXPECT_EQ(to_string(RichElement(RichService{"ssh"})), R"(service name="ssh")");
  EXPECT_EQ(to_string(RichElement(RichPort{"80", "tcp"})), R"(port port="80" protocol="tcp")");
  EXPECT_EQ(to_string(RichElement(RichSourcePort{"53", "udp"})),
            R"(source-port port="53" protocol="udp")");
  EXPECT_EQ(to_string(RichElement(RichProtocol{"ah"})), R"(protocol value="ah")");
  EXPECT_EQ(to_string(RichElement(RichMasquerade{})), "masquerade");
  EXPECT_EQ(to_string(RichElement(RichIcmpBlock{"echo-request"})),
            R"(icmp-block name="echo-request")");
  EXPECT_EQ(to_string(RichElement(RichIcmpType{"echo-reply"})), R"(icmp-type name="echo-reply")");
  EXPECT_EQ(to_string(RichElement(RichTcpMssClamp{"1400"})), R"(tcp-mss-clamp value="1400")");
  EXPECT_EQ(to_string(RichElement(RichTcpMssClamp{""})), "tcp-mss-clamp");
}

TEST(RichRulePrinter, PrintsEmptyNamesAndPortsQuotedAsFirewalldDoes) {
  EXPECT_EQ(to_string(RichElement(RichService{""})), R"(service name="")");
  EXPECT_EQ(to_string(RichElement(RichPort{"", ""})), R"(port port="" protocol="")");
}

TEST(RichRulePrinter, PrintsForwardPortTargetsOnlyWhenSet) {
  EXPECT_EQ(to_string(RichElement(RichForwardPort{"80", "tcp", "8080", ""})),
            R"(forward-port port="80" protocol="tcp" to-port="8080")");
  EXPECT_EQ(to_string(RichElement(RichForwardPort{"80", "tcp", "", "10.0.0.1"})),
            R"(forward-port port="80" protocol="tcp" to-addr="10.0.0.1")");
  EXPECT_EQ(to_string(RichElement(RichForwardPort{"80", "tcp", "81", "10.0.0.1"})),
            R"(forward-port port="80" protocol="tcp" to-port="81" to-addr="10.0.0.1")");
}

TEST(RichRulePrinter, PrintsLogAttributesOnlyWhenSet) {
  EXPECT_EQ(to_string(RichLog{}), "log");
  EXPECT_EQ(to_string(RichLog{"p ", "info", RichLimit{"1/m"}}),
            R"(log prefix="p " level="info" limit value="1/m")");
  EXPECT_EQ(to_string(RichNflog{}), "nflog");
  EXPECT_EQ(to_string(RichNflog{"0", "", "5", std::nullopt}), R"(nflog group="0" queue-size="5")");
  EXPECT_EQ(to_string(RichAudit{RichLimit{"2/h"}}), R"(audit limit value="2/h")");
}

TEST(RichRulePrinter, PrintsActionsWithTheMarkUnquoted) {
  EXPECT_EQ(to_string(action(RichActionType::Accept)), "accept");
  EXPECT_EQ(to_string(action(RichActionType::Drop)), "drop");
  EXPECT_EQ(to_string(action(RichActionType::Reject)), "reject");
  EXPECT_EQ(to_string(RichAction{RichActionType::Reject, "tcp-reset", "", RichLimit{"1/s"}}),
            R"(reject type="tcp-reset" limit value="1/s")");
  EXPECT_EQ(to_string(RichAction{RichActionType::Mark, "", "0x1/0xff", std::nullopt}),
            "mark set=0x1/0xff");
}

}  // namespace
}  // namespace fwctl::model
