#include "core/counters.hpp"

#include <algorithm>

#include "compiler/compiler.hpp"
#include "model/firewalld_conf.hpp"

namespace fwctl::core {

Result<std::map<Counters::Key, Counters::Count>> Counters::read() {
  if (!model::conf_yes(fw_.runtime().conf.nftables_counters)) {
    return fail(Code::NOT_ENABLED,
                "the rules have no counters: set NftablesCounters=yes (firewalld.conf, or the "
                "property of org.fwctl.Config1) and reload");
  }
  auto counters = fw_.netlink().rule_counters(compiler::kTableName);
  if (!counters) return counters;
  if (fw_.kernel().replacements() != baseline_replacements_) baseline_.clear();
  std::map<Key, Count> out;
  for (const auto& c : *counters) {
    Count now{c.packets, c.bytes};
    if (auto it = baseline_.find({c.chain, c.handle}); it != baseline_.end()) {
      now.first -= std::min(now.first, it->second.first);
      now.second -= std::min(now.second, it->second.second);
    }
    out[{c.chain, c.handle}] = now;
  }
  return out;
}

Result<std::vector<ElementCount>> Counters::of(const std::string& owner) {
  auto counts = read();
  if (!counts) return counts;
  const std::string prefix = owner + ", ";
  std::vector<ElementCount> out;
  for (const auto& table : fw_.kernel().ruleset().tables) {
    if (table.family != "inet" || table.name != compiler::kTableName) continue;
    for (const auto& chain : table.chains) {
      const auto* handles = fw_.kernel().handles(table.name, chain.name);
      if (!handles) continue;
      for (size_t i = 0; i < chain.rules.size() && i < handles->size(); ++i) {
        const std::string& origin = chain.rules[i].origin.text;
        if (origin.rfind(prefix, 0) != 0) continue;
        auto it = counts->find({chain.name, (*handles)[i]});
        // A rule the dump has no counter for (added since) counts 0.
        Count count = it == counts->end() ? Count{0, 0} : it->second;
        std::string element = origin.substr(prefix.size());
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const ElementCount& e) { return e.element == element; });
        if (same == out.end()) same = out.insert(out.end(), ElementCount{element, 0, 0});
        same->packets += count.first;
        same->bytes += count.second;
      }
    }
  }
  return out;
}

std::vector<RuleOrigin> rule_origins(const KernelRuleset& kernel) {
  std::vector<RuleOrigin> out;
  for (const auto& table : kernel.ruleset().tables) {
    if (table.family != "inet" || table.name != compiler::kTableName) continue;
    for (const auto& chain : table.chains) {
      const auto* handles = kernel.handles(table.name, chain.name);
      if (!handles) continue;
      for (size_t i = 0; i < chain.rules.size() && i < handles->size(); ++i) {
        out.push_back({chain.name, (*handles)[i], chain.rules[i].origin.text,
                       compiler::to_text(chain.rules[i])});
      }
    }
  }
  return out;
}

Result<std::vector<ElementCount>> Counters::of_zone(const std::string& zone) {
  const std::string& name = zone.empty() ? fw_.default_zone() : zone;
  if (!fw_.runtime().zones.count(name)) return fail(Code::INVALID_ZONE, name);
  return of("zone " + name);
}

Result<std::vector<ElementCount>> Counters::of_policy(const std::string& policy) {
  if (auto p = fw_.policy(policy); !p) return p;
  return of("policy " + policy);
}

Status Counters::zero() {
  baseline_.clear();
  auto counts = read();
  if (!counts) return counts;
  baseline_ = std::move(*counts);
  baseline_replacements_ = fw_.kernel().replacements();
  return ok();
}

}  // namespace fwctl::core
