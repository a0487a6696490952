#include "compiler/element_delta.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <string_view>
#include <utility>

#include "compiler/compiler.hpp"
#include "compiler/context.hpp"
#include "compiler/policies.hpp"
#include "compiler/rich_rules.hpp"
#include "compiler/table_builder.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {
namespace {

using Splices = std::vector<RuleSplice>;
using MaybeSplices = std::optional<Splices>;

// The kinds in the order apply_policy() emits a zone's elements; everything a zone's chains get
// after its elements (bindings' forward rules, icmp-block-inversion, the target) ranks last.
constexpr std::array<std::pair<std::string_view, int>, 8> kKindRanks = {{{"service ", 0},
                                                                         {"port ", 1},
                                                                         {"masquerade", 2},
                                                                         {"forward-port ", 3},
                                                                         {"source-port ", 4},
                                                                         {"icmp-block ", 5},
                                                                         {"rich rule ", 6},
                                                                         {"protocol ", 7}}};
constexpr int kAfterElements = 8;
constexpr std::string_view kRichWords = "rich rule 'rule";
constexpr std::string_view kPriorityWords = " priority=\"";

// The element words of an origin of zone `prefix` ("zone public, "): "port 80/tcp, ...".
std::string_view element_words(const std::string& origin, std::string_view prefix) {
  if (!std::string_view(origin).starts_with(prefix)) return {};
  return std::string_view(origin).substr(prefix.size());
}

int kind_rank(const Rule& rule, std::string_view prefix) {
  auto words = element_words(rule.origin.text, prefix);
  for (const auto& [kind, rank] : kKindRanks) {
    if (words.starts_with(kind)) return rank;
  }
  return kAfterElements;
}

// A rich rule's priority as its origin prints it (model::to_string: right after "rule", absent
// at 0); nullopt for a rule of no rich rule.
std::optional<int> rich_priority(const Rule& rule, std::string_view prefix) {
  auto words = element_words(rule.origin.text, prefix);
  if (!words.starts_with(kRichWords)) return std::nullopt;
  words.remove_prefix(kRichWords.size());
  if (!words.starts_with(kPriorityWords)) return 0;
  words.remove_prefix(kPriorityWords.size());
  int priority = 0;
  auto [end, ec] = std::from_chars(words.data(), words.data() + words.size(), priority);
  if (ec != std::errc{} || end == words.data() + words.size() || *end != '"') return std::nullopt;
  return priority;
}

std::string element_origin(const ZoneElementEdit& edit) {
  std::string words;
  switch (edit.kind) {
    case ZoneElementEdit::Kind::Service:
      words = "service " + edit.name;
      break;
    case ZoneElementEdit::Kind::Port:
      words = "port " + edit.port.port + "/" + edit.port.protocol;
      break;
    case ZoneElementEdit::Kind::SourcePort:
      words = "source-port " + edit.port.port + "/" + edit.port.protocol;
      break;
    case ZoneElementEdit::Kind::Protocol:
      words = "protocol " + edit.name;
      break;
    case ZoneElementEdit::Kind::RichRule:
      words = "rich rule '" + model::to_string(*edit.rule) + "'";
      break;
  }
  return "zone " + edit.zone + ", " + words;
}

bool origin_of(const Rule& rule, const std::string& origin) {
  const std::string& text = rule.origin.text;
  if (!text.starts_with(origin)) return false;
  return text.size() == origin.size() || std::string_view(text).substr(origin.size(), 2) == ", ";
}

// apply_policy()'s spec for the zone's traffic to the host (policies.cpp), holding `edit`'s
// element alone.
PolicySpec element_spec(const model::Zone& zone, const ZoneElementEdit& edit) {
  PolicySpec spec;
  spec.zone = edit.zone;
  spec.policy.info.name = "zone_" + edit.zone + "_HOST";
  spec.policy.priority = 0;
  spec.policy.target = zone.target;
  spec.policy.ingress_zones = {edit.zone};
  spec.policy.egress_zones = {"HOST"};
  spec.icmp_block_inversion = zone.icmp_block_inversion;
  switch (edit.kind) {
    case ZoneElementEdit::Kind::Service:
      spec.policy.services = {edit.name};
      break;
    case ZoneElementEdit::Kind::Port:
      spec.policy.ports = {edit.port};
      break;
    case ZoneElementEdit::Kind::SourcePort:
      spec.policy.source_ports = {edit.port};
      break;
    case ZoneElementEdit::Kind::Protocol:
      spec.policy.protocols = {edit.name};
      break;
    case ZoneElementEdit::Kind::RichRule:
      spec.policy.rules = {*edit.rule};
      break;
  }
  return spec;
}

bool uses_helper(const Rule& rule) {
  return std::any_of(rule.stmts.begin(), rule.stmts.end(),
                     [](const Statement& s) { return std::holds_alternative<CtHelperSet>(s); });
}

// The element's rules per chain, as the whole compile makes them; nullopt when they leave the
// zone's filter_IN_ sub-chains or need a ct helper.
Result<std::optional<std::vector<Chain>>> element_rules(const model::Config& config,
                                                        const RuntimeBindings& bindings,
                                                        const model::Zone& zone,
                                                        const ZoneElementEdit& edit) {
  TableBuilder out(kTableName);
  Focus focus{{edit.zone}, {}, false};
  Context ctx{config, bindings, out, std::nullopt, {}};  // no interface ranks: no bindings here
  ctx.focus = &focus;
  apply_policy(ctx, element_spec(zone, edit));
  if (ctx.error) return Unexpected{*ctx.error};
  Table table = std::move(out).finish();
  if (!table.ct_helpers.empty()) return std::optional<std::vector<Chain>>{};
  const std::string main = "filter_IN_" + edit.zone;
  std::vector<Chain> chains;
  for (auto& chain : table.chains) {
    if (chain.name == main || chain.rules.empty()) continue;  // the skeleton: not the element's
    if (!chain.name.starts_with(main + "_") || chain_owner(chain.name) != edit.zone) {
      return std::optional<std::vector<Chain>>{};
    }
    if (std::any_of(chain.rules.begin(), chain.rules.end(), uses_helper)) {
      return std::optional<std::vector<Chain>>{};
    }
    if (model::conf_yes(config.conf.nftables_counters)) {
      for (Rule& rule : chain.rules) {  // as compile()'s add_counters
        auto at = rule.stmts.empty() ? rule.stmts.end() : std::prev(rule.stmts.end());
        rule.stmts.insert(at, Counter{});
      }
    }
    chains.push_back(std::move(chain));
  }
  return std::optional<std::vector<Chain>>{std::move(chains)};
}

bool priority_chain(const std::string& chain) {
  return chain.ends_with("_pre") || chain.ends_with("_post");
}

// Where the element's rules go in `rules`: after every element rule of a kind emitted no later
// (append chains), or after every rich rule of no higher priority (_pre/_post, which hold rich
// rules only). Both orders hold over the whole chain, so a binary search finds the place.
std::optional<size_t> insert_position(const std::vector<Rule>& rules, const std::string& chain,
                                      const ZoneElementEdit& edit, std::string_view prefix) {
  if (!priority_chain(chain)) {
    int rank = kind_rank(Rule{{}, {element_origin(edit)}}, prefix);
    auto at = std::partition_point(rules.begin(), rules.end(),
                                   [&](const Rule& r) { return kind_rank(r, prefix) <= rank; });
    return static_cast<size_t>(at - rules.begin());
  }
  int priority = edit.rule ? edit.rule->priority : 0;
  bool foreign = false;  // a rule there that is no rich rule: not a chain this knows
  auto at = std::partition_point(rules.begin(), rules.end(), [&](const Rule& r) {
    auto p = rich_priority(r, prefix);
    foreign = foreign || !p;
    return p && *p <= priority;
  });
  if (foreign) return std::nullopt;
  return static_cast<size_t>(at - rules.begin());
}

// The run of the removed element's rules in `rules`, searched outwards from where it most
// likely is (`hint`: its index in its list, counted from the start of its kind's rules).
std::optional<size_t> find_run(const std::vector<Rule>& rules, const std::string& origin,
                               size_t hint) {
  size_t n = rules.size();
  if (n == 0) return std::nullopt;
  size_t start = std::min(hint, n - 1);
  for (size_t d = 0; d < n; ++d) {
    bool any = false;
    if (start + d < n) {
      any = true;
      if (origin_of(rules[start + d], origin)) return start + d;
    }
    if (d > 0 && d <= start) {
      any = true;
      if (origin_of(rules[start - d], origin)) return start - d;
    }
    if (!any) break;
  }
  return std::nullopt;
}

std::optional<RuleSplice> removal(const Chain& have, Chain element, const ZoneElementEdit& edit,
                                  std::string_view prefix, size_t hint) {
  std::string origin = element_origin(edit);
  size_t kind_begin = 0;
  if (!priority_chain(have.name)) {
    int rank = kind_rank(Rule{{}, {origin}}, prefix);
    kind_begin = static_cast<size_t>(
        std::partition_point(have.rules.begin(), have.rules.end(),
                             [&](const Rule& r) { return kind_rank(r, prefix) < rank; }) -
        have.rules.begin());
  }
  auto found = find_run(have.rules, origin, kind_begin + hint);
  if (!found) return std::nullopt;
  size_t at = *found;
  while (at > 0 && origin_of(have.rules[at - 1], origin)) --at;  // the run's first rule
  size_t count = element.rules.size();
  if (at + count > have.rules.size()) return std::nullopt;
  for (size_t i = 0; i < count; ++i) {
    if (!(have.rules[at + i] == element.rules[i])) return std::nullopt;
  }
  if (at + count < have.rules.size() && origin_of(have.rules[at + count], origin)) {
    return std::nullopt;  // more of its rules than it compiles to: not this compile's chain
  }
  return RuleSplice{have.name, at, count, {}};
}

// Rule ==, a match's right-hand side compared before its selectors: the rules of a chain share
// their selectors (tcp dport) and differ in the value (the port), so a difference is found at
// the first string instead of after the selectors' (the duplicate scan below was a third of
// fwctld's time per port added to a zone of 10,000, issue 13). Same answer as ==.
bool same_match(const Match& a, const Match& b) {
  return a.right == b.right && a.op == b.op && a.left == b.left;
}

bool same_rule(const Rule& a, const Rule& b) {
  if (a.stmts.size() != b.stmts.size()) return false;
  for (size_t i = 0; i < a.stmts.size(); ++i) {
    const auto* ma = std::get_if<Match>(&a.stmts[i]);
    const auto* mb = std::get_if<Match>(&b.stmts[i]);
    if (ma && mb ? !same_match(*ma, *mb) : !(a.stmts[i] == b.stmts[i])) return false;
  }
  return true;  // Origin takes no part in equality
}

std::optional<RuleSplice> addition(const Chain& have, Chain element, const ZoneElementEdit& edit,
                                   std::string_view prefix) {
  // The whole compile adds a rule equal to one the chain holds once: not a splice.
  for (const Rule& rule : have.rules) {
    for (const Rule& added : element.rules) {
      if (same_rule(rule, added)) return std::nullopt;
    }
  }
  auto at = insert_position(have.rules, have.name, edit, prefix);
  if (!at) return std::nullopt;
  return RuleSplice{have.name, *at, 0, std::move(element.rules)};
}

}  // namespace

Result<std::optional<std::vector<RuleSplice>>> compile_zone_element(const model::Config& config,
                                                                    const RuntimeBindings& bindings,
                                                                    const ZoneElementEdit& edit,
                                                                    const Table& current) {
  if (model::conf_yes(config.conf.strict_forward_ports)) return MaybeSplices{};
  auto it = config.zones.find(edit.zone);
  if (it == config.zones.end()) return MaybeSplices{};
  const model::Zone& zone = it->second.value;
  bool active = bindings.default_zone == edit.zone || bindings.interfaces.count(edit.zone) ||
                bindings.sources.count(edit.zone);
  if (!active) return MaybeSplices{};
  if (edit.kind == ZoneElementEdit::Kind::RichRule &&
      (!edit.rule || rich_rule_zone_part(*edit.rule) != ZonePart::ToHost)) {
    return MaybeSplices{};
  }
  auto chains = element_rules(config, bindings, zone, edit);
  if (!chains) return chains;
  if (!*chains) return MaybeSplices{};
  const std::string prefix = "zone " + edit.zone + ", ";
  Splices splices;
  for (auto& chain : **chains) {
    const Chain* have = current.find_chain(chain.name);
    if (!have) return MaybeSplices{};
    auto splice = edit.added ? addition(*have, std::move(chain), edit, prefix)
                             : removal(*have, std::move(chain), edit, prefix, edit.index);
    if (!splice) return MaybeSplices{};
    splices.push_back(std::move(*splice));
  }
  return MaybeSplices{std::move(splices)};
}

void apply_splices(Table& table, const std::vector<RuleSplice>& splices) {
  for (const auto& splice : splices) {
    for (auto& chain : table.chains) {
      if (chain.name != splice.chain) continue;
      auto at = chain.rules.begin() + static_cast<std::ptrdiff_t>(splice.at);
      at = chain.rules.erase(at, at + static_cast<std::ptrdiff_t>(splice.removed));
      chain.rules.insert(at, splice.added.begin(), splice.added.end());
    }
  }
}

}  // namespace fwctl::compiler
