#include "compiler/compiler.hpp"

#include <iterator>
#include <set>

#include "compiler/context.hpp"
#include "compiler/ipsets.hpp"
#include "compiler/policies.hpp"
#include "compiler/skeleton.hpp"
#include "compiler/zones.hpp"

namespace fwctl::compiler {
namespace {

// The steps of firewalld's _start_apply_objects, in its order.
void compile_into(Context& ctx) {
  emit_ipsets(ctx);
  emit_skeleton(ctx);
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
    PolicySpec spec;
    spec.policy = item.value;
    spec.policy.info.name = name;
    apply_policy(ctx, spec);
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

Result<Ruleset> compile(const model::Config& config, const RuntimeBindings& bindings) {
  TableBuilder out(kTableName);
  Context ctx{config, bindings, out, std::nullopt};
  compile_into(ctx);
  if (ctx.error) return Unexpected{*ctx.error};
  Ruleset ruleset;
  ruleset.tables.push_back(std::move(out).finish());
  if (model::conf_yes(config.conf.nftables_counters)) add_counters(ruleset.tables.back());
  add_table_options(ruleset.tables.back(), config.conf);
  return ruleset;
}

}  // namespace fwctl::compiler
