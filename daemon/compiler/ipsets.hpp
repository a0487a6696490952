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

// The elements `entries` of `ipset` are in the kernel's set (as make_set() makes them, in the
// order given): an element delta, without copying or compiling the rest of the ipset.
std::vector<std::vector<Value>> ipset_elements(const model::IpSet& ipset,
                                               const std::vector<std::string>& entries);

// What the kernel lists after an element delta on `set` (a set emit_ipsets() made): `come`
// inserted where nft lists them and `gone` taken out, without sorting the set again. An
// address set lists by address, a MAC set by text, any other set (concatenations) in insertion
// order, where a new element goes last.
void insert_listed(Set& set, std::vector<std::vector<Value>> come);
void erase_listed(Set& set, const std::vector<std::vector<Value>>& gone);

}  // namespace fwctl::compiler
