// The jumps from the POLICIES_pre/post chains into a real policy (firewalld's
// build_policy_ingress_egress_rules).

#include <algorithm>
#include <set>

#include "compiler/fragments.hpp"
#include "compiler/policy_chains.hpp"

namespace fwctl::compiler {
namespace {

// Matches on one side of a policy: wildcard interfaces one by one (nft allows no wildcard in
// an anonymous set), the other interfaces as one set, each source on its own.
std::vector<Match> side_matches(Context& ctx, const std::vector<std::string>& zones,
                                const std::string& ifkey, const std::string& addr_field) {
  std::set<std::string> interfaces, sources;  // sorted: firewalld's order here is a hash order
  for (const auto& zone : zones) {
    if (zone == "ANY" || zone == "HOST") continue;
    for (const auto& i : ctx.interfaces_of(zone)) interfaces.insert(i);
    for (const auto& s : ctx.sources_of(zone)) sources.insert(s);
  }
  std::vector<Match> out;
  AnonSet plain;
  for (const auto& i : interfaces) {
    if (!i.empty() && i.back() == '+') {
      out.push_back(meta_match(ifkey, quoted(i.substr(0, i.size() - 1) + "*")));
    } else {
      plain.elements.push_back(quoted(i));
    }
  }
  // nft turns a one-element anonymous set into a plain comparison.
  if (plain.elements.size() == 1) out.push_back(meta_match(ifkey, plain.elements[0]));
  if (plain.elements.size() > 1) out.push_back(meta_match(ifkey, plain));
  for (const auto& s : sources) {
    if (auto m = addr_match(ctx, addr_field, s)) out.push_back(*m);
  }
  return out;
}

const Payload* payload_of(const Match* m) {
  return m ? std::get_if<Payload>(&m->left[0]) : nullptr;
}

// ip saddr 10.0.0.0/8 oifname { "eth1" } jump filter_FWD_policy_foo
void add_dispatch_rule(Context& ctx, const PolicySpec& spec, const TableChain& tc,
                       const Match* ingress, const Match* egress) {
  const auto* pi = payload_of(ingress);
  const auto* pe = payload_of(egress);
  // An IPv4 source never meets an IPv6 destination.
  if (pi && pe && pi->protocol != pe->protocol) return;
  const auto& [table, nf_chain] = tc;
  bool snat = table == "nat" && nf_chain == "POSTROUTING";
  Rule rule;
  if (ingress) rule.stmts.push_back(*ingress);
  if (egress) rule.stmts.push_back(*egress);
  rule.stmts.push_back(jump(policy_chain(spec, table, snat)));
  std::string chain =
      table + "_" + nf_chain + "_POLICIES_" + (spec.policy.priority < 0 ? "pre" : "post");
  ctx.out.add_by_priority(chain, std::move(rule), spec.policy.priority,
                          TableBuilder::Counter::Policy);
}

}  // namespace

void emit_policy_dispatch(Context& ctx, const PolicySpec& spec) {
  for (const auto& tc : policy_dispatch_chains(ctx, spec)) {
    auto ingress = side_matches(ctx, spec.policy.ingress_zones, "iifname", "saddr");
    auto egress = side_matches(ctx, spec.policy.egress_zones, "oifname", "daddr");
    if (ingress.empty() && egress.empty()) {
      add_dispatch_rule(ctx, spec, tc, nullptr, nullptr);
    } else if (ingress.empty()) {
      for (const auto& e : egress) add_dispatch_rule(ctx, spec, tc, nullptr, &e);
    } else {
      for (const auto& i : ingress) {
        if (egress.empty()) add_dispatch_rule(ctx, spec, tc, &i, nullptr);
        for (const auto& e : egress) add_dispatch_rule(ctx, spec, tc, &i, &e);
      }
    }
  }
}

}  // namespace fwctl::compiler
