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

// The rules' handles are the ones the kernel gives a new table's objects (ruleset_batch.hpp);
// the first and last rule are echoed, and commit_plan() checks their handles against these.
Result<TablePlan> plan_replace(nft::Batch& batch, compiler::Table&& next) {
  std::vector<uint64_t> predicted;
  if (auto s = nft::add_replace_table(batch, next, &predicted); !s) return s;
  TablePlan plan;
  plan.replaced = true;
  auto handle = predicted.begin();
  std::pair<size_t, size_t> last;
  for (size_t c = 0; c < next.chains.size(); ++c) {
    const auto& chain = next.chains[c];
    auto count = static_cast<std::ptrdiff_t>(chain.rules.size());
    plan.handles[chain.name].assign(handle, handle + count);
    handle += count;
    if (count == 0) continue;
    if (plan.added.empty()) plan.added.emplace_back(c, 0);
    last = {c, chain.rules.size() - 1};
  }
  if (predicted.size() > 1) plan.added.push_back(last);
  plan.table = std::move(next);
  return plan;
}

bool commit_plan(TablePlan& plan, const std::vector<uint64_t>& echoed, size_t& next_echo,
                 compiler::Table* old, ChainHandles* old_handles) {
  bool complete = true;
  for (auto [c, r] : plan.added) {
    uint64_t handle = next_echo < echoed.size() ? echoed[next_echo++] : 0;
    uint64_t& slot = plan.handles[plan.table.chains[c].name][r];
    // A predicted handle (plan_replace) that the echo contradicts: the others are wrong too.
    complete = complete && handle != 0 && (slot == 0 || slot == handle);
    slot = handle;
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
