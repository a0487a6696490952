#include "nft/ruleset_batch.hpp"

#include <algorithm>

#include "nft/set_encoder.hpp"

namespace fwctl::nft {
namespace {

// Upper bounds of the netlink bytes per object, for Batch::reserve(): the buffer is reserved,
// not touched, so an overestimate costs address space only.
constexpr size_t kChainBytes = 256;
constexpr size_t kRuleBytes = 1024;
constexpr size_t kMessageBytes = 128;  // header, table and set names of an element message

size_t element_bytes(const compiler::Set& set) {
  auto key = named_set_key(set);
  if (!key) return 0;
  bool interval = std::find(set.flags.begin(), set.flags.end(), "interval") != set.flags.end();
  // list element, flags, key and key end, each value in a nested data attribute
  size_t one = 4 + 8 + 2 * (8 + (key->len() + 3) / 4 * 4);
  return (interval && !key->concat() ? 2 : 1) * one;
}

size_t estimated_bytes(const compiler::Table& table) {
  size_t bytes = 0;
  for (const auto& set : table.sets) {
    bytes +=
        set.elements.size() * element_bytes(set) + kMessageBytes * (set.elements.size() / 128 + 2);
  }
  for (const auto& chain : table.chains) bytes += kChainBytes + chain.rules.size() * kRuleBytes;
  return bytes;
}

// Every object of a table the batch creates takes the next handle of the table (the kernel's
// nf_tables_alloc_handle(), from 1): ct helpers, sets, flowtables, chains, and per rule its
// anonymous sets (two messages each: the set and its elements) then the rule itself.
Status add_contents(Batch& batch, const TableId& id, const compiler::Table& table,
                    std::vector<uint64_t>* handles) {
  uint64_t taken =
      table.ct_helpers.size() + table.sets.size() + table.flowtables.size() + table.chains.size();
  for (const auto& helper : table.ct_helpers) {
    if (auto s = batch.add_ct_helper(id, helper); !s) return s;
  }
  for (const auto& set : table.sets) {
    if (auto s = batch.add_set(id, set); !s) return s;
  }
  for (const auto& flowtable : table.flowtables) {
    if (auto s = batch.add_flowtable(id, flowtable); !s) return s;
  }
  for (const auto& chain : table.chains) {
    if (auto s = batch.add_chain(id, chain); !s) return s;
  }
  size_t rules = 0, total = 0;
  for (const auto& chain : table.chains) total += chain.rules.size();
  if (handles) handles->reserve(handles->size() + total);
  for (const auto& chain : table.chains) {
    for (size_t i = 0; i < chain.rules.size(); ++i, ++rules) {
      const auto& rule = chain.rules[i];
      bool echo = handles && (rules == 0 || rules + 1 == total);
      size_t before = batch.size();
      if (auto s = batch.add_rule(id, chain.name, rule, rule_origin(chain.name, i, rule), echo);
          !s) {
        return s;
      }
      taken += (batch.size() - before - 1) / 2 + 1;
      if (handles) handles->push_back(taken);
    }
  }
  return ok();
}

}  // namespace

std::string rule_origin(const std::string& chain, size_t index, const compiler::Rule& rule) {
  return "chain '" + chain + "' rule " + std::to_string(index + 1) + ": " + to_text(rule);
}

Status add_remove_table(Batch& batch, const TableId& table) {
  if (auto s = batch.touch_table(table); !s) return s;
  return batch.del_table(table);
}

Status add_replace_table(Batch& batch, const compiler::Table& table,
                         std::vector<uint64_t>* handles) {
  TableId id{table.family, table.name};
  if (auto s = add_remove_table(batch, id); !s) return s;
  // The new table is created by this message, so its flags (an owner: this socket) are new too.
  if (auto s = batch.add_table(id, table.flags); !s) return s;
  batch.reserve(estimated_bytes(table));
  return add_contents(batch, id, table, handles);
}

Result<Batch> replace_ruleset(const compiler::Ruleset& ruleset) {
  Batch batch;
  for (const auto& table : ruleset.tables) {
    if (auto s = add_replace_table(batch, table); !s) return s;
  }
  return batch;
}

}  // namespace fwctl::nft
