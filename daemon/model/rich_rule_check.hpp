#pragma once
// The semantic checks of a rich rule (firewalld's Rich_Rule.check()), shared by the parser and
// check_rich_rule().

#include "common/result.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::model {

// Where a rule came from. They differ in one detail: in parsed text an empty port means that the
// port attribute was missing, on which firewalld's check crashes (AttributeError, which reaches
// its D-Bus callers as UNKNOWN_ERROR); a built rule with an empty port is just INVALID_PORT.
enum class RichRuleOrigin { Parsed, Built };

Status check_rich_rule(const RichRule& rule, RichRuleOrigin origin);

// firewalld's limit check: "N/s|m|h|d", N ≥ 1, not "1/d", not absurdly fast. INVALID_LIMIT.
Status check_rich_limit(const RichLimit& limit);

}  // namespace fwctl::model
