// check_rich_rule() on rules built field by field, as the XML reader builds them. The codes and
// details are firewalld 1.3.3's Rich_Rule.check() on the same objects built in its python.

#include <gtest/gtest.h>

#include "model/rich_rule.hpp"

namespace fwctl::model {
namespace {

RichRule service_rule(RichActionType action = RichActionType::Accept) {
  RichRule rule;
  rule.element = RichService{"ssh"};
  rule.action = RichAction{action, "", "", std::nullopt};
  return rule;
}

Error check_error(const RichRule& rule) {
  auto status = check_rich_rule(rule);
  return status ? Error{Code::UNKNOWN_ERROR, "no error", {}, 0} : status.error();
}

TEST(RichRuleCheck, AcceptsASimpleBuiltRule) { EXPECT_TRUE(check_rich_rule(service_rule())); }

TEST(RichRuleCheck, RefusesAFamilyOtherThanIpv4OrIpv6) {
  RichRule rule = service_rule();
  rule.family = "ipv5";
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_FAMILY, "ipv5", {}, 0}));
}

TEST(RichRuleCheck, RefusesAPriorityOutsideTheSixteenBitRange) {
  RichRule rule = service_rule();
  for (int priority : {-32769, 32768, 40000}) {
    rule.priority = priority;
    EXPECT_EQ(check_error(rule).code, Code::INVALID_PRIORITY) << priority;
  }
  rule.priority = -32768;
  EXPECT_TRUE(check_rich_rule(rule));
}

TEST(RichRuleCheck, RefusesEmptyNames) {
  RichRule rule = service_rule();
  rule.element = RichService{""};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_SERVICE, "", {}, 0}));
  rule.element = RichIcmpType{""};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_ICMPTYPE, "", {}, 0}));
  rule.element = RichProtocol{""};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_PROTOCOL, "", {}, 0}));
  rule.action.reset();
  rule.element = RichIcmpBlock{""};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_ICMPTYPE, "", {}, 0}));
}

TEST(RichRuleCheck, ReportsAnEmptyPortAsInvalidRatherThanMissing) {
  // Parsed text with no port fails like firewalld's crash (UNKNOWN_ERROR); a built rule with an
  // empty one is simply an invalid port.
  RichRule rule = service_rule();
  rule.element = RichPort{"", "tcp"};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_PORT, "", {}, 0}));
  rule.element = RichPort{"80", ""};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_PROTOCOL, "", {}, 0}));
}

TEST(RichRuleCheck, RequiresAToPortOrToAddrOnAForwardPort) {
  RichRule rule;
  rule.family = "ipv4";
  rule.element = RichForwardPort{"80", "tcp", "", ""};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_PORT, "", {}, 0}));
}

TEST(RichRuleCheck, RefusesASourceWithNothingToMatch) {
  RichRule rule = service_rule();
  rule.source = RichSource{};
  EXPECT_EQ(check_error(rule).code, Code::INVALID_RULE);
  rule.source.reset();
  rule.family = "ipv4";
  rule.destination = RichDestination{};
  EXPECT_EQ(check_error(rule).code, Code::INVALID_RULE);
}

TEST(RichRuleCheck, RefusesAnEmptyMark) {
  RichRule rule = service_rule(RichActionType::Mark);
  EXPECT_EQ(check_error(rule).code, Code::INVALID_MARK);
  rule.action->mark_set = "0x10/0xff";
  EXPECT_TRUE(check_rich_rule(rule));
}

TEST(RichRuleCheck, RefusesAnInvalidLogLevel) {
  RichRule rule = service_rule();
  rule.log = RichLog{"", "loud", std::nullopt};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_LOG_LEVEL, "loud", {}, 0}));
}

TEST(RichRuleCheck, ChecksLimitsAsStoredWithoutShorteningThem) {
  RichRule rule = service_rule();
  rule.action->limit = RichLimit{"1/minute"};
  EXPECT_EQ(check_error(rule), (Error{Code::INVALID_LIMIT, "1/minute", {}, 0}));
  EXPECT_TRUE(check_rich_rule(normalize_rich_rule(rule)));
}

TEST(RichRuleCheck, AcceptsAnyCaseInABuiltMac) {
  RichRule rule = service_rule();
  rule.source = RichSource{"", "aa:bb:cc:dd:ee:ff", "", false};
  EXPECT_TRUE(check_rich_rule(rule));
}

TEST(RichRuleCheck, AcceptsATcpMssClampWithoutAction) {
  RichRule rule;
  rule.element = RichTcpMssClamp{"pmtu"};
  EXPECT_TRUE(check_rich_rule(rule));
  rule.element = RichTcpMssClamp{""};
  EXPECT_TRUE(check_rich_rule(rule));
}

TEST(RichRuleCheckLimit, AcceptsEachUnitAndRefusesOthers) {
  for (const char* ok : {"1/s", "1/m", "1/h", "2/d", "100/s", "+1/s", "1_0/m"}) {
    EXPECT_TRUE(check_rich_rule([&] {
      RichRule r = service_rule();
      r.action->limit = RichLimit{ok};
      return r;
    }()))
        << ok;
  }
  for (const char* bad : {"", "1", "1/", "/s", "1/w", "1/d", "0/s", "1.5/s", "1/s/s"}) {
    RichRule r = service_rule();
    r.action->limit = RichLimit{bad};
    EXPECT_EQ(check_error(r).code, Code::INVALID_LIMIT) << bad;
  }
}

TEST(RichRuleNormalize, ShortensLongLimitUnits) {
  EXPECT_EQ(make_rich_limit("3/second").value, "3/s");
  EXPECT_EQ(make_rich_limit("3/minute").value, "3/m");
  EXPECT_EQ(make_rich_limit("3/hour").value, "3/h");
  EXPECT_EQ(make_rich_limit("3/day").value, "3/d");
  EXPECT_EQ(make_rich_limit("3/days").value, "3/days");
  EXPECT_EQ(make_rich_limit("3/minute/x").value, "3/minute/x");
  EXPECT_EQ(make_rich_limit("x/minute").value, "x/m");
}

TEST(RichRuleNormalize, UppercasesTheMacAndShortensEveryLimit) {
  RichRule rule = service_rule();
  rule.source = RichSource{"", "aa:bb:cc:dd:ee:0f", "", false};
  rule.log = RichNflog{"", "", "", RichLimit{"1/hour"}};
  rule.audit = RichAudit{RichLimit{"2/day"}};
  rule.action->limit = RichLimit{"3/second"};
  RichRule normalized = normalize_rich_rule(rule);
  EXPECT_EQ(normalized.source->mac, "AA:BB:CC:DD:EE:0F");
  EXPECT_EQ(std::get<RichNflog>(*normalized.log).limit, RichLimit{"1/h"});
  EXPECT_EQ(normalized.audit->limit, RichLimit{"2/d"});
  EXPECT_EQ(normalized.action->limit, RichLimit{"3/s"});
}

}  // namespace
}  // namespace fwctl::model
