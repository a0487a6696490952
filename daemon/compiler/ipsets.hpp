#pragma once
// firewalld ipsets as named nft sets of the table (firewalld's build_set_create_rules and
// set_restore).

#include "compiler/context.hpp"

namespace fwctl::compiler {

void emit_ipsets(Context& ctx);

}  // namespace fwctl::compiler
