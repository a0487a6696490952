#pragma once
// Rich rules of a policy (firewalld's _rule_prepare): dispatch on the element.

#include "compiler/context.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {

void emit_rich_rule(Context& ctx, const PolicySpec& spec, const model::RichRule& rule);

// The policy of a zone a rich rule belongs to: "HOST" (zone->HOST), "ANY_IN" (ANY->zone) or
// "ANY_OUT" (zone->ANY) (firewalld's _rich_rule_to_policies).
enum class ZonePart { ToHost, FromAny, ToAny };
ZonePart rich_rule_zone_part(const model::RichRule& rule);

}  // namespace fwctl::compiler
