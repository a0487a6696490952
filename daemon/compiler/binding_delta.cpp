#include "compiler/binding_delta.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "compiler/compiler.hpp"
#include "compiler/context.hpp"
#include "compiler/focus.hpp"
#include "compiler/table_builder.hpp"
#include "compiler/zones.hpp"

namespace fwctl::compiler {
namespace {

using MaybeBindingSplices = std::optional<std::vector<RuleSplice>>;

// "source 10.0.0.0/8" of "zone public, source 10.0.0.0/8"; the zone in `zone`.
std::string_view binding_words(const Rule& rule, std::string_view* zone = nullptr) {
  std::string_view text = rule.origin.text;
  if (!text.starts_with("zone ")) return {};
  size_t comma = text.find(", ", 5);
  if (comma == std::string_view::npos) return {};
  if (zone) *zone = text.substr(5, comma - 5);
  return text.substr(comma + 2);
}

bool is_source(const Rule& rule) { return binding_words(rule).starts_with("source "); }

size_t count_sources(const RuntimeBindings& bindings) {
  size_t n = 0;
  for (const auto& [zone, sources] : bindings.sources) n += sources.size();
  return n;
}

// nft's name of an interface: a trailing "+" is its "*" (zones.cpp).
std::string nft_name(const std::string& interface) {
  if (!interface.empty() && interface.back() == '+') {
    return interface.substr(0, interface.size() - 1) + "*";
  }
  return interface;
}

// Another bound interface with the same nft name (its dispatch rules equal the new one's).
bool nft_name_taken(const RuntimeBindings& bindings, const std::string& interface) {
  std::string name = nft_name(interface);
  bool seen_self = false;
  for (const auto& [zone, interfaces] : bindings.interfaces) {
    for (const auto& other : interfaces) {
      if (other == interface && !seen_self) {
        seen_self = true;
        continue;
      }
      if (nft_name(other) == name) return true;
    }
  }
  return false;
}

bool zone_named_by_policy(const model::Config& config, const std::string& zone) {
  for (const auto& [name, item] : config.policies) {
    const auto& p = item.value;
    auto names = [&](const std::vector<std::string>& zones) {
      return std::find(zones.begin(), zones.end(), zone) != zones.end();
    };
    if (names(p.ingress_zones) || names(p.egress_zones)) return true;
  }
  return false;
}

bool any_zone_priority(const model::Config& config) {
  return std::any_of(config.zones.begin(), config.zones.end(), [](const auto& z) {
    return z.second.value.ingress_priority != 0 || z.second.value.egress_priority != 0;
  });
}

bool has_chains(const RuntimeBindings& bindings, const std::string& zone) {
  return bindings.default_zone == zone || bindings.interfaces.count(zone) ||
         bindings.sources.count(zone);
}

// The edit's rules per chain: apply_zone()'s dispatch of the zone bound to this one binding.
Result<std::vector<Chain>> binding_rules(const model::Config& config, const BindingEdit& edit) {
  RuntimeBindings alone;
  alone.default_zone = edit.zone;
  if (edit.source) {
    alone.sources[edit.zone] = {edit.name};
  } else {
    alone.interfaces[edit.zone] = {edit.name};
    alone.interface_order = {edit.name};
  }
  TableBuilder out(kTableName);
  Focus focus{{}, {}, true};
  Context ctx{config, alone, out, std::nullopt};
  ctx.focus = &focus;
  apply_zone(ctx, edit.zone);
  if (ctx.error) return Unexpected{*ctx.error};
  Table table = std::move(out).finish();
  std::vector<Chain> chains;
  for (auto& chain : table.chains) {
    if (chain.rules.empty()) continue;
    if (model::conf_yes(config.conf.nftables_counters)) {
      for (Rule& rule : chain.rules) {  // as compile()'s add_counters
        auto at = rule.stmts.empty() ? rule.stmts.end() : std::prev(rule.stmts.end());
        rule.stmts.insert(at, Counter{});
      }
    }
    chains.push_back(std::move(chain));
  }
  return chains;
}

// Where an added binding's rules go in `have`.
std::optional<size_t> binding_position(const Chain& have, const BindingEdit& edit,
                                       size_t sources_before) {
  const auto& rules = have.rules;
  if (!have.name.ends_with("_ZONES")) {
    // filter_FWD_<zone>_allow: ... interfaces' forward rules, then sources'.
    if (edit.source) return rules.size();
    return static_cast<size_t>(std::partition_point(rules.begin(), rules.end(),
                                                    [](const Rule& r) { return !is_source(r); }) -
                               rules.begin());
  }
  auto sources_end = std::partition_point(rules.begin(), rules.end(), is_source);
  if (static_cast<size_t>(sources_end - rules.begin()) != sources_before) {
    return std::nullopt;  // a source without a rule here: the compile's places are another's
  }
  if (!edit.source) return static_cast<size_t>(sources_end - rules.begin());
  auto at = std::partition_point(rules.begin(), sources_end, [&](const Rule& r) {
    std::string_view zone;
    binding_words(r, &zone);
    return zone <= std::string_view(edit.zone);
  });
  return static_cast<size_t>(at - rules.begin());
}

std::optional<RuleSplice> binding_addition(const Chain& have, Chain rules, const BindingEdit& edit,
                                           size_t sources_before) {
  // A dispatch rule names its binding: it equals another only for an interface of the same nft
  // name, which compile_binding() declines. Other chains may hold anything.
  bool dispatch = have.name.ends_with("_ZONES");
  for (const Rule& rule : have.rules) {
    if (dispatch) break;
    for (const Rule& added : rules.rules) {
      if (rule == added) return std::nullopt;
    }
  }
  auto at = binding_position(have, edit, sources_before);
  if (!at) return std::nullopt;
  return RuleSplice{have.name, *at, 0, std::move(rules.rules)};
}

std::optional<RuleSplice> binding_removal(const Chain& have, const Chain& rules,
                                          const BindingEdit& edit) {
  std::string origin =
      "zone " + edit.zone + (edit.source ? ", source " : ", interface ") + edit.name;
  auto it = std::find_if(have.rules.begin(), have.rules.end(),
                         [&](const Rule& r) { return r.origin.text == origin; });
  if (it == have.rules.end()) return std::nullopt;
  size_t at = static_cast<size_t>(it - have.rules.begin());
  size_t count = rules.rules.size();
  if (at + count > have.rules.size()) return std::nullopt;
  for (size_t i = 0; i < count; ++i) {
    if (!(have.rules[at + i] == rules.rules[i])) return std::nullopt;
  }
  return RuleSplice{have.name, at, count, {}};
}

}  // namespace

Result<std::optional<std::vector<RuleSplice>>> compile_binding(const model::Config& config,
                                                               const RuntimeBindings& bindings,
                                                               const BindingEdit& edit,
                                                               const Table& current) {
  if (model::conf_yes(config.conf.strict_forward_ports)) return MaybeBindingSplices{};
  if (!config.zones.count(edit.zone) || !has_chains(bindings, edit.zone))
    return MaybeBindingSplices{};
  if (!edit.added && !bindings.interfaces.count(edit.zone) && !bindings.sources.count(edit.zone) &&
      bindings.default_zone != edit.zone) {
    return MaybeBindingSplices{};
  }
  // Chains only an active zone has: a zone becoming active or inactive (unless the default).
  bool had_other = false;
  if (auto i = bindings.interfaces.find(edit.zone); i != bindings.interfaces.end()) {
    had_other = had_other || i->second.size() > (edit.added && !edit.source ? 1u : 0u);
  }
  if (auto s = bindings.sources.find(edit.zone); s != bindings.sources.end()) {
    had_other = had_other || s->second.size() > (edit.added && edit.source ? 1u : 0u);
  }
  if (!had_other && bindings.default_zone != edit.zone) return MaybeBindingSplices{};
  if (!edit.source && (edit.name == "+" || edit.name == "*")) return MaybeBindingSplices{};
  if (!edit.source && edit.added && nft_name_taken(bindings, edit.name)) {
    return MaybeBindingSplices{};
  }
  if (zone_named_by_policy(config, edit.zone) || any_zone_priority(config))
    return MaybeBindingSplices{};
  auto chains = binding_rules(config, edit);
  if (!chains) return chains;
  size_t sources_before = count_sources(bindings) - (edit.added && edit.source ? 1 : 0);
  std::vector<RuleSplice> splices;
  for (auto& chain : *chains) {
    const Chain* have = current.find_chain(chain.name);
    if (!have) return MaybeBindingSplices{};
    auto splice = edit.added ? binding_addition(*have, std::move(chain), edit, sources_before)
                             : binding_removal(*have, chain, edit);
    if (!splice) return MaybeBindingSplices{};
    splices.push_back(std::move(*splice));
  }
  return MaybeBindingSplices{std::move(splices)};
}

}  // namespace fwctl::compiler
