#include "compiler/table_builder.hpp"

#include <algorithm>

namespace fwctl::compiler {

TableBuilder::TableBuilder(std::string name) { table_.name = std::move(name); }

void TableBuilder::add_chain(const std::string& name, std::optional<BaseHook> base) {
  if (has_chain(name)) return;
  chain_index_[name] = table_.chains.size();
  table_.chains.push_back(Chain{name, std::move(base), {}});
}

bool TableBuilder::has_chain(const std::string& name) const { return chain_index_.count(name); }

void TableBuilder::add_set(Set set) { table_.sets.push_back(std::move(set)); }

void TableBuilder::add_ct_helper(CtHelper helper) {
  for (const auto& h : table_.ct_helpers) {
    if (h.name == helper.name) return;
  }
  table_.ct_helpers.push_back(std::move(helper));
}

Chain& TableBuilder::chain(const std::string& name) {
  // Rules only ever go into chains created before them; creating on demand keeps a typo from
  // crashing and shows up in the golden diff instead.
  add_chain(name);
  return table_.chains[chain_index_.at(name)];
}

bool TableBuilder::claim(const std::string& chain_name, const Rule& rule,
                         const std::string& token) {
  if (rule_keys_.insert(chain_name + "\n" + token + "\n" + to_text(rule)).second) return true;
  duplicated_.insert(chain_name);
  return false;
}

void TableBuilder::place(const std::string& chain_name, size_t position, Rule rule) {
  if (rule.origin.text.empty()) rule.origin.text = origin_;
  auto& rules = chain(chain_name).rules;
  position = std::min(position, rules.size());
  rules.insert(rules.begin() + static_cast<std::ptrdiff_t>(position), std::move(rule));
}

void TableBuilder::append(const std::string& chain_name, Rule rule) {
  if (!claim(chain_name, rule, "")) return;
  if (rule.origin.text.empty()) rule.origin.text = origin_;
  chain(chain_name).rules.push_back(std::move(rule));
}

void TableBuilder::insert_front(const std::string& chain_name, Rule rule) {
  if (!claim(chain_name, rule, "")) return;
  place(chain_name, 0, std::move(rule));
}

void TableBuilder::add_after(const std::string& chain_name, size_t index, Rule rule) {
  if (!claim(chain_name, rule, "")) return;
  place(chain_name, index + 1, std::move(rule));
}

void TableBuilder::add_by_priority(const std::string& chain_name, Rule rule, int priority,
                                   Counter counter) {
  std::string token = (counter == Counter::Policy ? "policy " : "rich ") + std::to_string(priority);
  if (!claim(chain_name, rule, token)) return;
  auto& counts = priority_counts_[{counter, chain_name}];
  size_t position = 0;
  for (const auto& [p, n] : counts) {
    if (p > priority) break;
    position += n;
  }
  ++counts[priority];
  place(chain_name, position, std::move(rule));
}

void TableBuilder::place_dispatch(const std::string& chain_name, size_t position, Rule rule,
                                  int priority) {
  auto& priorities = dispatch_priorities_[chain_name];
  size_t at = std::min({position, chain(chain_name).rules.size(), priorities.size()});
  priorities.insert(priorities.begin() + static_cast<std::ptrdiff_t>(at), priority);
  place(chain_name, position, std::move(rule));
}

void TableBuilder::sort_dispatch_by_priority() {
  for (auto& [chain_name, priorities] : dispatch_priorities_) {
    // Every zone at 0: firewalld 1.3.3's order, a catch-all interface included.
    auto at_default = [](int p) { return p == 0 || p == kCatchAllPriority; };
    if (std::all_of(priorities.begin(), priorities.end(), at_default)) continue;
    auto& rules = chain(chain_name).rules;
    std::vector<std::pair<int, Rule>> dispatch;
    for (size_t i = 0; i < priorities.size(); ++i) {
      dispatch.emplace_back(priorities[i], std::move(rules[i]));
    }
    std::stable_sort(dispatch.begin(), dispatch.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < dispatch.size(); ++i) rules[i] = std::move(dispatch[i].second);
  }
}

void TableBuilder::add_zone_source(const std::string& chain_name, Rule rule,
                                   const std::string& zone, const std::string& source,
                                   int priority) {
  if (!claim(chain_name, rule, "source " + zone + " " + source)) return;
  place_dispatch(chain_name, source_position(zone, source), std::move(rule), priority);
}

size_t TableBuilder::source_position(const std::string& zone, const std::string& source) {
  size_t before = 0;  // the sources of the zones named before `zone`
  auto it = zone_sources_.begin();
  for (; it != zone_sources_.end() && it->first < zone; ++it) before += it->second.size();
  if (it == zone_sources_.end() || it->first != zone) {
    it = zone_sources_.emplace_hint(it, zone, std::unordered_map<std::string, size_t>{});
  }
  auto [at, fresh] = it->second.emplace(source, it->second.size());
  if (fresh) ++zone_source_count_;
  return before + at->second;
}

void TableBuilder::add_zone_interface(const std::string& chain_name, Rule rule, size_t rank,
                                      int priority) {
  if (!claim(chain_name, rule, "interface")) return;
  auto& ranks = interface_ranks_[chain_name];  // newest (highest) first
  auto it = std::partition_point(ranks.begin(), ranks.end(), [&](size_t r) { return r >= rank; });
  size_t offset = static_cast<size_t>(it - ranks.begin());
  ranks.insert(it, rank);
  place_dispatch(chain_name, zone_source_count_ + offset, std::move(rule), priority);
}

std::string TableBuilder::set_origin(std::string origin) {
  std::swap(origin, origin_);
  return origin;
}

Table TableBuilder::finish() && {
  sort_dispatch_by_priority();
  return std::move(table_);
}

}  // namespace fwctl::compiler
