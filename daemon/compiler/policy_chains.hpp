#pragma once
// Chain names and chain layout of policies (real ones and those derived from zones), and the
// dispatch rules that send traffic into them.

#include <string>
#include <utility>
#include <vector>

#include "compiler/context.hpp"

namespace fwctl::compiler {

// (table, netfilter chain), e.g. ("filter", "INPUT").
using TableChain = std::pair<std::string, std::string>;

// "IN_public", "FWD_policy_foo", "POST_public" (snat: the nat POSTROUTING variant); empty when
// the policy has no chain in that table.
std::string policy_chain_base(const PolicySpec& spec, const std::string& table, bool snat = false);
// "<table>_<base>", e.g. "filter_IN_public".
std::string policy_chain(const PolicySpec& spec, const std::string& table, bool snat = false);

// Where a real policy's chains hang (firewalld's _get_table_chains_for_policy_dispatch).
std::vector<TableChain> policy_dispatch_chains(const Context& ctx, const PolicySpec& spec);
// Where a zone-derived policy's chains hang (_get_table_chains_for_zone_dispatch).
std::vector<TableChain> zone_dispatch_chains(const PolicySpec& spec);

// The policy chain and its _pre/_log/_deny/_allow/_post sub-chains with their jumps, and in
// the filter table the target.
void emit_policy_chain(Context& ctx, const PolicySpec& spec, const TableChain& tc);

// The jumps from <table>_<CHAIN>_POLICIES_{pre,post} into a real policy's chains.
void emit_policy_dispatch(Context& ctx, const PolicySpec& spec);

}  // namespace fwctl::compiler
