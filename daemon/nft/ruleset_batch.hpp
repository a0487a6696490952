#pragma once
// Whole-table batches: the atomic reload of docs/architecture.md.
//
// A replace is `add table` (so that the delete cannot fail with ENOENT; without a flags
// attribute, so that an existing table is left as it is whatever its flags: an owned one would
// refuse flags 0), `delete table`, then the whole new table, created with its flags
// (NftablesTableOwner): ct helpers, sets with their elements, flowtables, every chain, then every
// rule (a jump may name any chain of the table). Sent as one batch, the kernel swaps the old
// table for the new one in a single transaction: there is never a moment without a firewall, and
// a rejected batch leaves the old table exactly as it was.

#include <cstdint>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "nft/batch.hpp"

namespace fwctl::nft {

// Appends the replacement of `table` to `batch`. On failure (IR the encoder cannot take) the
// batch holds part of the table and must be discarded. With `handles`, it receives the handle
// the kernel gives each rule of the new table (chain order, then rule order), counted as the
// kernel counts the objects of a new table, and the first and the last rule are sent with
// NLM_F_ECHO: their echoed handles confirm the count (no echo of every rule, which costs the
// kernel a notification per rule and us reading them back).
Status add_replace_table(Batch& batch, const compiler::Table& table,
                         std::vector<uint64_t>* handles = nullptr);
// Appends `add table` + `delete table`: the table is gone afterwards, whether it existed or not.
Status add_remove_table(Batch& batch, const TableId& table);
// One batch replacing every table of `ruleset`.
Result<Batch> replace_ruleset(const compiler::Ruleset& ruleset);

// "chain 'filter_IN_public_allow' rule 2: tcp dport 22 accept" (rules count from 1).
std::string rule_origin(const std::string& chain, size_t index, const compiler::Rule& rule);

}  // namespace fwctl::nft
