#include "compiler/compiler.hpp"

#include <iterator>
#include <set>

#include "compiler/context.hpp"
#include "compiler/ipsets.hpp"
#include "compiler/policies.hpp"
#include "compiler/policy_chains.hpp"
#include "compiler/skeleton.hpp"
#include "compiler/zones.hpp"

namespace fwctl::compiler {
namespace {

// The steps of firewalld's _start_apply_objects, in its order.
void compile_into(Context& ctx) {
  if (!ctx.focus) emit_ipsets(ctx);  // a focused compile never changes a set
  if (ctx.emits_shared()) emit_skeleton(ctx);
  std::set<std::string> applied;
  for (const auto& [name, item] : ctx.config.zones) {  // sorted by name, as firewalld does
    if (!ctx.zone_active(name)) continue;
    apply_zone(ctx, name);
    applied.insert(name);
  }
  const std::string& default_zone = ctx.bindings.default_zone;
  if (!applied.count(default_zone)) apply_zone(ctx, default_zone);
  bind_default_zone(ctx, default_zone);
  for (const auto& [name, item] : ctx.config.policies) {
    if (!policy_active(ctx, item.value)) continue;
    if (!ctx.emits_policy(name) && !ctx.emits_shared()) continue;
    PolicySpec spec;
    spec.policy = item.value;
    spec.policy.info.name = name;
    if (ctx.emits_policy(name)) {
      apply_policy(ctx, spec);
    } else {
      emit_policy_dispatch(ctx, spec);
    }
  }
}

// NftablesCounters (firewalld 2.0): a counter on every rule, just before its last statement
// (the verdict, where the rule has one), where firewalld 2.x inserts it.
void add_counters(Table& table) {
  for (Chain& chain : table.chains) {
    for (Rule& rule : chain.rules) {
      auto at = rule.stmts.empty() ? rule.stmts.end() : std::prev(rule.stmts.end());
      rule.stmts.insert(at, Counter{});
    }
  }
}

// NftablesFlowtable (2.0) and NftablesTableOwner (2.2): objects of the table itself.
void add_table_options(Table& table, const model::FirewalldConf& conf) {
  auto devices = model::flowtable_devices(conf.nftables_flowtable);
  if (!devices.empty()) {
    table.flowtables.push_back(Flowtable{kFlowtableName, "ingress", kFlowtablePriority, devices});
  }
  if (model::conf_yes(conf.nftables_table_owner)) table.flags = {"owner", "persist"};
}

}  // namespace

Result<std::optional<Table>> compile_focused(const model::Config& config,
                                             const RuntimeBindings& bindings, const Focus& focus,
                                             std::set<std::string>* duplicated) {
  if (model::conf_yes(config.conf.strict_forward_ports)) return std::optional<Table>{};
  TableBuilder out(kTableName);
  Context ctx{config, bindings, out, std::nullopt};
  ctx.focus = &focus;
  compile_into(ctx);
  if (ctx.error) return Unexpected{*ctx.error};
  if (duplicated) *duplicated = out.duplicated();
  Table table = std::move(out).finish();
  // Chains a zone outside the focus got on the way (its forward rules) are dropped.
  std::erase_if(table.chains, [&](const Chain& chain) { return !focus.covers_chain(chain.name); });
  if (model::conf_yes(config.conf.nftables_counters)) add_counters(table);
  return std::optional<Table>{std::move(table)};
}

Result<Ruleset> compile(const model::Config& config, const RuntimeBindings& bindings,
                        std::set<std::string>* duplicated) {
  TableBuilder out(kTableName);
  Context ctx{config, bindings, out, std::nullopt};
  compile_into(ctx);
  if (ctx.error) return Unexpected{*ctx.error};
  if (duplicated) *duplicated = out.duplicated();
  Ruleset ruleset;
  ruleset.tables.push_back(std::move(out).finish());
  if (model::conf_yes(config.conf.nftables_counters)) add_counters(ruleset.tables.back());
  add_table_options(ruleset.tables.back(), config.conf);
  return ruleset;
}

}  // namespace fwctl::compiler
