#include "core/kernel_ruleset.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>

#include "compiler/ipsets.hpp"
#include "core/free_memory.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::core {

Status KernelRuleset::load(compiler::Ruleset next) { return send(std::move(next), nullptr, true); }

Status KernelRuleset::apply(compiler::Ruleset next, const ChangeScope* scope) {
  return send(std::move(next), scope, false);
}

namespace {

// The table the kernel holds once `partial` replaced the chains `scope` covers: the other
// chains and the sets as shells (name and hook or type, no content), which the plan leaves
// unchanged and commit_plan() moves over from the old table; the chains new in `partial` last.
void add_helpers_used(const compiler::Chain& chain, std::unordered_set<std::string>& used) {
  for (const auto& rule : chain.rules) {
    for (const auto& stmt : rule.stmts) {
      if (const auto* set = std::get_if<compiler::CtHelperSet>(&stmt)) used.insert(set->name);
    }
  }
}

// The ct helpers a rule of the next table uses: the old ones still used, in the kernel's order,
// then the partial's new ones (as the kernel lists them: creation order).
std::vector<compiler::CtHelper> merged_helpers(const compiler::Table& old,
                                               const compiler::Table& partial,
                                               const ChangeScope& scope) {
  std::unordered_set<std::string> used;
  for (const auto& chain : old.chains) {
    if (!scope.covers_chain(chain.name)) add_helpers_used(chain, used);
  }
  for (const auto& chain : partial.chains) add_helpers_used(chain, used);
  std::vector<compiler::CtHelper> out;
  std::unordered_set<std::string> kept;
  for (const auto& helper : old.ct_helpers) {
    if (used.count(helper.name) && kept.insert(helper.name).second) out.push_back(helper);
  }
  for (const auto& helper : partial.ct_helpers) {
    if (used.count(helper.name) && kept.insert(helper.name).second) out.push_back(helper);
  }
  return out;
}

compiler::Table merged_table(const compiler::Table& old, compiler::Table partial,
                             const ChangeScope& scope) {
  // Flags and flowtables come from firewalld.conf, which only a whole compile (reload) changes.
  compiler::Table next{old.family, old.name,      merged_helpers(old, partial, scope), {}, {},
                       old.flags,  old.flowtables};
  next.sets.reserve(old.sets.size());
  for (const auto& set : old.sets) next.sets.push_back({set.name, set.type, set.flags, {}});
  std::unordered_map<std::string_view, compiler::Chain*> fresh;
  for (auto& chain : partial.chains) fresh.emplace(chain.name, &chain);
  next.chains.reserve(old.chains.size() + partial.chains.size());
  for (const auto& chain : old.chains) {
    if (!scope.covers_chain(chain.name)) {
      next.chains.push_back({chain.name, chain.base, {}});
      continue;
    }
    auto it = fresh.find(chain.name);
    if (it == fresh.end()) continue;  // gone
    next.chains.push_back(std::move(*it->second));
    fresh.erase(it);
  }
  for (auto& chain : partial.chains) {
    if (fresh.count(chain.name)) next.chains.push_back(std::move(chain));
  }
  return next;
}

bool same_hooks(const compiler::Table& old, const compiler::Table& partial) {
  for (const auto& chain : partial.chains) {
    const auto* have = old.find_chain(chain.name);
    if (have && have->base != chain.base) return false;
  }
  return true;
}

std::vector<uint64_t> echoed_handles(const std::vector<nft::Reply>& replies) {
  std::vector<uint64_t> echoed;
  for (const auto& reply : replies) {
    if (reply.handle) echoed.push_back(*reply.handle);
  }
  return echoed;
}

}  // namespace

Result<bool> KernelRuleset::apply_chains(compiler::Table partial, const ChangeScope& scope,
                                         const std::set<std::string>* duplicated) {
  int t = find_table(partial);
  if (t < 0 || !handles_[t].complete || !same_hooks(ruleset_.tables[t], partial)) return false;
  auto& old = ruleset_.tables[t];
  std::vector<std::string> free_now;  // of the covered chains, those now duplicate-free
  for (const auto& chain : partial.chains) {
    if (duplicated && !duplicated->count(chain.name)) free_now.push_back(chain.name);
  }
  // A scope without sets: the shells' elements must not count as a change.
  ChangeScope chains_only = scope;
  chains_only.sets.clear();
  nft::Batch batch;
  auto plan = plan_delta(batch, old, handles_[t].chains,
                         merged_table(old, std::move(partial), chains_only), &chains_only);
  if (!plan) return plan;
  last_compared_ = plan->compared_chains;
  auto replies = netlink_.send(batch);
  if (!replies && restored_after_loss()) return false;
  if (!replies) return replies;
  auto free = std::move(handles_[t].duplicate_free);
  std::erase_if(free, [&](const std::string& chain) { return scope.covers_chain(chain); });
  for (auto& chain : free_now) free.insert(std::move(chain));
  size_t next_echo = 0;
  bool complete =
      commit_plan(*plan, echoed_handles(*replies), next_echo, &old, &handles_[t].chains);
  old = std::move(plan->table);
  handles_[t] = {std::move(plan->handles), complete, std::move(free)};
  return true;
}

Status KernelRuleset::apply_elements(const std::string& table, const std::string& set,
                                     const std::vector<std::vector<compiler::Value>>& gone,
                                     const std::vector<std::vector<compiler::Value>>& come) {
  compiler::Set* held = nullptr;
  for (auto& t : ruleset_.tables) {
    if (t.family != "inet" || t.name != table) continue;
    for (auto& s : t.sets) held = s.name == set ? &s : held;
  }
  if (!held) return fail(Code::COMMAND_FAILED, "set '" + set + "' is not loaded");
  nft::Batch batch;
  // Deletions first: an interval replaced by an overlapping one must be gone before it comes.
  if (!gone.empty()) {
    if (auto s = batch.del_set_elements({"inet", table}, *held, gone); !s) return s;
  }
  if (!come.empty()) {
    if (auto s = batch.add_set_elements({"inet", table}, *held, come); !s) return s;
  }
  if (batch.empty()) return ok();
  auto replies = netlink_.send(batch);
  if (!replies && restored_after_loss()) return apply_elements(table, set, gone, come);
  if (!replies) return replies;
  last_compared_.clear();
  compiler::erase_listed(*held, gone);
  compiler::insert_listed(*held, come);
  return ok();
}

Result<bool> KernelRuleset::apply_splices(const std::string& table,
                                          std::vector<compiler::RuleSplice> splices) {
  int t = find_inet(table);
  if (t < 0 || !handles_[t].complete) return false;
  auto& chains = ruleset_.tables[t].chains;
  std::vector<SpliceTarget> targets;
  for (const auto& splice : splices) {
    auto chain = std::find_if(chains.begin(), chains.end(),
                              [&](const compiler::Chain& c) { return c.name == splice.chain; });
    auto handles = handles_[t].chains.find(splice.chain);
    if (chain == chains.end() || handles == handles_[t].chains.end()) return false;
    if (handles->second.size() != chain->rules.size()) return false;
    if (splice.at + splice.removed > chain->rules.size()) return false;
    for (const auto& other : targets) {
      if (other.chain == &*chain) return false;  // one splice per chain
    }
    targets.push_back({&*chain, &handles->second});
  }
  if (group_) return stage_splices(t, table, targets, std::move(splices));
  nft::Batch batch;
  size_t adding = 0;
  if (auto s = add_splice_messages(batch, table, splices, targets, &adding); !s) return s;
  last_compared_.clear();
  if (batch.empty()) return true;
  auto replies = netlink_.send(batch);
  if (!replies && restored_after_loss()) return false;
  if (!replies) return replies;
  std::vector<uint64_t> echoed = echoed_handles(*replies);
  if (echoed.size() != adding) {
    handles_[t].complete = false;  // the next apply replaces the table
    echoed.resize(adding, 0);
  }
  auto next = echoed.begin();
  for (size_t i = 0; i < splices.size(); ++i) {
    auto& splice = splices[i];
    auto& rules = targets[i].chain->rules;
    auto& handles = *targets[i].handles;
    auto at = static_cast<std::ptrdiff_t>(splice.at);
    auto end = at + static_cast<std::ptrdiff_t>(splice.removed);
    rules.erase(rules.begin() + at, rules.begin() + end);
    handles.erase(handles.begin() + at, handles.begin() + end);
    rules.insert(rules.begin() + at, std::make_move_iterator(splice.added.begin()),
                 std::make_move_iterator(splice.added.end()));
    auto count = static_cast<std::ptrdiff_t>(splice.added.size());
    handles.insert(handles.begin() + at, next, next + count);
    next += count;
  }
  return true;
}

// Each splice's rules deleted by handle, its new rules inserted in front of the rule that follows
// them (or appended), with echo; `adding` counts the rules added.
Status KernelRuleset::add_splice_messages(nft::Batch& batch, const std::string& table,
                                          const std::vector<compiler::RuleSplice>& splices,
                                          const std::vector<SpliceTarget>& targets,
                                          size_t* adding) {
  nft::TableId id{"inet", table};
  for (size_t i = 0; i < splices.size(); ++i) {
    const auto& splice = splices[i];
    const auto& rules = targets[i].chain->rules;
    const auto& handles = *targets[i].handles;
    size_t end = splice.at + splice.removed;
    for (size_t r = splice.at; r < end; ++r) {
      auto origin = nft::rule_origin(splice.chain, r, rules[r]);
      if (auto s = batch.del_rule(id, splice.chain, handles[r], origin); !s) return s;
    }
    auto place =
        end < handles.size() ? nft::RulePlace::before(handles[end]) : nft::RulePlace::append();
    for (size_t k = 0; k < splice.added.size(); ++k) {
      auto origin = nft::rule_origin(splice.chain, splice.at + k, splice.added[k]);
      if (auto s = batch.add_rule(id, splice.chain, splice.added[k], origin, place, true); !s) {
        return s;
      }
    }
    *adding += splice.added.size();
  }
  return ok();
}

const compiler::Table* KernelRuleset::table(const std::string& table) const {
  int t = find_inet(table);
  return t < 0 ? nullptr : &ruleset_.tables[t];
}

bool KernelRuleset::duplicate_free(const std::string& table, const std::string& chain) const {
  int t = find_inet(table);
  return t >= 0 && handles_[t].duplicate_free.count(chain) > 0;
}

void KernelRuleset::compiled_whole(const std::string& table,
                                   const std::set<std::string>& duplicated) {
  int t = find_inet(table);
  if (t < 0) return;
  auto& free = handles_[t].duplicate_free;
  free.clear();
  for (const auto& chain : ruleset_.tables[t].chains) {
    if (!duplicated.count(chain.name)) free.insert(chain.name);
  }
}

int KernelRuleset::find_inet(const std::string& table) const {
  for (size_t t = 0; t < ruleset_.tables.size(); ++t) {
    if (ruleset_.tables[t].family == "inet" && ruleset_.tables[t].name == table) {
      return static_cast<int>(t);
    }
  }
  return -1;
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

Result<TablePlan> KernelRuleset::plan_table(nft::Batch& batch, compiler::Table&& next,
                                            const ChangeScope* scope, bool whole) const {
  int t = find_table(next);
  if (whole || t < 0 || !handles_[t].complete) return plan_replace(batch, std::move(next));
  return plan_delta(batch, ruleset_.tables[t], handles_[t].chains, std::move(next), scope);
}

// Tables fwctl loaded that `next` does not have any more.
Status KernelRuleset::remove_dropped(nft::Batch& batch, const compiler::Ruleset& next) const {
  for (const auto& table : ruleset_.tables) {
    bool kept = false;
    for (const auto& t : next.tables)
      kept = kept || (t.family == table.family && t.name == table.name);
    if (kept) continue;
    if (auto s = nft::add_remove_table(batch, {table.family, table.name}); !s) return s;
  }
  return ok();
}

// The sets of a whole load that equal the recorded ones (a reload of unchanged ipsets) take the
// recorded elements, and their own copy is freed: a reload then holds one copy of a
// 1,000,000-entry set's elements (72 MB) while the batch is built and sent, not two. The
// recorded table keeps the sets as shells until give_back() or the commit.
std::vector<KernelRuleset::Lent> KernelRuleset::lend_equal_sets(compiler::Ruleset& next) {
  std::vector<Lent> lent;
  for (size_t nt = 0; nt < next.tables.size(); ++nt) {
    int t = find_table(next.tables[nt]);
    if (t < 0) continue;
    auto& old_sets = ruleset_.tables[t].sets;
    auto& sets = next.tables[nt].sets;
    for (size_t ns = 0; ns < sets.size(); ++ns) {
      if (sets[ns].elements.empty()) continue;
      for (size_t os = 0; os < old_sets.size(); ++os) {
        if (old_sets[os].name != sets[ns].name || !(old_sets[os] == sets[ns])) continue;
        sets[ns].elements = std::exchange(old_sets[os].elements, {});
        lent.push_back({static_cast<size_t>(t), os, nt, ns});
        break;
      }
    }
  }
  return lent;
}

// The batch failed: the lent elements go back to the recorded table, from `next` or from the
// plan that took its table.
void KernelRuleset::give_back(const std::vector<Lent>& lent, compiler::Ruleset& next,
                              std::vector<TablePlan>& plans) {
  for (const Lent& l : lent) {
    auto& holder =
        l.next_table < plans.size() ? plans[l.next_table].table : next.tables[l.next_table];
    ruleset_.tables[l.old_table].sets[l.old_set].elements =
        std::move(holder.sets[l.next_set].elements);
  }
}

Status KernelRuleset::send(compiler::Ruleset next, const ChangeScope* scope, bool whole) {
  nft::Batch batch;
  if (auto s = remove_dropped(batch, next); !s) return s;
  std::vector<TablePlan> plans;
  std::vector<Lent> lent;
  if (whole) lent = lend_equal_sets(next);
  if (!lent.empty()) release_free_memory();  // the copies lent for: before the batch grows
  last_compared_.clear();
  for (auto& table : next.tables) {
    auto plan = plan_table(batch, std::move(table), scope, whole);
    if (!plan) {
      give_back(lent, next, plans);
      return plan;
    }
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
  if (!replies) {
    give_back(lent, next, plans);
    return replies;
  }
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

// After a refused incremental batch: when another program removed fwctl's table, the recorded
// ruleset goes back in whole (so the caller's retry applies to it). Only then true, so a retry
// refused again is final.
bool KernelRuleset::restored_after_loss() {
  if (!table_gone()) return false;
  compiler::Ruleset again = ruleset_;
  return static_cast<bool>(send(std::move(again), nullptr, true));
}

// The kernel accepted the batch: the plans become the state.
void KernelRuleset::commit(std::vector<TablePlan>& plans, const std::vector<nft::Reply>& replies) {
  std::vector<uint64_t> echoed = echoed_handles(replies);
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
    handles.push_back({std::move(plan.handles), complete, {}});
  }
  ruleset_ = std::move(ruleset);
  handles_ = std::move(handles);
}

}  // namespace fwctl::core
