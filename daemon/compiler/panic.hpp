#pragma once
// Panic mode as firewalld 1.3.3 (nftables backend) does it: a table of its own,
// `table inet firewalld_policy_drop`, whose two base chains drop every packet before
// conntrack (hook prerouting and output at priority raw + 9, one below firewalld's own
// raw + 10), with no rules. firewalld's table is left alone, so panic off restores exactly the
// ruleset that was there before.
//
// Turning panic on is one batch adding panic_table(); turning it off is one batch deleting
// the table kPanicTableFamily/kPanicTableName with everything in it (firewalld deletes the
// table and nothing else). Pure: no I/O, the same result on every call.
//
// Listing order: nft lists tables in the order they were created. Panic on after a load lists
// `firewalld` first (what with_panic() gives, and tests/golden/panic_on.nft); firewalld 1.3.3
// reloading while in panic mode recreates its own table, so it then lists the panic table
// first.

#include "compiler/ir.hpp"

namespace fwctl::compiler {

inline constexpr const char* kPanicTableFamily = "inet";
inline constexpr const char* kPanicTableName = "firewalld_policy_drop";

// table inet firewalld_policy_drop { chain raw_prerouting {...} chain raw_output {...} }
Table panic_table();

// True for the panic table (by family and name; the contents are not compared).
bool is_panic_table(const Table& table);

// `ruleset` with the panic table appended: what `nft list ruleset` shows after panic on.
// A ruleset that already holds it is returned unchanged (panic on twice is not an error here;
// firewalld's ALREADY_ENABLED is the core's business).
Ruleset with_panic(Ruleset ruleset);

// `ruleset` without the panic table: what remains after panic off.
Ruleset without_panic(Ruleset ruleset);

}  // namespace fwctl::compiler
