#pragma once
// firewalld ipsets as named nft sets of the table (firewalld's build_set_create_rules and
// set_restore).

#include "compiler/context.hpp"

namespace fwctl::compiler {

void emit_ipsets(Context& ctx);

// The set emit_ipsets() makes of `ipset` under `name`, with `entries` as its elements even when
// the ipset has a timeout: what an entry added at runtime to such a set sends to the kernel
// (firewalld adds it there and lists it nowhere).
Set ipset_with_entries(const std::string& name, model::IpSet ipset,
                       std::vector<std::string> entries);

}  // namespace fwctl::compiler
