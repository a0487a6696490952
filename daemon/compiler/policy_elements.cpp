#include "compiler/policy_elements.hpp"

#include "compiler/address.hpp"
#include "compiler/fragments.hpp"
#include "compiler/policy_chains.hpp"
#include "compiler/rich_output.hpp"

namespace fwctl::compiler {
namespace {

// A plain element accepts in _allow; a rich one gets the rich rule's log/audit/action rules.
void finish_filter_element(Context& ctx, const PolicySpec& spec, std::vector<Statement> exprs,
                           const model::RichRule* rich) {
  if (rich) {
    emit_rich_outputs(ctx, spec, *rich, "filter", exprs);
    return;
  }
  exprs.push_back(accept());
  ctx.out.append(policy_chain(spec, "filter") + "_allow", Rule{std::move(exprs)});
}

}  // namespace

// [rich head] tcp dport 22 accept
void emit_port(Context& ctx, const PolicySpec& spec, const std::string& proto,
               const std::string& port, const std::string& destination,
               const model::RichRule* rich) {
  auto exprs = rich_head(ctx, rich, destination);
  exprs.push_back(payload_match(proto, "dport", port_value(port)));
  finish_filter_element(ctx, spec, std::move(exprs), rich);
}

// [rich head] meta l4proto gre accept
void emit_protocol(Context& ctx, const PolicySpec& spec, const std::string& proto,
                   const std::string& destination, const model::RichRule* rich) {
  auto exprs = rich_head(ctx, rich, destination);
  exprs.push_back(meta_match("l4proto", symbol(proto)));
  finish_filter_element(ctx, spec, std::move(exprs), rich);
}

// [rich head] udp sport 5000 accept
void emit_source_port(Context& ctx, const PolicySpec& spec, const std::string& proto,
                      const std::string& port, const std::string& destination,
                      const model::RichRule* rich) {
  auto exprs = rich_head(ctx, rich, destination);
  exprs.push_back(payload_match(proto, "sport", port_value(port)));
  finish_filter_element(ctx, spec, std::move(exprs), rich);
}

// [meta nfproto ipv4 | rich head] oifname != "lo" masquerade   (nat_POST_<zone>_allow)
void emit_masquerade(Context& ctx, const PolicySpec& spec, const model::RichRule* rich) {
  std::vector<Statement> exprs =
      rich ? rich_head(ctx, rich, {})
           : std::vector<Statement>{meta_match("nfproto", symbol("ipv4"))};
  exprs.push_back(meta_match("oifname", quoted("lo"), Op::Neq));
  exprs.push_back(Masquerade{});
  std::string suffix = rich ? rich_action_suffix(*rich) : "allow";
  add_rich_placed(ctx, policy_chain(spec, "nat", true) + "_" + suffix, std::move(exprs), rich);
}

// meta nfproto ipv4 tcp dport 443 dnat ip to 10.0.0.2:8443   (nat_PRE_<zone>_allow)
// meta nfproto ipv4 tcp dport 80 redirect to :8080
void emit_forward_port(Context& ctx, const PolicySpec& spec, const model::ForwardPort& fwd,
                       const model::RichRule* rich) {
  bool v6 = is_ipv6_address(fwd.to_addr);
  std::vector<Statement> exprs =
      rich ? rich_head(ctx, rich, {})
           : std::vector<Statement>{meta_match("nfproto", symbol(v6 ? "ipv6" : "ipv4"))};
  exprs.push_back(payload_match(fwd.protocol, "dport", port_value(fwd.port)));
  std::string to_port = fwd.to_port.empty() ? "" : port_value(fwd.to_port).text;
  if (!fwd.to_addr.empty()) {
    exprs.push_back(Dnat{v6 ? "ip6" : "ip", canonical_address(fwd.to_addr), to_port});
  } else {
    exprs.push_back(Redirect{to_port});
  }
  std::string suffix = rich ? rich_action_suffix(*rich) : "allow";
  add_rich_placed(ctx, policy_chain(spec, "nat") + "_" + suffix, std::move(exprs), rich);
  // StrictForwardPorts: ct original proto-dst 443 accept, first in filter_FORWARD_dnat (with an
  // address) or filter_INPUT_dnat (a redirect). The host's own traffic (ingress HOST) passes
  // filter_OUTPUT, which in 1.3.3's layout has no DNAT rule to make strict.
  if (ctx.strict_forward_ports() && !spec.ingress_has("HOST")) {
    std::string chain = fwd.to_addr.empty() ? "filter_INPUT_dnat" : "filter_FORWARD_dnat";
    ctx.out.insert_front(
        chain,
        Rule{{Match{{Ct{"proto-dst", "original"}}, Op::Eq, port_value(fwd.port)}, accept()}});
  }
}

// tcp flags syn tcp option maxseg size set rt mtu   (filter_FWD_<zone>_allow)
void emit_tcp_mss_clamp(Context& ctx, const PolicySpec& spec, const std::string& value,
                        const model::RichRule* rich) {
  std::vector<Statement> exprs;
  if (rich) {
    // firewalld adds destination and source here, but not the family.
    auto head = rich_head(ctx, rich, {});
    if (!rich->family.empty() && !head.empty()) head.erase(head.begin());
    exprs = head;
  }
  exprs.push_back(payload_match("tcp", "flags", symbol("syn"), Op::Has));
  exprs.push_back(TcpMssSet{value == "pmtu" ? "" : value});
  std::string suffix = rich ? rich_action_suffix(*rich) : "allow";
  ctx.out.append(policy_chain(spec, "filter") + "_" + suffix, Rule{std::move(exprs)});
}

}  // namespace fwctl::compiler
