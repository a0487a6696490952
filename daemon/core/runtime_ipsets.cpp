#include "core/runtime_ipsets.hpp"

#include <algorithm>
#include <cstddef>
#include <unordered_set>
#include <utility>

#include "common/lists.hpp"
#include "compiler/compiler.hpp"
#include "compiler/ipsets.hpp"
#include "core/firewall_ipset_entries.hpp"
#include "core/free_memory.hpp"
#include "model/ipset_check.hpp"
#include "nft/batch.hpp"

namespace fwctl::core {
namespace {

// An element delta through the commit point (ipset entries may change in panic mode).
RuntimeChange entry_change(EntryEdit edit) {
  RuntimeChange change;
  change.scope.sets.push_back(edit.set);
  change.entries = std::move(edit);
  change.refused_in_panic = false;
  return change;
}

// The edit from the set's entries to `list`: what goes, what comes (each once).
EntryEdit entries_replaced(const std::string& name, const model::IpSet& set,
                           std::vector<std::string> list) {
  EntryEdit edit{name, {}, {}, std::nullopt};
  std::unordered_set<std::string> have(set.entries.begin(), set.entries.end());
  std::unordered_set<std::string> want(list.begin(), list.end());
  for (const auto& entry : set.entries) {
    if (!want.count(entry)) edit.gone.push_back(entry);
  }
  for (const auto& entry : list) {
    if (have.insert(entry).second) edit.come.push_back(entry);
  }
  edit.list = std::move(list);
  return edit;
}

std::vector<std::string>::iterator find_from_both_ends(std::vector<std::string>& list,
                                                       const std::string& entry) {
  for (size_t front = 0, back = list.size(); front < back; ++front) {
    if (list[front] == entry) return list.begin() + static_cast<std::ptrdiff_t>(front);
    if (list[--back] == entry) return list.begin() + static_cast<std::ptrdiff_t>(back);
  }
  return list.end();
}

}  // namespace

Result<const model::IpSet*> RuntimeIpsets::ipset(const std::string& name) const {
  auto it = sets_.find(name);
  if (it == sets_.end()) return fail(Code::INVALID_IPSET, name);
  return &it->second.value;
}

IpsetEntryIndex& RuntimeIpsets::index(const std::string& name) const {
  auto it = indexes_.find(name);
  if (it == indexes_.end()) {
    it = indexes_.emplace(name, IpsetEntryIndex(sets_.at(name).value.entries)).first;
  }
  return it->second;
}

Status RuntimeIpsets::add_entry(const std::string& name, const std::string& given) {
  auto set = ipset(name);
  if (!set) return set;
  std::string entry = normalize_ipset_entry(given);
  if (Status st = model::check_ipset_entry(**set, entry); !st) return st;
  IpsetEntryIndex& entries = index(name);
  if (entries.contains(entry, (*set)->entries)) {
    return fail(Code::ALREADY_ENABLED, "'" + entry + "' already is in '" + name + "'");
  }
  if (Status st = entries.check_overlap(entry, (*set)->entries); !st) return st;
  if (Status st = native_.add(name, entry); !st) return st;
  Status added = ok();
  if (model::ipset_has_timeout(**set)) {
    added = add_timeout_entries(name, {entry});
  } else {
    added = commit_(entry_change({name, {}, {entry}, std::nullopt}));
  }
  if (!added) (void)native_.remove(name, entry);
  return added;
}

Status RuntimeIpsets::remove_entry(const std::string& name, const std::string& given) {
  auto set = ipset(name);
  if (!set) return set;
  std::string entry = normalize_ipset_entry(given);
  if (!index(name).contains(entry, (*set)->entries)) {
    return fail(Code::NOT_ENABLED, "'" + entry + "' not in '" + name + "'");
  }
  if (Status st = native_.remove(name, entry); !st) return st;
  Status removed = commit_(entry_change({name, {entry}, {}, std::nullopt}));
  if (!removed) (void)native_.add(name, entry);
  return removed;
}

Result<bool> RuntimeIpsets::query_entry(const std::string& name, const std::string& entry) const {
  auto set = ipset(name);
  if (!set) return set;
  if (model::ipset_has_timeout(**set)) return fail(Code::IPSET_WITH_TIMEOUT, name);
  return index(name).contains(normalize_ipset_entry(entry), (*set)->entries);
}

// firewalld keeps the list as given; a repeated entry is one element of the kernel set, so it
// is kept once here.
Status RuntimeIpsets::set_entries(const std::string& name,
                                  const std::vector<std::string>& entries) {
  auto set = ipset(name);
  if (!set) return set;
  if (Status st = check_for_overlapping_entries(entries); !st) return st;
  for (const auto& entry : entries) {
    if (Status st = model::check_ipset_entry(**set, entry); !st) return st;
  }
  std::vector<std::string> list = unique_in_order(entries);
  std::size_t touched = list.size() + (*set)->entries.size();
  bool native = native_.created(name);
  if (native) {
    model::IpSet with_list = **set;
    with_list.entries = list;
    if (Status st = native_.create(name, with_list); !st) return st;
  }
  // A set with a timeout: the entries go to the kernel only. (firewalld flushes the kernel set
  // first; the runtime elements of such a set are not tracked here, so they are not flushed.)
  Status changed = ok();
  if (model::ipset_has_timeout(**set)) {
    changed = add_timeout_entries(name, entries);
  } else {
    changed = commit_(entry_change(entries_replaced(name, **set, std::move(list))));
  }
  // A refused change left the runtime as it was: the native set goes back to it.
  if (!changed && native) (void)native_.create(name, sets_.at(name).value);
  if (touched >= kLargeEntryChange) release_free_memory();  // the old list and the batch
  return changed;
}

void RuntimeIpsets::adopt(EntryEdit edit) {
  auto& entries = sets_.at(edit.set).value.entries;
  auto index = indexes_.find(edit.set);
  if (edit.list) {
    entries = std::move(*edit.list);
    if (index != indexes_.end()) indexes_.erase(index);  // rebuilt when next used
    return;
  }
  // The list keeps firewalld's order (getEntries), so taking an entry out moves the ones after
  // it (O(n) for an old one). It is looked for from both ends at once: entries that come and go
  // soon after (last in, first out) or that expire in the order they came (first in, first out)
  // are found in a few steps.
  for (const auto& entry : edit.gone) {
    auto it = find_from_both_ends(entries, entry);
    if (it != entries.end()) entries.erase(it);
    if (index != indexes_.end()) index->second.remove(entry);
  }
  for (auto& entry : edit.come) {
    if (index != indexes_.end()) index->second.add(entry);
    entries.push_back(std::move(entry));
  }
}

void RuntimeIpsets::keep_entries(Sets& next) const {
  for (const auto& [name, item] : sets_) {
    auto it = next.find(name);
    if (it == next.end()) {
      next.emplace(name, item);
      continue;
    }
    auto& entries = it->second.value.entries;
    std::unordered_set<std::string> have(entries.begin(), entries.end());
    for (const auto& entry : item.value.entries) {
      if (have.insert(entry).second) entries.push_back(entry);
    }
  }
}

Status RuntimeIpsets::create_native() {
  for (const auto& [name, item] : sets_) {
    if (Status st = native_.create(name, item.value); !st) return st;
  }
  return ok();
}

// Outside KernelRuleset: the element is not part of the compiled set, so no later delta sees
// it (as with firewalld, it stays in the kernel until the next reload).
Status RuntimeIpsets::add_timeout_entries(const std::string& name,
                                          const std::vector<std::string>& entries) {
  if (entries.empty()) return ok();
  compiler::Set set = compiler::ipset_with_entries(name, sets_.at(name).value, entries);
  nft::Batch batch;
  Status st = batch.add_set_elements({"inet", compiler::kTableName}, set, set.elements);
  if (!st) return st;
  auto replies = netlink_.send(batch);
  if (!replies) return replies;
  return ok();
}

}  // namespace fwctl::core
