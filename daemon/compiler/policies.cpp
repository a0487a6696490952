#include "compiler/policies.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/policy_chains.hpp"
#include "compiler/policy_elements.hpp"
#include "compiler/policy_order.hpp"
#include "compiler/rich_rules.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {
namespace {

bool names_active(const Context& ctx, const std::vector<std::string>& zones) {
  return std::any_of(zones.begin(), zones.end(), [&](const std::string& z) {
    return z == "HOST" || z == "ANY" || ctx.zone_active(z);
  });
}

PolicySpec derived(const std::string& zone_name, const model::Zone& zone, const std::string& from,
                   const std::string& to) {
  PolicySpec spec;
  spec.zone = zone_name;
  spec.policy.info.name = "zone_" + from + "_" + to;
  spec.policy.priority = 0;
  spec.policy.target = zone.target;
  spec.policy.ingress_zones = {from};
  spec.policy.egress_zones = {to};
  return spec;
}

}  // namespace

bool policy_active(const Context& ctx, const model::Policy& policy) {
  if (policy.disable) return false;  // firewalld 2.4 <disable/>: compiles to nothing
  return names_active(ctx, policy.ingress_zones) && names_active(ctx, policy.egress_zones);
}

std::array<PolicySpec, 3> zone_policy_shells(const std::string& name, const model::Zone& zone) {
  return {derived(name, zone, name, "HOST"), derived(name, zone, "ANY", name),
          derived(name, zone, name, "ANY")};
}

std::array<PolicySpec, 3> zone_policies(const std::string& name, const model::Zone& zone) {
  PolicySpec to_host = derived(name, zone, name, "HOST");
  to_host.policy.services = zone.services;
  to_host.policy.ports = zone.ports;
  to_host.policy.source_ports = zone.source_ports;
  to_host.policy.icmp_blocks = zone.icmp_blocks;
  to_host.policy.protocols = zone.protocols;
  to_host.icmp_block_inversion = zone.icmp_block_inversion;
  PolicySpec from_any = derived(name, zone, "ANY", name);
  from_any.policy.masquerade = zone.masquerade;
  PolicySpec to_any = derived(name, zone, name, "ANY");
  to_any.policy.forward_ports = zone.forward_ports;
  for (const auto& rule : zone.rules) {
    switch (rich_rule_zone_part(rule)) {
      case ZonePart::ToHost:
        to_host.policy.rules.push_back(rule);
        break;
      case ZonePart::FromAny:
        from_any.policy.rules.push_back(rule);
        break;
      case ZonePart::ToAny:
        to_any.policy.rules.push_back(rule);
        break;
    }
  }
  // Moved, not copied: with thousands of rich rules a copy of the three is a copy of the zone.
  return {std::move(to_host), std::move(from_any), std::move(to_any)};
}

void apply_policy(Context& ctx, const PolicySpec& spec) {
  OriginScope origin(ctx.out, spec.derived() ? "zone " + spec.zone : "policy " + spec.name(), true);
  auto chains = spec.derived() ? zone_dispatch_chains(spec) : policy_dispatch_chains(ctx, spec);
  for (const auto& tc : chains) emit_policy_chain(ctx, spec, tc);
  if (!spec.derived()) emit_policy_dispatch(ctx, spec);
  const auto& p = spec.policy;
  // firewalld's order: services, ports, masquerade, forward ports, source ports, ICMP blocks,
  // rich rules, protocols; a real policy changed at runtime has its elements in the order they
  // were applied (policy_order.hpp).
  std::vector<std::function<void()>> emits;
  // Each emit names its element, the origin of the rules it adds (fwctl --why).
  auto named = [&](std::string words, std::function<void()> emit) {
    emits.push_back([&ctx, words = std::move(words), emit = std::move(emit)] {
      OriginScope element(ctx.out, words);
      emit();
    });
  };
  for (const auto& s : p.services) {
    named("service " + s, [&] { emit_service(ctx, spec, s, nullptr); });
  }
  for (const auto& pp : p.ports) {
    named("port " + pp.port + "/" + pp.protocol,
          [&] { emit_port(ctx, spec, pp.protocol, pp.port, {}, nullptr); });
  }
  if (p.masquerade) named("masquerade", [&] { emit_masquerade(ctx, spec, nullptr); });
  for (const auto& f : p.forward_ports) {
    named("forward-port " + f.port + "/" + f.protocol + " to " + f.to_addr +
              (f.to_port.empty() ? "" : ":" + f.to_port),
          [&] { emit_forward_port(ctx, spec, f, nullptr); });
  }
  for (const auto& pp : p.source_ports) {
    named("source-port " + pp.port + "/" + pp.protocol,
          [&] { emit_source_port(ctx, spec, pp.protocol, pp.port, {}, nullptr); });
  }
  for (const auto& b : p.icmp_blocks) {
    named("icmp-block " + b,
          [&] { emit_icmp_block(ctx, spec, b, icmp_type_ipvs(ctx, b), nullptr); });
  }
  for (const auto& r : p.rules) {
    named("rich rule '" + model::to_string(r) + "'", [&] { emit_rich_rule(ctx, spec, r); });
  }
  for (const auto& proto : p.protocols) {
    named("protocol " + proto, [&] { emit_protocol(ctx, spec, proto, {}, nullptr); });
  }
  auto order = spec.derived() ? ctx.bindings.policy_order.end()
                              : ctx.bindings.policy_order.find(spec.name());
  if (order == ctx.bindings.policy_order.end()) {
    for (const auto& emit : emits) emit();
    return;
  }
  // Each element's place in the recorded order; one missing from it goes last, in reload order.
  std::vector<std::string> keys = policy_element_keys(p);
  std::unordered_map<std::string, size_t> rank;
  for (size_t i = 0; i < order->second.size(); ++i) rank.emplace(order->second[i], i);
  std::vector<size_t> sequence(emits.size());
  for (size_t i = 0; i < sequence.size(); ++i) sequence[i] = i;
  auto rank_of = [&](size_t i) {
    auto it = rank.find(keys[i]);
    return it == rank.end() ? order->second.size() : it->second;
  };
  std::stable_sort(sequence.begin(), sequence.end(),
                   [&](size_t a, size_t b) { return rank_of(a) < rank_of(b); });
  for (size_t i : sequence) emits[i]();
}

}  // namespace fwctl::compiler
