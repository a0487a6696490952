#include "nft/ruleset_batch.hpp"

namespace fwctl::nft {
namespace {

Status add_contents(Batch& batch, const TableId& id, const compiler::Table& table) {
  for (const auto& helper : table.ct_helpers) {
    if (auto s = batch.add_ct_helper(id, helper); !s) return s;
  }
  for (const auto& set : table.sets) {
    if (auto s = batch.add_set(id, set); !s) return s;
  }
  for (const auto& chain : table.chains) {
    if (auto s = batch.add_chain(id, chain); !s) return s;
  }
  for (const auto& chain : table.chains) {
    for (size_t i = 0; i < chain.rules.size(); ++i) {
      const auto& rule = chain.rules[i];
      if (auto s = batch.add_rule(id, chain.name, rule, rule_origin(chain.name, i, rule)); !s) {
        return s;
      }
    }
  }
  return ok();
}

}  // namespace

std::string rule_origin(const std::string& chain, size_t index, const compiler::Rule& rule) {
  return "chain '" + chain + "' rule " + std::to_string(index + 1) + ": " + to_text(rule);
}

Status add_remove_table(Batch& batch, const TableId& table) {
  if (auto s = batch.add_table(table); !s) return s;
  return batch.del_table(table);
}

Status add_replace_table(Batch& batch, const compiler::Table& table) {
  TableId id{table.family, table.name};
  if (auto s = add_remove_table(batch, id); !s) return s;
  if (auto s = batch.add_table(id); !s) return s;
  return add_contents(batch, id, table);
}

Result<Batch> replace_ruleset(const compiler::Ruleset& ruleset) {
  Batch batch;
  for (const auto& table : ruleset.tables) {
    if (auto s = add_replace_table(batch, table); !s) return Unexpected{s.error()};
  }
  return batch;
}

}  // namespace fwctl::nft
