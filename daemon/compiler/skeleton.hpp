#pragma once
// The fixed part of firewalld's table: base chains, their dispatch chains and the rules that do
// not depend on zones or policies (firewalld's build_default_rules, rpfilter and RFC 3964).

#include "compiler/context.hpp"

namespace fwctl::compiler {

void emit_skeleton(Context& ctx);

}  // namespace fwctl::compiler
