#pragma once
// Applying a zone (firewalld's apply_zone_settings): its three policies, then the dispatch of
// its interfaces and sources into them, the intra-zone forward rules and the ICMP rule.

#include <string>

#include "compiler/context.hpp"

namespace fwctl::compiler {

void apply_zone(Context& ctx, const std::string& name);

// The catch-all dispatch of the default zone: `goto <chain>` at the end of each _ZONES chain.
void bind_default_zone(Context& ctx, const std::string& name);

}  // namespace fwctl::compiler
