// plan_delta(): the smallest batch from the table the kernel holds to the next one.
//
// Message order is what makes the one batch valid as the kernel walks it: ct helpers, sets and
// chains are created before rules that use them, look them up or jump to them; rules are
// deleted before the chains they jump to; chains are flushed and deleted before the sets and
// ct helpers their rules used.

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_map>

#include "core/rule_diff.hpp"
#include "core/table_plan.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::core {
namespace {

using compiler::Chain;
using compiler::Set;
using compiler::Table;
using Elements = std::vector<std::vector<compiler::Value>>;

template <typename T>
std::unordered_map<std::string_view, const T*> by_name(const std::vector<T>& items) {
  std::unordered_map<std::string_view, const T*> out;
  for (const auto& item : items) out.emplace(item.name, &item);
  return out;
}

// The iterator at index `i` of `handles` (iterators move by a signed distance).
template <typename T>
auto handle_at(const std::vector<T>& handles, size_t i) {
  return handles.begin() + static_cast<std::ptrdiff_t>(i);
}

// What a delta cannot change in place: the table is replaced instead.
bool needs_replace(const Table& old, const ChainHandles& handles, const Table& next) {
  // Table flags and flowtables come from firewalld.conf: a reload, which replaces anyway.
  if (old.flags != next.flags || old.flowtables != next.flowtables) return true;
  auto old_helpers = by_name(old.ct_helpers);
  for (const auto& helper : next.ct_helpers) {
    auto it = old_helpers.find(helper.name);
    if (it != old_helpers.end() && *it->second != helper) return true;
  }
  auto old_sets = by_name(old.sets);
  for (const auto& set : next.sets) {
    auto it = old_sets.find(set.name);
    if (it != old_sets.end() && (it->second->type != set.type || it->second->flags != set.flags)) {
      return true;
    }
  }
  auto old_chains = by_name(old.chains);
  for (const auto& chain : next.chains) {
    auto it = old_chains.find(chain.name);
    if (it != old_chains.end() && it->second->base != chain.base) return true;
  }
  for (const auto& chain : old.chains) {
    auto it = handles.find(chain.name);
    if (it == handles.end() || it->second.size() != chain.rules.size()) return true;
  }
  return false;
}

// A total order on set elements, so that two element lists are compared by one merge.
bool element_less(const std::vector<compiler::Value>* a, const std::vector<compiler::Value>* b) {
  return std::lexicographical_compare(a->begin(), a->end(), b->begin(), b->end(),
                                      [](const auto& x, const auto& y) {
                                        return x.kind != y.kind ? x.kind < y.kind : x.text < y.text;
                                      });
}

std::vector<const std::vector<compiler::Value>*> sorted_elements(const Elements& elements) {
  std::vector<const std::vector<compiler::Value>*> out;
  out.reserve(elements.size());
  for (const auto& e : elements) out.push_back(&e);
  std::sort(out.begin(), out.end(), element_less);
  return out;
}

class DeltaBuilder {
 public:
  DeltaBuilder(nft::Batch& batch, const Table& old, const ChainHandles& handles,
               const ChangeScope* scope, TablePlan& plan)
      : batch_(batch),
        id_{old.family, old.name},
        old_(old),
        handles_(handles),
        scope_(scope),
        plan_(plan),
        old_chains_(by_name(old.chains)),
        old_sets_(by_name(old.sets)),
        next_chains_(by_name(plan.table.chains)),
        next_sets_(by_name(plan.table.sets)) {}

  Status build() {
    if (auto s = new_helpers(); !s) return s;
    if (auto s = sets(); !s) return s;
    if (auto s = new_chains(); !s) return s;
    if (auto s = kept_chains(); !s) return s;
    if (auto s = removed_chains(); !s) return s;
    if (auto s = removed_sets(); !s) return s;
    return removed_helpers();
  }

 private:
  Status new_helpers();
  Status removed_helpers();
  Status sets();
  Status element_delta(const Set& old_set, const Set& set);
  Status new_chains();
  Status kept_chains();
  Status chain_delta(size_t index, const Chain& old_chain);
  Status removed_chains();
  Status removed_sets();

  nft::Batch& batch_;
  nft::TableId id_;
  const Table& old_;
  const ChainHandles& handles_;
  const ChangeScope* scope_;
  TablePlan& plan_;
  std::unordered_map<std::string_view, const Chain*> old_chains_;
  std::unordered_map<std::string_view, const Set*> old_sets_;
  std::unordered_map<std::string_view, const Chain*> next_chains_;
  std::unordered_map<std::string_view, const Set*> next_sets_;
};

Status DeltaBuilder::new_helpers() {
  auto old = by_name(old_.ct_helpers);
  for (const auto& helper : plan_.table.ct_helpers) {
    if (old.count(helper.name)) continue;
    if (auto s = batch_.add_ct_helper(id_, helper); !s) return s;
  }
  return ok();
}

// Last: only once the rules that set them are gone.
Status DeltaBuilder::removed_helpers() {
  auto next = by_name(plan_.table.ct_helpers);
  for (const auto& helper : old_.ct_helpers) {
    if (next.count(helper.name)) continue;
    if (auto s = batch_.del_ct_helper(id_, helper); !s) return s;
  }
  return ok();
}

// New sets are created with their elements; kept sets are declared (rules added below look
// them up) and, within the scope, get their element delta.
Status DeltaBuilder::sets() {
  for (size_t i = 0; i < plan_.table.sets.size(); ++i) {
    const auto& set = plan_.table.sets[i];
    auto old = old_sets_.find(set.name);
    if (old == old_sets_.end()) {
      if (auto s = batch_.add_set(id_, set); !s) return s;
      continue;
    }
    if (auto s = batch_.declare_set(id_, set); !s) return s;
    bool compare = !scope_ || scope_->covers_set(set.name);
    if (!compare || old->second->elements == set.elements) {
      plan_.unchanged_sets.push_back(i);
    } else if (auto s = element_delta(*old->second, set); !s) {
      return s;
    }
  }
  return ok();
}

// Deletions first: an interval replaced by an overlapping one must be gone before it comes.
Status DeltaBuilder::element_delta(const Set& old_set, const Set& set) {
  auto before = sorted_elements(old_set.elements);
  auto after = sorted_elements(set.elements);
  Elements gone, come;
  size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && element_less(before[i], after[j]))) {
      gone.push_back(*before[i++]);
    } else if (i == before.size() || element_less(after[j], before[i])) {
      come.push_back(*after[j++]);
    } else {
      ++i, ++j;
    }
  }
  if (!gone.empty()) {
    if (auto s = batch_.del_set_elements(id_, set, gone); !s) return s;
  }
  if (come.empty()) return ok();
  return batch_.add_set_elements(id_, set, come);
}

// All new chains exist before any of their rules goes in: a rule may jump to a later one.
Status DeltaBuilder::new_chains() {
  std::vector<size_t> fresh;
  for (size_t c = 0; c < plan_.table.chains.size(); ++c) {
    const auto& chain = plan_.table.chains[c];
    if (old_chains_.count(chain.name)) continue;
    if (auto s = batch_.add_chain(id_, chain); !s) return s;
    fresh.push_back(c);
  }
  for (size_t c : fresh) {
    const auto& chain = plan_.table.chains[c];
    plan_.handles[chain.name].assign(chain.rules.size(), 0);
    for (size_t r = 0; r < chain.rules.size(); ++r) {
      const auto& rule = chain.rules[r];
      auto origin = nft::rule_origin(chain.name, r, rule);
      if (auto s = batch_.add_rule(id_, chain.name, rule, origin, true); !s) return s;
      plan_.added.emplace_back(c, r);
    }
  }
  return ok();
}

Status DeltaBuilder::kept_chains() {
  for (size_t c = 0; c < plan_.table.chains.size(); ++c) {
    const auto& chain = plan_.table.chains[c];
    auto old = old_chains_.find(chain.name);
    if (old == old_chains_.end()) continue;
    bool compare = !scope_ || scope_->covers_chain(chain.name);
    if (compare) plan_.compared_chains.push_back(chain.name);
    if (!compare || old->second->rules == chain.rules) {
      plan_.unchanged_chains.push_back(c);
    } else if (auto s = chain_delta(c, *old->second); !s) {
      return s;
    }
  }
  return ok();
}

// Each hunk: its old rules deleted by handle, its new rules inserted in front of the kept rule
// that follows the hunk (or appended at the end), so the kept rules never move.
Status DeltaBuilder::chain_delta(size_t index, const Chain& old_chain) {
  const auto& chain = plan_.table.chains[index];
  const auto& handles = handles_.at(chain.name);
  auto& out = plan_.handles[chain.name];
  out.reserve(chain.rules.size());
  size_t kept_from = 0;
  for (const auto& h : diff_rules(old_chain.rules, chain.rules)) {
    out.insert(out.end(), handle_at(handles, kept_from), handle_at(handles, h.old_begin));
    for (size_t r = h.old_begin; r < h.old_end; ++r) {
      auto origin = nft::rule_origin(chain.name, r, old_chain.rules[r]);
      if (auto s = batch_.del_rule(id_, chain.name, handles[r], origin); !s) return s;
    }
    auto place = h.old_end < handles.size() ? nft::RulePlace::before(handles[h.old_end])
                                            : nft::RulePlace::append();
    for (size_t r = h.new_begin; r < h.new_end; ++r) {
      auto origin = nft::rule_origin(chain.name, r, chain.rules[r]);
      if (auto s = batch_.add_rule(id_, chain.name, chain.rules[r], origin, place, true); !s) {
        return s;
      }
      plan_.added.emplace_back(index, r);
      out.push_back(0);
    }
    kept_from = h.old_end;
  }
  out.insert(out.end(), handle_at(handles, kept_from), handles.end());
  return ok();
}

// Flushed first, all of them, since one removed chain may jump to another.
Status DeltaBuilder::removed_chains() {
  std::vector<const Chain*> gone;
  for (const auto& chain : old_.chains) {
    if (!next_chains_.count(chain.name)) gone.push_back(&chain);
  }
  for (const auto* chain : gone) {
    if (chain->rules.empty()) continue;
    if (auto s = batch_.flush_chain(id_, chain->name); !s) return s;
  }
  for (const auto* chain : gone) {
    if (auto s = batch_.del_chain(id_, chain->name); !s) return s;
  }
  return ok();
}

Status DeltaBuilder::removed_sets() {
  for (const auto& set : old_.sets) {
    if (next_sets_.count(set.name)) continue;
    if (auto s = batch_.del_set(id_, set); !s) return s;
  }
  return ok();
}

}  // namespace

Result<TablePlan> plan_delta(nft::Batch& batch, const Table& old, const ChainHandles& old_handles,
                             Table next, const ChangeScope* scope) {
  if (needs_replace(old, old_handles, next)) return plan_replace(batch, std::move(next));
  TablePlan plan;
  plan.table = std::move(next);
  DeltaBuilder builder(batch, old, old_handles, scope, plan);
  if (auto s = builder.build(); !s) return s;
  return plan;
}

}  // namespace fwctl::core
