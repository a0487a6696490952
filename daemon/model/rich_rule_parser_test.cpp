// Rich-rule texts that firewalld 1.3.3 refuses, and the error it gives for each.
//
// Every code and detail in the table was obtained by running firewalld 1.3.3's own parser on the
// same input (Rich_Rule(rule_str=input), catching FirewallError for code and msg). Where
// firewalld fails with a Python exception instead (unbalanced quotes, a missing port, an
// unhandled nesting), its D-Bus callers see UNKNOWN_ERROR with the exception's message.

#include <gtest/gtest.h>

#include <string>

#include "model/rich_rule.hpp"

namespace fwctl::model {
namespace {

struct Refused {
  const char* input;
  Code code;
  const char* detail;  // firewalld's message, empty when it gives none
};

// clang-format off
const Refused kRefused[] = {
    {R"(EOL rule)",
     Code::INVALID_RULE, R"(empty rule)"},
    {R"(rule)",
     Code::INVALID_RULE, R"(no element, no action)"},
    {R"(rule service name="ssh" audit limit value="1/d" drop)",
     Code::INVALID_LIMIT, R"(1/d too slow)"},
    {"rule\tservice\tname=\"ssh\"\taccept",
     Code::INVALID_RULE, R"(bad attribute 'ruleservicename')"},
    {R"(family=ipv4)",
     Code::INVALID_RULE, R"('family' outside of rule. Use 'rule family=...'.)"},
    {R"(priority=1)",
     Code::INVALID_RULE, R"('priority' outside of rule. Use 'rule priority=...'.)"},
    {R"(value=1)",
     Code::INVALID_RULE, R"('value' outside of any element. Use 'rule <element> value= ...'.)"},
    {R"(rule port protocol=tcp accept)",
     Code::UNKNOWN_ERROR, R"('NoneType' object has no attribute 'isdigit')"},
    {R"(rule family=ipv4 forward-port protocol=tcp to-port=22)",
     Code::UNKNOWN_ERROR, R"('NoneType' object has no attribute 'isdigit')"},
    {R"(rule source-port protocol=tcp accept)",
     Code::UNKNOWN_ERROR, R"('NoneType' object has no attribute 'isdigit')"},
    {R"(rule port port=80 accept)",
     Code::INVALID_PROTOCOL, R"()"},
    {R"(rule port port=80 protocol=icmp accept)",
     Code::INVALID_PROTOCOL, R"(icmp)"},
    {R"(rule port port=70000 protocol=tcp accept)",
     Code::INVALID_PORT, R"(70000)"},
    {R"(rule port port=abc protocol=tcp accept)",
     Code::INVALID_PORT, R"(abc)"},
    {R"(rule rule accept)",
     Code::UNKNOWN_ERROR, R"(list index out of range)"},
    {R"(rule not accept)",
     Code::UNKNOWN_ERROR, R"(list index out of range)"},
    {R"(rule service name="ssh)",
     Code::UNKNOWN_ERROR, R"(No closing quotation)"},
    {R"(rule service name='ssh accept)",
     Code::UNKNOWN_ERROR, R"(No closing quotation)"},
    {R"(rule service name=ssh\)",
     Code::UNKNOWN_ERROR, R"(No escaped character)"},
    {R"(rule service name=ssh accept drop)",
     Code::INVALID_RULE, R"(more than one 'action' element. There cannot be both 'drop' and )"
                         R"('accept' in one rule.)"},
    {R"(rule service name=ssh service name=ftp accept)",
     Code::INVALID_RULE, R"(more than one element. There cannot be both 'service' and 'service )"
                         R"(name="ssh"' in one rule.)"},
    {R"(rule tcp-mss-clamp service name=ssh)",
     Code::INVALID_RULE, R"(more than one element. There cannot be both 'service' and )"
                         R"('tcp-mss-clamp' in one rule.)"},
    {R"(rule family=ipv4 source address=1.2.3.4 source address=1.2.3.5 accept)",
     Code::INVALID_RULE, R"(more than one 'source' element)"},
    {R"(rule family=ipv4 destination address=1.2.3.4 destination address=1.2.3.5 accept)",
     Code::INVALID_RULE, R"(more than one 'destination' element)"},
    {R"(rule family=ipv4 source address=1.2.3.4 name=ssh accept)",
     Code::INVALID_RULE, R"(attribute 'name' outside of any element. Use 'rule <element> name= )"
                         R"(...'.)"},
    {R"(rule foo)",
     Code::INVALID_RULE, R"(unknown element foo)"},
    {R"(rule bogus=1)",
     Code::INVALID_RULE, R"(bad attribute 'bogus')"},
    {R"(rule service name=a=b accept)",
     Code::INVALID_RULE, R"(internal error in _lexer(): name=a=b)"},
    {R"(rule service name= accept)",
     Code::INVALID_RULE, R"(internal error in _lexer(): name=)"},
    {R"(rule service =ssh accept)",
     Code::INVALID_RULE, R"(internal error in _lexer(): =ssh)"},
    {R"(rule "" accept)",
     Code::INVALID_RULE, R"(unknown element )"},
    {R"(rule family=ipv5 accept)",
     Code::INVALID_RULE, R"('family' attribute cannot have 'ipv5' value. Use 'ipv4' or 'ipv6' )"
                         R"(instead.)"},
    {R"(rule protocol=tcp accept)",
     Code::INVALID_RULE, R"(wrong 'protocol' usage. Use either 'rule protocol value=...' or  )"
                         R"('rule [forward-]port protocol=...'.)"},
    {R"(rule address=1.2.3.4 accept)",
     Code::INVALID_RULE, R"(attribute 'address' outside of any element. Use 'rule <element> )"
                         R"(address= ...'.)"},
    {R"(rule family=ipv4 destination mac=aa:bb:cc:dd:ee:ff accept)",
     Code::INVALID_RULE, R"(no address and ipset)"},
    {R"(rule source)",
     Code::INVALID_RULE, R"(no address, mac and ipset)"},
    {R"(rule source accept)",
     Code::INVALID_RULE, R"(no address, mac and ipset)"},
    {R"(rule destination accept)",
     Code::INVALID_RULE, R"(no address and ipset)"},
    {R"(rule accept limit)",
     Code::INVALID_RULE, R"(invalid 'limit' element)"},
    {R"(rule accept limit foo=1)",
     Code::INVALID_RULE, R"(bad attribute 'foo')"},
    {R"(rule service)",
     Code::INVALID_RULE, R"(invalid 'service' element)"},
    {R"(rule service value=ssh)",
     Code::INVALID_RULE, R"(invalid 'service' element)"},
    {R"(rule protocol value=tcp)",
     Code::INVALID_RULE, R"(no action, no log, no audit)"},
    {R"(rule protocol name=tcp accept)",
     Code::INVALID_RULE, R"(invalid 'protocol' element)"},
    {R"(rule icmp-block)",
     Code::INVALID_RULE, R"(invalid 'icmp-block' element)"},
    {R"(rule icmp-type accept)",
     Code::INVALID_RULE, R"(invalid 'icmp-type' element)"},
    {R"(rule icmp-block name=x name=y)",
     Code::INVALID_RULE, R"(attribute 'name' outside of any element. Use 'rule <element> name= )"
                         R"(...'.)"},
    {R"(rule family=ipv4 source address=1.2.3.4 log)",
     Code::INVALID_RULE, R"(no element, no action)"},
    {R"(rule log)",
     Code::INVALID_RULE, R"(no element, no action)"},
    {R"(rule accept)",
     Code::INVALID_RULE, R"(no element, no source, no destination)"},
    {R"(rule service name=ssh log nflog drop)",
     Code::INVALID_RULE, R"(more than one logging element)"},
    {R"(rule service name=ssh nflog log drop)",
     Code::INVALID_RULE, R"(more than one logging element)"},
    {R"(rule service name=ssh audit audit drop)",
     Code::INVALID_RULE, R"(more than one 'audit' element)"},
    {R"(rule service name=ssh audit)",
     Code::INVALID_AUDIT_TYPE, R"(<class 'NoneType'>)"},
    {R"(rule service name=ssh audit mark set=1)",
     Code::INVALID_AUDIT_TYPE, R"(<class 'firewall.core.rich.Rich_Mark'>)"},
    {R"(rule tcp-mss-clamp value=pmtu audit)",
     Code::INVALID_AUDIT_TYPE, R"(<class 'NoneType'>)"},
    {R"(rule source mac=00:11:22:33:44:55 masquerade)",
     Code::INVALID_RULE, R"(masquerade and mac source)"},
    {R"(rule masquerade drop)",
     Code::INVALID_RULE, R"(masquerade and action)"},
    {R"(rule icmp-block name=echo-request accept)",
     Code::INVALID_RULE, R"(icmp-block and action)"},
    {R"(rule icmp-type name=echo-request)",
     Code::INVALID_RULE, R"(no action, no log, no audit)"},
    {R"(rule forward-port port=80 protocol=tcp to-port=8080)",
     Code::MISSING_FAMILY, R"()"},
    {R"(rule family=ipv4 forward-port port=80 protocol=tcp)",
     Code::INVALID_PORT, R"()"},
    {R"(rule family=ipv4 forward-port port=80 protocol=tcp to-port=99999)",
     Code::INVALID_PORT, R"(99999)"},
    {R"(rule family=ipv4 forward-port port=80 protocol=tcp to-addr=::1)",
     Code::INVALID_ADDR, R"(::1)"},
    {R"(rule family=ipv4 forward-port port=80 protocol=tcp to-addr=1.2.3.0/24)",
     Code::INVALID_ADDR, R"(1.2.3.0/24)"},
    {R"(rule family=ipv6 forward-port port=80 protocol=tcp to-addr=1.2.3.4)",
     Code::INVALID_ADDR, R"(1.2.3.4)"},
    {R"(rule family=ipv4 forward-port port=80 protocol=tcp to-port=8080 accept)",
     Code::INVALID_RULE, R"(forward-port and action)"},
    {R"(rule family=ipv4 forward-port port=80 protocol=icmp to-port=8080)",
     Code::INVALID_PROTOCOL, R"(icmp)"},
    {R"(rule source-port port=80 protocol=icmp drop)",
     Code::INVALID_PROTOCOL, R"(icmp)"},
    {R"(rule source-port port=x protocol=tcp drop)",
     Code::INVALID_PORT, R"(x)"},
    {R"(rule tcp-mss-clamp value=535)",
     Code::INVALID_RULE, R"(535)"},
    {R"(rule tcp-mss-clamp value=foo)",
     Code::INVALID_RULE, R"(foo)"},
    {R"(rule tcp-mss-clamp value=pmtu accept)",
     Code::INVALID_RULE, R"(tcp-mss-clamp and accept are mutually exclusive)"},
    {R"(rule tcp-mss-clamp accept limit value=1/m)",
     Code::INVALID_RULE, R"(tcp-mss-clamp and accept limit value="1/m" are mutually exclusive)"},
    {R"(rule service name=ssh accept limit value=1/d)",
     Code::INVALID_LIMIT, R"(1/d too slow)"},
    {R"(rule service name=ssh accept limit value=01/d)",
     Code::INVALID_LIMIT, R"(01/d too slow)"},
    {R"(rule service name=ssh accept limit value=1/day)",
     Code::INVALID_LIMIT, R"(1/d too slow)"},
    {R"(rule service name=ssh accept limit value=0/s)",
     Code::INVALID_LIMIT, R"(0/s)"},
    {R"(rule service name=ssh accept limit value=-1/s)",
     Code::INVALID_LIMIT, R"(-1/s)"},
    {R"(rule service name=ssh accept limit value=1/x)",
     Code::INVALID_LIMIT, R"(1/x)"},
    {R"(rule service name=ssh accept limit value=1/sec)",
     Code::INVALID_LIMIT, R"(1/sec)"},
    {R"(rule service name=ssh accept limit value=1)",
     Code::INVALID_LIMIT, R"(1)"},
    {R"(rule service name=ssh accept limit value=1/m/s)",
     Code::INVALID_LIMIT, R"(1/m/s)"},
    {R"(rule service name=ssh accept limit value=a/m)",
     Code::INVALID_LIMIT, R"(a/m)"},
    {R"(rule service name=ssh accept limit value=1e3/m)",
     Code::INVALID_LIMIT, R"(1e3/m)"},
    {R"(rule service name=ssh log limit value=0/m accept)",
     Code::INVALID_LIMIT, R"(0/m)"},
    {R"(rule service name=ssh nflog limit value=x/m accept)",
     Code::INVALID_LIMIT, R"(x/m)"},
    {R"(rule service name=ssh log level=warn accept)",
     Code::INVALID_LOG_LEVEL, R"(warn)"},
    {R"(rule service name=ssh log level=INFO accept)",
     Code::INVALID_LOG_LEVEL, R"(INFO)"},
    {R"(rule service name=ssh nflog group=65536 drop)",
     Code::INVALID_NFLOG_GROUP, R"(nflog 'group' must be an integer between 0 and 65535.)"},
    {R"(rule service name=ssh nflog group=-1 drop)",
     Code::INVALID_NFLOG_GROUP, R"(nflog 'group' must be an integer between 0 and 65535.)"},
    {R"(rule service name=ssh nflog group=010 drop)",
     Code::INVALID_NFLOG_GROUP, R"(nflog 'group' must be an integer between 0 and 65535.)"},
    {R"(rule service name=ssh nflog group=abc drop)",
     Code::INVALID_NFLOG_GROUP, R"(nflog 'group' must be an integer between 0 and 65535.)"},
    {R"(rule service name=ssh nflog queue-size=abc drop)",
     Code::INVALID_NFLOG_QUEUE, R"(nflog 'queue-size' must be an integer between 0 and 65535.)"},
    {R"(rule service name=ssh nflog queue-size=70000 drop)",
     Code::INVALID_NFLOG_QUEUE, R"(nflog 'queue-size' must be an integer between 0 and 65535.)"},
    {R"(rule service name=ssh mark)",
     Code::INVALID_MARK, R"(no value set)"},
    {R"(rule service name=ssh mark set=0x100000000)",
     Code::INVALID_MARK, R"(0x100000000)"},
    {R"(rule service name=ssh mark set=1/2/3)",
     Code::INVALID_MARK, R"(1/2/3)"},
    {R"(rule service name=ssh mark set=1/)",
     Code::INVALID_MARK, R"(1/)"},
    {R"(rule service name=ssh mark set=/1)",
     Code::INVALID_MARK, R"(/1)"},
    {R"(rule service name=ssh mark set=abc limit value=1/m)",
     Code::INVALID_MARK, R"(abc)"},
    {R"(rule service name=ssh mark set=-1)",
     Code::INVALID_MARK, R"(-1)"},
    {R"(rule service name=ssh reject type=tcp-reset)",
     Code::INVALID_RULE, R"(When using reject type you must specify also rule family.)"},
    {R"(rule service name=ssh reject limit value=1/m type=x)",
     Code::INVALID_RULE, R"(When using reject type you must specify also rule family.)"},
    {R"(rule family=ipv6 service name=ssh reject type=icmp-host-prohibited)",
     Code::INVALID_RULE,
     "Wrong reject type icmp-host-prohibited.\nUse one of: icmp6-adm-prohibited, adm-prohibited, "
     "icmp6-no-route, no-route, icmp6-addr-unreachable, addr-unreach, icmp6-port-unreachable, "
     "port-unreach, tcp-reset."},
    {R"(rule family=ipv4 service name=ssh reject type=icmp6-no-route)",
     Code::INVALID_RULE,
     "Wrong reject type icmp6-no-route.\nUse one of: icmp-host-prohibited, host-prohib, "
     "icmp-net-unreachable, net-unreach, icmp-host-unreachable, host-unreach, "
     "icmp-port-unreachable, port-unreach, icmp-proto-unreachable, proto-unreach, "
     "icmp-net-prohibited, net-prohib, tcp-reset, tcp-rst, icmp-admin-prohibited, admin-prohib."},
    {R"(rule priority=32768 service name=ssh accept)",
     Code::INVALID_PRIORITY, R"('priority' attribute must be between -32768 and 32767.)"},
    {R"(rule priority=-32769 service name=ssh accept)",
     Code::INVALID_PRIORITY, R"('priority' attribute must be between -32768 and 32767.)"},
    {R"(rule priority=99999999999999999999999 service name=ssh accept)",
     Code::INVALID_PRIORITY, R"('priority' attribute must be between -32768 and 32767.)"},
    {R"(rule priority=abc service name=ssh accept)",
     Code::INVALID_PRIORITY, R"(invalid 'priority' attribute value 'abc'.)"},
    {R"(rule priority=0x5 service name=ssh accept)",
     Code::INVALID_PRIORITY, R"(invalid 'priority' attribute value '0x5'.)"},
    {R"(rule priority=1.5 service name=ssh accept)",
     Code::INVALID_PRIORITY, R"(invalid 'priority' attribute value '1.5'.)"},
    {R"(rule priority=99999999999999999999999 family=ipv5 accept)",
     Code::INVALID_RULE, R"('family' attribute cannot have 'ipv5' value. Use 'ipv4' or 'ipv6' )"
                         R"(instead.)"},
    {R"(rule priority=99999999999999999999999 source address=1.2.3.4 accept)",
     Code::MISSING_FAMILY, R"()"},
    {R"(rule family=ipv6 source address=1.2.3.4 accept)",
     Code::INVALID_ADDR, R"(1.2.3.4)"},
    {R"(rule family=ipv4 source address=::1 accept)",
     Code::INVALID_ADDR, R"(::1)"},
    {R"(rule family=ipv4 source address=1.2.3.4/33 accept)",
     Code::INVALID_ADDR, R"(1.2.3.4/33)"},
    {R"(rule family=ipv4 source address=1.2.3.256 accept)",
     Code::INVALID_ADDR, R"(1.2.3.256)"},
    {R"(rule family=ipv6 source address=::1/129 accept)",
     Code::INVALID_ADDR, R"(::1/129)"},
    {R"(rule source address=1.2.3.4 accept)",
     Code::MISSING_FAMILY, R"()"},
    {R"(rule destination address=1.2.3.4 accept)",
     Code::MISSING_FAMILY, R"()"},
    {R"(rule destination ipset=foo accept)",
     Code::MISSING_FAMILY, R"()"},
    {R"(rule family=ipv4 destination address=1.2.3.4 ipset=foo accept)",
     Code::INVALID_DESTINATION, R"(address and ipset)"},
    {R"(rule family=ipv4 destination address=1.2.3.999 accept)",
     Code::INVALID_ADDR, R"(1.2.3.999)"},
    {R"(rule family=ipv4 source address=1.2.3.4 mac=aa:bb:cc:dd:ee:ff accept)",
     Code::INVALID_RULE, R"(address and mac)"},
    {R"(rule family=ipv4 source address=1.2.3.4 ipset=x accept)",
     Code::INVALID_RULE, R"(address and ipset)"},
    {R"(rule source mac=aa:bb:cc:dd:ee:ff ipset=x accept)",
     Code::INVALID_RULE, R"(mac and ipset)"},
    {R"(rule source mac=aa:bb:cc:dd:ee accept)",
     Code::INVALID_MAC, R"(AA:BB:CC:DD:EE)"},
    {R"(rule source mac=aa:bb:cc:dd:ee:fg accept)",
     Code::INVALID_MAC, R"(AA:BB:CC:DD:EE:FG)"},
    {R"(rule source mac=aa-bb-cc-dd-ee-ff accept)",
     Code::INVALID_MAC, R"(AA-BB-CC-DD-EE-FF)"},
    {R"(rule source ipset=abcdefghijabcdefghijabcdefghijabc accept)",
     Code::INVALID_IPSET, R"(abcdefghijabcdefghijabcdefghijabc)"},
    {R"(rule family=ipv4 destination ipset=abcdefghijabcdefghijabcdefghijabc accept)",
     Code::INVALID_IPSET, R"(abcdefghijabcdefghijabcdefghijabc)"},
    {R"(rule protocol value=256 accept)",
     Code::INVALID_PROTOCOL, R"(256)"},
    {R"(rule protocol value=foo accept)",
     Code::INVALID_PROTOCOL, R"(foo)"},
    {R"(rule protocol value=-1 accept)",
     Code::INVALID_PROTOCOL, R"(-1)"},
    {R"(rule service name=ssh log prefix="x" log accept)",
     Code::INVALID_RULE, R"(more than one logging element)"},
    {R"(rule service name=ssh accept foo)",
     Code::INVALID_RULE, R"(unknown element foo)"},
    {R"(rule service name=ssh log level=info level=bogus accept)",
     Code::INVALID_LOG_LEVEL, R"(bogus)"},
};
// clang-format on

class RichRuleRefused : public testing::TestWithParam<Refused> {};

TEST_P(RichRuleRefused, FailsWithFirewalldsCodeAndMessage) {
  auto rule = parse_rich_rule(GetParam().input);
  ASSERT_FALSE(rule) << to_string(*rule);
  EXPECT_EQ(to_string(rule.error().code), to_string(GetParam().code));
  EXPECT_EQ(rule.error().detail, GetParam().detail);
}

INSTANTIATE_TEST_SUITE_P(RichRules, RichRuleRefused, testing::ValuesIn(kRefused));

Code parse_code_of(std::string_view text) {
  auto rule = parse_rich_rule(text);
  return rule ? Code::UNKNOWN_ERROR : rule.error().code;
}

TEST(RichRuleParser, RefusesAnEmptyOrBlankRule) {
  EXPECT_EQ(parse_rich_rule("").error().detail, "empty rule");
  EXPECT_EQ(parse_rich_rule("   ").error().detail, "empty rule");
  EXPECT_EQ(parse_rich_rule("\x01\x02").error().code, Code::INVALID_RULE);
}

TEST(RichRuleParser, AcceptsALogPrefixOfUpTo127Characters) {
  std::string rule = "rule service name=ssh log prefix=\"" + std::string(127, 'a') + "\" accept";
  EXPECT_TRUE(parse_rich_rule(rule));
  rule = "rule service name=ssh nflog prefix=\"" + std::string(127, 'a') + "\" accept";
  EXPECT_TRUE(parse_rich_rule(rule));
}

TEST(RichRuleParser, RefusesALogPrefixOf128Characters) {
  // firewalld 1.3.3: INVALID_LOG_PREFIX "maximum accepted length of 'prefix' is 127."
  for (std::string log : {"log", "nflog"}) {
    auto rule = parse_rich_rule("rule service name=ssh " + log + " prefix=\"" +
                                std::string(128, 'a') + "\" accept");
    ASSERT_FALSE(rule) << log;
    EXPECT_EQ(rule.error().code, Code::INVALID_LOG_PREFIX);
    EXPECT_EQ(rule.error().detail, "maximum accepted length of 'prefix' is 127.");
  }
}

TEST(RichRuleParser, CountsPrefixLengthInCharactersNotBytes) {
  std::string prefix;
  for (int i = 0; i < 127; ++i) prefix += "\xc3\xa9";  // é, two bytes in UTF-8
  EXPECT_TRUE(parse_rich_rule("rule service name=ssh log prefix=\"" + prefix + "\" accept"));
  EXPECT_EQ(parse_code_of("rule service name=ssh log prefix=\"" + prefix + "e\" accept"),
            Code::INVALID_LOG_PREFIX);
}

TEST(RichRuleParser, DropsControlCharactersBeforeSplitting) {
  // firewalld strips C0 and C1 controls first, so a tab or newline joins words rather than
  // separating them, and a control character inside a name vanishes.
  EXPECT_EQ(to_string(*parse_rich_rule("rule service name=\"s\x01sh\" accept")),
            R"(rule service name="ssh" accept)");
  EXPECT_EQ(to_string(*parse_rich_rule("rule service name=\"s\xc2\x85sh\" accept")),
            R"(rule service name="ssh" accept)");
  EXPECT_EQ(parse_rich_rule("rule service name=ssh\naccept").error().detail,
            "no action, no log, no audit");  // the service is "sshaccept"
  EXPECT_EQ(to_string(*parse_rich_rule("rule service name=\"\xc2\xa0ssh\" accept")),
            "rule service name=\"\xc2\xa0ssh\" accept");  // U+00A0 is printable, kept
}

TEST(RichRuleParser, FillsEveryFieldOfAFullRule) {
  auto rule = parse_rich_rule(
      R"(rule priority="-3" family="ipv4" source not address="10.0.0.0/8" )"
      R"(destination ipset="dst" forward-port port="80" protocol="tcp" to-port="8080" )"
      R"(to-addr="10.0.0.2" nflog group="2" prefix="p" queue-size="3" limit value="1/minute")");
  ASSERT_TRUE(rule) << rule.error().message();
  EXPECT_EQ(rule->priority, -3);
  EXPECT_EQ(rule->family, "ipv4");
  EXPECT_EQ(rule->source, (RichSource{"10.0.0.0/8", "", "", true}));
  EXPECT_EQ(rule->destination, (RichDestination{"", "dst", false}));
  EXPECT_EQ(rule->element, RichElement(RichForwardPort{"80", "tcp", "8080", "10.0.0.2"}));
  ASSERT_TRUE(rule->log);
  EXPECT_EQ(std::get<RichNflog>(*rule->log), (RichNflog{"2", "p", "3", RichLimit{"1/m"}}));
  EXPECT_FALSE(rule->audit);
  EXPECT_FALSE(rule->action);
}

TEST(RichRuleParser, FillsTheActionFields) {
  auto mark = parse_rich_rule(R"(rule service name="ssh" mark set="0x1/0xff" limit value="3/s")");
  ASSERT_TRUE(mark) << mark.error().message();
  EXPECT_EQ(mark->action->type, RichActionType::Mark);
  EXPECT_EQ(mark->action->mark_set, "0x1/0xff");
  EXPECT_EQ(mark->action->limit, RichLimit{"3/s"});
  auto reject = parse_rich_rule(
      R"(rule family="ipv6" service name="ssh" audit limit value="2/hour" reject type="no-route")");
  ASSERT_TRUE(reject) << reject.error().message();
  EXPECT_EQ(reject->audit, (RichAudit{RichLimit{"2/h"}}));
  EXPECT_EQ(reject->action->type, RichActionType::Reject);
  EXPECT_EQ(reject->action->reject_type, "no-route");
  EXPECT_FALSE(reject->action->limit);
}

TEST(RichRuleParser, KeepsTheRawTextOfNumbersItOnlyValidates) {
  // firewalld validates limits, nflog numbers and marks with Python's int() but prints the text.
  auto rule =
      parse_rich_rule(R"(rule service name="ssh" nflog group="0x1_0" drop limit value="+3/m")");
  ASSERT_TRUE(rule) << rule.error().message();
  EXPECT_EQ(to_string(*rule),
            R"(rule service name="ssh" nflog group="0x1_0" drop limit value="+3/m")");
}

TEST(RichRuleParser, RefusesARateSoHighThatFirewalldsPeriodUnderflows) {
  // 10000 * 1 / rate underflows a double from about 4e327 on: "… too fast".
  std::string rate = "1" + std::string(328, '0');
  auto rule = parse_rich_rule("rule service name=ssh accept limit value=" + rate + "/s");
  ASSERT_FALSE(rule);
  EXPECT_EQ(rule.error().code, Code::INVALID_LIMIT);
  EXPECT_EQ(rule.error().detail, rate + "/s too fast");
  EXPECT_TRUE(parse_rich_rule("rule service name=ssh accept limit value=" + rate + "/m"));
  EXPECT_TRUE(
      parse_rich_rule("rule service name=ssh accept limit value=1" + std::string(327, '0') + "/s"));
}

TEST(RichRuleParser, RefusesTextThatIsNotUtf8) {
  // Bytes only the offline client can send: once printed they would read back differently.
  auto rule = parse_rich_rule("rule service name=\"ab\xc2\"\x80 reject");
  ASSERT_FALSE(rule);
  EXPECT_EQ(rule.error().code, Code::INVALID_RULE);
  EXPECT_EQ(rule.error().detail, "not valid UTF-8 at byte 21");
  EXPECT_TRUE(parse_rich_rule("rule service name=\"\xc3\xa4\" reject"));
}

}  // namespace
}  // namespace fwctl::model
