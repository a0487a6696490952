// ICMP blocks and ICMP block inversion (firewalld's build_policy_icmp_block_rules and
// build_policy_icmp_block_inversion_rules).

#include <algorithm>

#include "compiler/fragments.hpp"
#include "compiler/policy_chains.hpp"
#include "compiler/policy_elements.hpp"
#include "compiler/rich_output.hpp"

namespace fwctl::compiler {

std::vector<std::string> icmp_type_ipvs(const Context& ctx, const std::string& name) {
  auto it = ctx.config.icmptypes.find(name);
  std::vector<std::string> ipvs;
  if (it != ctx.config.icmptypes.end()) {
    const auto& dests = it->second.value.destinations;
    for (const char* ipv : {"ipv4", "ipv6"}) {
      if (std::find(dests.begin(), dests.end(), ipv) != dests.end()) ipvs.push_back(ipv);
    }
  }
  if (ipvs.empty()) ipvs = {"ipv4", "ipv6"};
  return ipvs;
}

namespace {

// A plain block: reject in _deny, or accept in _allow when the inversion is on.
// icmp type echo-request [meta pkttype host log prefix "filter_<policy>_ICMP_BLOCK: "]
// icmp type echo-request reject with icmpx admin-prohibited
void emit_plain_block(Context& ctx, const PolicySpec& spec, std::vector<Statement> exprs) {
  std::string chain = policy_chain(spec, "filter");
  bool inverted = spec.icmp_block_inversion;
  chain += inverted ? "_allow" : "_deny";
  if (ctx.logging() && !inverted) {
    auto log_rule = exprs;
    for (auto& s : pkttype_match(ctx.log_denied())) log_rule.push_back(s);
    log_rule.push_back(log_prefix("filter_" + spec.name() + "_ICMP_BLOCK: "));
    ctx.out.append(chain, Rule{log_rule});
  }
  exprs.push_back(inverted ? accept() : reject_admin());
  ctx.out.append(chain, Rule{std::move(exprs)});
}

}  // namespace

void emit_icmp_block(Context& ctx, const PolicySpec& spec, const std::string& name,
                     const std::vector<std::string>& ipvs, const model::RichRule* rich) {
  for (const auto& ipv : ipvs) {
    auto exprs = rich_head(ctx, rich, {});
    auto icmp = icmp_type_matches(ipv, name);
    if (icmp.empty()) {
      ctx.fail(Code::INVALID_ICMPTYPE, name);
      return;
    }
    exprs.insert(exprs.end(), icmp.begin(), icmp.end());
    if (!rich) {
      emit_plain_block(ctx, spec, std::move(exprs));
    } else if (rich->action) {
      emit_rich_outputs(ctx, spec, *rich, "filter", exprs);
    } else {
      // A rich icmp-block without an action still rejects (and still logs).
      emit_rich_outputs(ctx, spec, *rich, "filter", exprs);
      exprs.push_back(reject_admin());
      add_rich_placed(ctx, policy_chain(spec, "filter") + "_" + rich_action_suffix(*rich),
                      std::move(exprs), rich);
    }
  }
}

// Inserted after the seven jumps of filter_IN_<zone>:
//   meta l4proto { icmp, ipv6-icmp } accept
// or, inverted, [meta l4proto { icmp, ipv6-icmp } log prefix ...] then the reject.
void emit_icmp_block_inversion(Context& ctx, const PolicySpec& spec) {
  const auto& target = spec.policy.target;
  bool inverted = spec.icmp_block_inversion;
  if (target == "DROP" || target == "%%REJECT%%" || target == "REJECT") return;
  if (!inverted && target == "ACCEPT") return;
  Match icmp = meta_match("l4proto", AnonSet{{symbol("icmp"), symbol("ipv6-icmp")}});
  std::string chain = policy_chain(spec, "filter");
  ctx.out.add_after(chain, 6, Rule{{icmp, inverted ? reject_admin() : accept()}});
  if (ctx.logging() && inverted) {
    std::vector<Statement> log_rule{icmp};
    for (auto& s : pkttype_match(ctx.log_denied())) log_rule.push_back(s);
    log_rule.push_back(log_prefix("filter_" + spec.name() + "_ICMP_BLOCK: "));
    ctx.out.add_after(chain, 6, Rule{log_rule});
  }
}

}  // namespace fwctl::compiler
