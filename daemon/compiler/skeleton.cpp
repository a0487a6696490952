#include "compiler/skeleton.hpp"

#include <cctype>

#include "compiler/compiler.hpp"
#include "compiler/fragments.hpp"

namespace fwctl::compiler {
namespace {

// firewalld hooks every chain 10 after the standard priority (NFT_HOOK_OFFSET).
constexpr int kHookOffset = 10;

Rule rule(std::vector<Statement> stmts) { return Rule{std::move(stmts)}; }

// ct state { established, related } accept
Rule established_accept() {
  return rule({Match{{Ct{"state"}}, Op::Eq, AnonSet{{symbol("established"), symbol("related")}}},
               accept()});
}

// mangle_PREROUTING, nat_PREROUTING, nat_POSTROUTING: jump <chain>_ZONES, with the policy
// dispatch chains around it.
void emit_zone_dispatch_base(Context& ctx, const std::string& table, const std::string& chain,
                             BaseHook hook) {
  std::string base = table + "_" + chain;
  ctx.out.add_chain(base, hook);
  for (const char* suffix : {"_POLICIES_pre", "_ZONES", "_POLICIES_post"}) {
    ctx.out.add_chain(base + suffix);
  }
  ctx.out.append(base, rule({jump(base + "_ZONES")}));  // jump mangle_PREROUTING_ZONES
}

// nat_OUTPUT has no zones: jump nat_OUTPUT_POLICIES_pre; jump nat_OUTPUT_POLICIES_post
void emit_nat_output(Context& ctx) {
  ctx.out.add_chain("nat_OUTPUT", BaseHook{"nat", "output", -100 + kHookOffset, "accept"});
  for (const char* suffix : {"_POLICIES_pre", "_POLICIES_post"}) {
    ctx.out.add_chain(std::string("nat_OUTPUT") + suffix);
    ctx.out.append("nat_OUTPUT", rule({jump(std::string("nat_OUTPUT") + suffix)}));
  }
}

// ct state invalid [meta pkttype host] log prefix "STATE_INVALID_DROP: "; ct state invalid drop
void emit_invalid_drop(Context& ctx, const std::string& chain) {
  Match invalid{{Ct{"state"}}, Op::Eq, symbol("invalid")};
  if (ctx.logging()) {
    std::vector<Statement> log_rule{invalid};
    for (auto& s : pkttype_match(ctx.log_denied())) log_rule.push_back(s);
    log_rule.push_back(log_prefix("STATE_INVALID_DROP: "));
    ctx.out.append(chain, rule(log_rule));
  }
  ctx.out.append(chain, rule({invalid, drop()}));
}

// [meta pkttype host log prefix "FINAL_REJECT: "]; reject with icmpx admin-prohibited
void emit_final_reject(Context& ctx, const std::string& chain) {
  if (ctx.logging()) {
    auto log_rule = pkttype_match(ctx.log_denied());
    log_rule.push_back(log_prefix("FINAL_REJECT: "));
    ctx.out.append(chain, rule(log_rule));
  }
  ctx.out.append(chain, rule({reject_admin()}));
}

// ct state { established, related } meta l4proto { tcp, udp } flow add @fastpath: an
// established TCP or UDP connection goes into the flowtable, whose fast path its next packets
// then take, past this chain (NftablesFlowtable, firewalld 2.0; first in filter_FORWARD).
Rule flow_offload() {
  return rule({Match{{Ct{"state"}}, Op::Eq, AnonSet{{symbol("established"), symbol("related")}}},
               meta_match("l4proto", AnonSet{{symbol("tcp"), symbol("udp")}}),
               FlowAdd{kFlowtableName}});
}

// ct state {established, related} accept; ct status dnat accept; iifname "lo" accept;
// ct state invalid drop; jump filter_<chain>_ZONES; reject with icmpx admin-prohibited
void emit_filter_in_or_forward(Context& ctx, const std::string& chain) {
  std::string base = "filter_" + chain;
  if (chain == "FORWARD" && ctx.flowtable()) ctx.out.append(base, flow_offload());
  ctx.out.append(base, established_accept());
  Match dnat{{Ct{"status"}}, Op::Has, symbol("dnat")};
  if (ctx.strict_forward_ports()) {
    // ct status dnat jump filter_<chain>_dnat: the forward ports accept their own DNAT there
    // (policy_elements.cpp), anything else DNAT'd is rejected.
    ctx.out.add_chain(base + "_dnat");
    ctx.out.append(base + "_dnat", rule({reject_admin()}));
    ctx.out.append(base, rule({dnat, jump(base + "_dnat")}));
  } else {
    ctx.out.append(base, rule({dnat, accept()}));
  }
  ctx.out.append(base, rule({meta_match("iifname", quoted("lo")), accept()}));
  emit_invalid_drop(ctx, base);
  for (const char* suffix : {"_POLICIES_pre", "_ZONES", "_POLICIES_post"}) {
    ctx.out.add_chain(base + suffix);
  }
  ctx.out.append(base, rule({jump(base + "_ZONES")}));
  emit_final_reject(ctx, base);
}

// ct state {established, related} accept; oifname "lo" accept; jump filter_OUTPUT_POLICIES_pre;
// jump filter_OUTPUT_POLICIES_post
void emit_filter_output(Context& ctx) {
  ctx.out.append("filter_OUTPUT", established_accept());
  ctx.out.append("filter_OUTPUT", rule({meta_match("oifname", quoted("lo")), accept()}));
  for (const char* suffix : {"_POLICIES_pre", "_POLICIES_post"}) {
    ctx.out.add_chain(std::string("filter_OUTPUT") + suffix);
    ctx.out.append("filter_OUTPUT", rule({jump(std::string("filter_OUTPUT") + suffix)}));
  }
}

bool forward_mode(model::RpFilter mode) {
  return mode == model::RpFilter::StrictForward || mode == model::RpFilter::LooseForward;
}

// icmpv6 type { nd-router-advert, nd-neighbor-solicit } accept
// meta nfproto ipv6 fib saddr . mark . iif oif missing [log prefix "rpfilter_DROP: "] drop
// IPv6_rpfilter's modes (firewalld 2.2): loose leaves out "iif" (any route back will do); the
// -forward modes check forwarded packets only, first in filter_FORWARD, without the ND rule.
void emit_rpfilter(Context& ctx, model::RpFilter mode) {
  bool loose = mode == model::RpFilter::Loose || mode == model::RpFilter::LooseForward;
  std::vector<std::string> flags{"saddr", "mark"};
  if (!loose) flags.push_back("iif");
  std::vector<Statement> check{
      meta_match("nfproto", symbol("ipv6")),
      Match{{Fib{flags, "oif"}}, Op::Eq, Value{ValueKind::Bool, "missing"}}};
  if (ctx.logging()) check.push_back(log_prefix("rpfilter_DROP: "));
  check.push_back(drop());
  if (forward_mode(mode)) return ctx.out.insert_front("filter_FORWARD", rule(check));
  ctx.out.insert_front("filter_PREROUTING", rule(check));
  ctx.out.insert_front(
      "filter_PREROUTING",
      rule({payload_match("icmpv6", "type",
                          AnonSet{{symbol("nd-router-advert"), symbol("nd-neighbor-solicit")}}),
            accept()}));
}

// ip6 daddr { ::/96, ... } [log prefix "RFC3964_IPv4_REJECT: "] reject with icmpv6
// addr-unreachable: 6to4 addresses that embed IPv4 addresses no one should route to.
// `forward_extra`: the rules of 2.x's features in front of filter_FORWARD's built-in ones.
void emit_rfc3964(Context& ctx, size_t forward_extra) {
  AnonSet prefixes;
  // Sorted by value, as nft prints them.
  for (const char* p :
       {"::/96", "::ffff:0.0.0.0/96", "2002::/24", "2002:a00::/24", "2002:7f00::/24",
        "2002:a9fe::/32", "2002:ac10::/28", "2002:c0a8::/32", "2002:e000::/19"}) {
    prefixes.elements.push_back(Value{ValueKind::Prefix, p});
  }
  std::vector<Statement> stmts{payload_match("ip6", "daddr", prefixes)};
  const auto& ld = ctx.log_denied();
  if (ld == "unicast" || ld == "all") stmts.push_back(log_prefix("RFC3964_IPv4_REJECT: "));
  stmts.push_back(Reject{"icmpv6", "addr-unreachable"});
  ctx.out.add_after("filter_OUTPUT", 1, rule(stmts));
  ctx.out.add_after("filter_FORWARD", (ctx.logging() ? 4 : 3) + forward_extra, rule(stmts));
}

// firewalld.conf booleans: firewalld treats "no" and "false" (any case) as off.
bool conf_off(std::string value) {
  for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return value == "no" || value == "false";
}

}  // namespace

void emit_skeleton(Context& ctx) {
  OriginScope origin(ctx.out, "firewalld's built-in rule", true);
  emit_zone_dispatch_base(ctx, "mangle", "PREROUTING",
                          BaseHook{"filter", "prerouting", -150 + kHookOffset, "accept"});
  emit_zone_dispatch_base(ctx, "nat", "PREROUTING",
                          BaseHook{"nat", "prerouting", -100 + kHookOffset, "accept"});
  emit_zone_dispatch_base(ctx, "nat", "POSTROUTING",
                          BaseHook{"nat", "postrouting", 100 + kHookOffset, "accept"});
  emit_nat_output(ctx);
  for (const char* hook : {"prerouting", "input", "forward", "output"}) {
    std::string name = hook;
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ctx.out.add_chain("filter_" + name, BaseHook{"filter", hook, kHookOffset, "accept"});
  }
  emit_filter_in_or_forward(ctx, "INPUT");
  emit_filter_in_or_forward(ctx, "FORWARD");
  emit_filter_output(ctx);
  // The configuration passed validation: an unknown value cannot reach here; Strict as in 1.3.3.
  auto rpfilter =
      model::rpfilter_mode(ctx.config.conf.ipv6_rpfilter).value_or(model::RpFilter::Strict);
  if (rpfilter != model::RpFilter::No) emit_rpfilter(ctx, rpfilter);
  // firewalld 2.x counts the rules it put before this one in filter_FORWARD.
  size_t forward_extra = (forward_mode(rpfilter) ? 1 : 0) + (ctx.flowtable() ? 1 : 0);
  if (!conf_off(ctx.config.conf.rfc3964_ipv4)) emit_rfc3964(ctx, forward_extra);
}

}  // namespace fwctl::compiler
