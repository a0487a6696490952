#include "compiler/policy_chains.hpp"

#include <algorithm>

#include "compiler/fragments.hpp"

namespace fwctl::compiler {
namespace {

constexpr const char* kSubChains[] = {"pre", "log", "deny", "allow", "post"};

bool any_has_interfaces(const Context& ctx, const std::vector<std::string>& zones) {
  return std::any_of(zones.begin(), zones.end(),
                     [&](const std::string& z) { return !ctx.interfaces_of(z).empty(); });
}

std::string forward_style_base(const std::string& table, bool snat, const std::string& suffix) {
  if (table == "filter") return "FWD_" + suffix;
  if (table == "nat") return (snat ? "POST_" : "PRE_") + suffix;
  if (table == "mangle" || table == "raw") return "PRE_" + suffix;
  return {};
}

}  // namespace

std::string policy_chain_base(const PolicySpec& spec, const std::string& table, bool snat) {
  bool derived = spec.derived();
  std::string suffix = derived ? spec.zone : "policy_" + spec.name();
  if (spec.egress_has("HOST")) {
    if (table == "filter") return "IN_" + suffix;
    if (!derived && (table == "mangle" || table == "nat")) return "PRE_" + suffix;
    return {};
  }
  if (spec.ingress_has("HOST")) {
    if (!derived && (table == "filter" || table == "nat")) return "OUT_" + suffix;
    return {};
  }
  if (spec.egress_has("ANY")) return forward_style_base(table, snat, suffix);
  if (spec.ingress_has("ANY")) {
    // A zone's ANY->zone policy has no mangle chain.
    if (derived && table == "mangle") return {};
    return forward_style_base(table, snat, suffix);
  }
  return derived ? std::string() : forward_style_base(table, snat, suffix);
}

std::string policy_chain(const PolicySpec& spec, const std::string& table, bool snat) {
  return table + "_" + policy_chain_base(spec, table, snat);
}

std::vector<TableChain> policy_dispatch_chains(const Context& ctx, const PolicySpec& spec) {
  const auto& p = spec.policy;
  if (spec.ingress_has("ANY") && spec.egress_has("HOST")) {
    return {{"filter", "INPUT"}, {"nat", "PREROUTING"}, {"mangle", "PREROUTING"}};
  }
  if (spec.egress_has("HOST")) return {{"filter", "INPUT"}};
  if (spec.ingress_has("HOST")) return {{"filter", "OUTPUT"}, {"nat", "OUTPUT"}};
  if (spec.ingress_has("ANY") && spec.egress_has("ANY")) {
    return {{"filter", "FORWARD"},
            {"nat", "PREROUTING"},
            {"nat", "POSTROUTING"},
            {"mangle", "PREROUTING"}};
  }
  if (spec.egress_has("ANY")) {
    return {{"filter", "FORWARD"},
            {"nat", "PREROUTING"},
            {"mangle", "PREROUTING"},
            {"nat", "POSTROUTING"}};
  }
  std::vector<TableChain> tc;
  tc.push_back({"filter", "FORWARD"});
  // DNAT and marks only make sense when the egress zones are not bound by interface.
  tc.push_back({"nat", "POSTROUTING"});
  if (!any_has_interfaces(ctx, p.egress_zones)) {
    tc.push_back({"nat", "PREROUTING"});
    tc.push_back({"mangle", "PREROUTING"});
  }
  return tc;
}

std::vector<TableChain> zone_dispatch_chains(const PolicySpec& spec) {
  if (spec.egress_has("HOST")) return {{"filter", "INPUT"}};
  if (spec.egress_has("ANY")) {
    return {{"filter", "FORWARD"}, {"nat", "PREROUTING"}, {"mangle", "PREROUTING"}};
  }
  return {{"nat", "POSTROUTING"}};
}

namespace {

// [meta pkttype host] log prefix "filter_IN_public_REJECT: "; reject with icmpx admin-prohibited
void emit_chain_target(Context& ctx, const PolicySpec& spec, const std::string& chain) {
  const std::string& target = spec.policy.target;
  bool rejects = target == "default" || target == "REJECT" || target == "%%REJECT%%";
  if (ctx.logging() && (rejects || target == "DROP")) {
    auto stmts = pkttype_match(ctx.log_denied());
    std::string suffix = rejects ? "REJECT" : "DROP";
    stmts.push_back(log_prefix(chain + "_" + suffix + ": "));
    ctx.out.append(chain, Rule{stmts});
  }
  if (rejects) ctx.out.append(chain, Rule{{reject_admin()}});
  if (target == "ACCEPT") ctx.out.append(chain, Rule{{accept()}});
  if (target == "DROP") ctx.out.append(chain, Rule{{drop()}});
}

}  // namespace

// chain filter_IN_public {
//   jump filter_INPUT_POLICIES_pre          (zones only)
//   jump filter_IN_public_pre ... jump filter_IN_public_post
//   jump filter_INPUT_POLICIES_post         (zones only)
//   reject with icmpx admin-prohibited      (filter table: the target)
// }
void emit_policy_chain(Context& ctx, const PolicySpec& spec, const TableChain& tc) {
  const auto& [table, nf_chain] = tc;
  std::string chain = policy_chain(spec, table, table == "nat" && nf_chain == "POSTROUTING");
  if (ctx.out.has_chain(chain)) return;  // the zone's other policies share its chains
  ctx.out.add_chain(chain);
  for (const char* sub : kSubChains) ctx.out.add_chain(chain + "_" + sub);
  std::string dispatch = table + "_" + nf_chain + "_POLICIES_";
  if (spec.derived()) ctx.out.append(chain, Rule{{jump(dispatch + "pre")}});
  for (const char* sub : kSubChains) ctx.out.append(chain, Rule{{jump(chain + "_" + sub)}});
  if (spec.derived()) ctx.out.append(chain, Rule{{jump(dispatch + "post")}});
  if (table == "filter") {
    OriginScope origin(ctx.out, "target " + spec.policy.target);
    emit_chain_target(ctx, spec, chain);
  }
}

}  // namespace fwctl::compiler
