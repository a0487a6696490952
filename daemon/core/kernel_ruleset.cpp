#include "core/kernel_ruleset.hpp"

#include "nft/ruleset_batch.hpp"

namespace fwctl::core {

Status KernelRuleset::load(compiler::Ruleset next) { return send(std::move(next), nullptr, true); }

Status KernelRuleset::apply(compiler::Ruleset next, const ChangeScope* scope) {
  return send(std::move(next), scope, false);
}

const std::vector<uint64_t>* KernelRuleset::handles(const std::string& table,
                                                    const std::string& chain) const {
  for (size_t t = 0; t < ruleset_.tables.size(); ++t) {
    if (ruleset_.tables[t].family != "inet" || ruleset_.tables[t].name != table) continue;
    auto it = handles_[t].chains.find(chain);
    return it == handles_[t].chains.end() ? nullptr : &it->second;
  }
  return nullptr;
}

int KernelRuleset::find_table(const compiler::Table& table) const {
  for (size_t t = 0; t < ruleset_.tables.size(); ++t) {
    const auto& have = ruleset_.tables[t];
    if (have.family == table.family && have.name == table.name) return static_cast<int>(t);
  }
  return -1;
}

Result<TablePlan> KernelRuleset::plan_table(nft::Batch& batch, compiler::Table next,
                                            const ChangeScope* scope, bool whole) const {
  int t = find_table(next);
  if (whole || t < 0 || !handles_[t].complete) return plan_replace(batch, std::move(next));
  return plan_delta(batch, ruleset_.tables[t], handles_[t].chains, std::move(next), scope);
}

// Tables fwctl loaded that `next` does not have any more.
Status KernelRuleset::remove_dropped(nft::Batch& batch, const compiler::Ruleset& next) const {
  for (const auto& table : ruleset_.tables) {
    bool kept = false;
    for (const auto& t : next.tables) kept = kept || (t.family == table.family && t.name == table.name);
    if (kept) continue;
    if (auto s = nft::add_remove_table(batch, {table.family, table.name}); !s) return s;
  }
  return ok();
}

Status KernelRuleset::send(compiler::Ruleset next, const ChangeScope* scope, bool whole) {
  nft::Batch batch;
  if (auto s = remove_dropped(batch, next); !s) return s;
  std::vector<TablePlan> plans;
  last_compared_.clear();
  for (auto& table : next.tables) {
    auto plan = plan_table(batch, std::move(table), scope, whole);
    if (!plan) return plan;
    auto& compared = plan->compared_chains;
    last_compared_.insert(last_compared_.end(), compared.begin(), compared.end());
    plans.push_back(std::move(*plan));
  }
  auto replies = netlink_.send(batch);
  if (!replies && !whole && table_gone()) {
    // Another program removed fwctl's table (`nft flush ruleset`): the delta had nothing to
    // apply to. The change goes in as a whole load instead, which puts the table back.
    compiler::Ruleset again;
    for (auto& plan : plans) again.tables.push_back(std::move(plan.table));
    return send(std::move(again), nullptr, true);
  }
  if (!replies) return replies;
  commit(plans, *replies);
  return ok();
}

// A table fwctl loaded that the kernel no longer holds. A failed query counts as "still there":
// the refusal then stands as the kernel gave it.
bool KernelRuleset::table_gone() {
  for (const auto& table : ruleset_.tables) {
    auto has = netlink_.has_table({table.family, table.name});
    if (has && !*has) return true;
  }
  return false;
}

// The kernel accepted the batch: the plans become the state.
void KernelRuleset::commit(std::vector<TablePlan>& plans, const std::vector<nft::Reply>& replies) {
  std::vector<uint64_t> echoed;
  for (const auto& reply : replies) {
    if (reply.handle) echoed.push_back(*reply.handle);
  }
  size_t next_echo = 0;
  compiler::Ruleset ruleset;
  std::vector<TableHandles> handles;
  for (auto& plan : plans) {
    int t = find_table(plan.table);
    compiler::Table* old = t < 0 ? nullptr : &ruleset_.tables[t];
    ChainHandles* old_handles = t < 0 ? nullptr : &handles_[t].chains;
    if (plan.replaced) ++replacements_;
    bool complete = commit_plan(plan, echoed, next_echo, old, old_handles);
    ruleset.tables.push_back(std::move(plan.table));
    handles.push_back({std::move(plan.handles), complete});
  }
  ruleset_ = std::move(ruleset);
  handles_ = std::move(handles);
}

}  // namespace fwctl::core
