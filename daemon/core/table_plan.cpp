#include "core/table_plan.hpp"

#include <string_view>

#include "nft/ruleset_batch.hpp"

namespace fwctl::core {
namespace {

// Name -> item of `items`, to look each unchanged item up once.
template <typename T>
std::unordered_map<std::string_view, T*> by_name(std::vector<T>& items) {
  std::unordered_map<std::string_view, T*> out;
  for (auto& item : items) out.emplace(item.name, &item);
  return out;
}

}  // namespace

Result<TablePlan> plan_replace(nft::Batch& batch, compiler::Table&& next) {
  if (auto s = nft::add_replace_table(batch, next, true); !s) return s;
  TablePlan plan;
  plan.replaced = true;
  for (size_t c = 0; c < next.chains.size(); ++c) {
    const auto& chain = next.chains[c];
    plan.handles[chain.name].assign(chain.rules.size(), 0);
    for (size_t r = 0; r < chain.rules.size(); ++r) plan.added.emplace_back(c, r);
  }
  plan.table = std::move(next);
  return plan;
}

bool commit_plan(TablePlan& plan, const std::vector<uint64_t>& echoed, size_t& next_echo,
                 compiler::Table* old, ChainHandles* old_handles) {
  bool complete = true;
  for (auto [c, r] : plan.added) {
    uint64_t handle = next_echo < echoed.size() ? echoed[next_echo++] : 0;
    complete = complete && handle != 0;
    plan.handles[plan.table.chains[c].name][r] = handle;
  }
  if (!old) return complete;
  auto old_chains = by_name(old->chains);
  for (size_t c : plan.unchanged_chains) {
    auto& chain = plan.table.chains[c];
    chain.rules = std::move(old_chains.at(chain.name)->rules);
    plan.handles[chain.name] = std::move((*old_handles)[chain.name]);
  }
  auto old_sets = by_name(old->sets);
  for (size_t s : plan.unchanged_sets) {
    auto& set = plan.table.sets[s];
    set.elements = std::move(old_sets.at(set.name)->elements);
  }
  return complete;
}

}  // namespace fwctl::core
