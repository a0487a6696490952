#pragma once
// Builds a Table the way firewalld 1.3.3 builds its ruleset at start-up, one add/insert at a
// time, so that chain order and rule order come out as in `nft list ruleset`.
//
// firewalld positions some rules by bookkeeping rather than by append order; each placement
// helper below mirrors one of them. Identical rules in the same chain are added once, as
// firewalld's reference-counted deduplication does.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "compiler/ir.hpp"

namespace fwctl::compiler {

class TableBuilder {
 public:
  explicit TableBuilder(std::string name);

  void add_chain(const std::string& name, std::optional<BaseHook> base = std::nullopt);
  bool has_chain(const std::string& name) const;
  void add_set(Set set);
  // Adds the ct helper object unless one with that name exists.
  void add_ct_helper(CtHelper helper);

  // nft "add rule": at the end of the chain.
  void append(const std::string& chain, Rule rule);
  // nft "insert rule": at the front of the chain.
  void insert_front(const std::string& chain, Rule rule);
  // nft "add rule ... index N": after the rule at position index.
  void add_after(const std::string& chain, size_t index, Rule rule);

  // Rules carrying firewalld's %%RICH_RULE_PRIORITY%% / %%POLICY_PRIORITY%% token: placed after
  // every counted rule of the chain with a lower or equal priority. The two tokens keep
  // separate counts.
  enum class Counter { RichRule, Policy };
  void add_by_priority(const std::string& chain, Rule rule, int priority, Counter counter);

  // Zone dispatch (%%ZONE_SOURCE%% / %%ZONE_INTERFACE%%): source rules first, ordered by zone
  // name (stable), then interface rules, the newest binding (highest rank) first. `priority` is
  // the zone's ingress or egress priority (firewalld 2.0): finish() orders the dispatch rules by
  // it, lowest first, keeping the order above among equals, so that with every priority at 0
  // the chain is 1.3.3's.
  // A catch-all interface's priority: after every zone priority (-32768..32767).
  static constexpr int kCatchAllPriority = 32768;
  void add_zone_source(const std::string& chain, Rule rule, const std::string& zone,
                       const std::string& source, int priority = 0);
  void add_zone_interface(const std::string& chain, Rule rule, size_t rank, int priority = 0);

  Table finish() &&;
  // The chains where a rule was left out as equal to one placed before (claim()): removing the
  // placed one would uncover it, which a splice (element_delta.hpp) cannot tell.
  const std::set<std::string>& duplicated() const { return duplicated_; }

  // The origin stamped on every rule placed from now on that has none of its own; returns the
  // previous one (OriginScope restores it).
  std::string set_origin(std::string origin);
  const std::string& origin() const { return origin_; }

 private:
  Chain& chain(const std::string& name);
  // False when the rule is a duplicate and must not be added.
  bool claim(const std::string& chain, const Rule& rule, const std::string& token);
  void place(const std::string& chain, size_t position, Rule rule);
  void place_dispatch(const std::string& chain, size_t position, Rule rule, int priority);
  void sort_dispatch_by_priority();
  size_t source_position(const std::string& zone, const std::string& source);

  Table table_;
  std::string origin_;
  std::map<std::string, size_t> chain_index_;
  std::unordered_set<std::string> rule_keys_;
  std::set<std::string> duplicated_;
  std::map<std::pair<Counter, std::string>, std::map<int, size_t>> priority_counts_;
  // The (zone, source) pairs seen, ordered by zone name and within a zone as first seen: a
  // source's dispatch position is its index in that order. Per zone, source -> its index
  // among the zone's (a sorted vector searched per source made a binding compile n^2).
  std::map<std::string, std::unordered_map<std::string, size_t>> zone_sources_;
  size_t zone_source_count_ = 0;
  std::map<std::string, std::vector<size_t>> interface_ranks_;  // per chain, in chain order
  // Per _ZONES chain, the zone priority of each dispatch rule, in chain order. The dispatch
  // rules come first in their chain; the default zone's catch-all follows them.
  std::map<std::string, std::vector<int>> dispatch_priorities_;
};

// Names the origin of the rules emitted while it lives: the element's words are appended to the
// enclosing origin ("zone public" + "service ssh" -> "zone public, service ssh").
class OriginScope {
 public:
  OriginScope(TableBuilder& out, const std::string& words, bool replace = false)
      : out_(out),
        saved_(out.set_origin(replace || out.origin().empty() ? words
                                                              : out.origin() + ", " + words)) {}
  ~OriginScope() { out_.set_origin(saved_); }
  OriginScope(const OriginScope&) = delete;
  OriginScope& operator=(const OriginScope&) = delete;

 private:
  TableBuilder& out_;
  std::string saved_;
};

}  // namespace fwctl::compiler
