// Statements other than matches: verdicts, reject, log, limit, NAT, marks, helpers, counters.

// netinet/in.h first: the linux/ headers then leave its definitions alone.
#include <netinet/in.h>
// clang-format off
#include <linux/netfilter.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/nf_tables.h>
// clang-format on

#include "nft/exprs.hpp"
#include "nft/rule_context.hpp"

namespace fwctl::nft::detail {
namespace {

using compiler::Value;
using compiler::ValueKind;

// Register slots: NFT_REG_1, NFT_REG_2, NFT_REG_3 as nft uses them for NAT.
constexpr uint32_t kReg1 = 0, kReg2 = 4, kReg3 = 8;

Unexpected cannot(const compiler::Statement& s) {
  return fail(Code::COMMAND_FAILED, "cannot encode '" + compiler::to_text(s) + "'");
}

Result<Bytes> port_bytes(const std::string& port) {
  return encode_value(*datatype_by_name("inet_service"), {ValueKind::Integer, port});
}

// accept | drop | return | jump CHAIN | goto CHAIN
void verdict(nftnl_rule* rule, const compiler::Verdict& v) {
  switch (v.kind) {
    case compiler::VerdictKind::Accept:
      return expr::verdict(rule, NF_ACCEPT);
    case compiler::VerdictKind::Drop:
      return expr::verdict(rule, NF_DROP);
    case compiler::VerdictKind::Return:
      return expr::verdict(rule, NFT_RETURN);
    case compiler::VerdictKind::Jump:
      return expr::verdict(rule, NFT_JUMP, v.target);
    case compiler::VerdictKind::Goto:
      return expr::verdict(rule, NFT_GOTO, v.target);
  }
}

// log [prefix "P"] [group G] [queue-threshold Q] [level L]
Status log(nftnl_rule* rule, const compiler::Log& l) {
  auto e = expr::make("log");
  if (!l.prefix.empty()) nftnl_expr_set_str(e.get(), NFTNL_EXPR_LOG_PREFIX, l.prefix.c_str());
  if (l.group) nftnl_expr_set_u16(e.get(), NFTNL_EXPR_LOG_GROUP, static_cast<uint16_t>(*l.group));
  if (l.queue_threshold) {
    nftnl_expr_set_u16(e.get(), NFTNL_EXPR_LOG_QTHRESHOLD,
                       static_cast<uint16_t>(*l.queue_threshold));
  }
  // warn is the kernel's default: nft leaves it out, and so does the IR's printer.
  if (!l.level.empty() && l.level != "warn") {
    auto level = log_level(l.level);
    if (!level) return cannot(l);
    nftnl_expr_set_u32(e.get(), NFTNL_EXPR_LOG_LEVEL, *level);
  }
  expr::append(rule, std::move(e));
  return ok();
}

// limit rate R/UNIT (burst 5 packets, nft's default)
Status limit(nftnl_rule* rule, const compiler::Limit& l) {
  uint64_t unit = l.unit == "second"   ? 1
                  : l.unit == "minute" ? 60
                  : l.unit == "hour"   ? 3600
                  : l.unit == "day"    ? 86400
                                       : 0;
  if (!unit) return cannot(l);
  auto e = expr::make("limit");
  nftnl_expr_set_u64(e.get(), NFTNL_EXPR_LIMIT_RATE, l.rate);
  nftnl_expr_set_u64(e.get(), NFTNL_EXPR_LIMIT_UNIT, unit);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_LIMIT_BURST, l.burst);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_LIMIT_TYPE, NFT_LIMIT_PKTS);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_LIMIT_FLAGS, 0);
  expr::append(rule, std::move(e));
  return ok();
}

// dnat ip to ADDR[:PORT[-PORT]]: immediates into reg 1 (address) and reg 2/3 (ports)
Status dnat(nftnl_rule* rule, const compiler::Dnat& d) {
  bool v6 = d.family == "ip6";
  auto addr =
      encode_value(*datatype_by_name(v6 ? "ipv6_addr" : "ipv4_addr"), {ValueKind::Address, d.addr});
  if (!addr) return cannot(d);
  expr::immediate(rule, kReg1, *addr);
  auto e = expr::make("nat");
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_NAT_TYPE, NFT_NAT_DNAT);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_NAT_FAMILY, v6 ? NFPROTO_IPV6 : NFPROTO_IPV4);
  expr::put_reg(e.get(), NFTNL_EXPR_NAT_REG_ADDR_MIN, kReg1);
  if (!d.port.empty()) {
    auto iv = encode_interval(
        *datatype_by_name("inet_service"),
        {d.port.find('-') != std::string::npos ? ValueKind::Range : ValueKind::Integer, d.port});
    if (!iv) return cannot(d);
    expr::immediate(rule, kReg2, iv->low);
    expr::put_reg(e.get(), NFTNL_EXPR_NAT_REG_PROTO_MIN, kReg2);
    if (iv->high != iv->low) {
      expr::immediate(rule, kReg3, iv->high);
      expr::put_reg(e.get(), NFTNL_EXPR_NAT_REG_PROTO_MAX, kReg3);
    }
    nftnl_expr_set_u32(e.get(), NFTNL_EXPR_NAT_FLAGS, NF_NAT_RANGE_PROTO_SPECIFIED);
  }
  expr::append(rule, std::move(e));
  return ok();
}

// redirect to :PORT
Status redirect(nftnl_rule* rule, const compiler::Redirect& r) {
  auto port = port_bytes(r.port);
  if (!port) return cannot(r);
  expr::immediate(rule, kReg1, *port);
  auto e = expr::make("redir");
  expr::put_reg(e.get(), NFTNL_EXPR_REDIR_REG_PROTO_MIN, kReg1);
  nftnl_expr_set_u32(e.get(), NFTNL_EXPR_REDIR_FLAGS, NF_NAT_RANGE_PROTO_SPECIFIED);
  expr::append(rule, std::move(e));
  return ok();
}

// meta mark set V | meta mark set meta mark & MASK ^ V
Status mark_set(nftnl_rule* rule, const compiler::MarkSet& m) {
  const Datatype mark = *datatype_by_name("mark");
  auto value = encode_value(mark, {ValueKind::Hex, m.value});
  if (!value) return cannot(m);
  if (m.mask.empty()) {
    expr::immediate(rule, kReg1, *value);
  } else {
    auto mask = encode_value(mark, {ValueKind::Hex, m.mask});
    if (!mask) return cannot(m);
    expr::meta_load(rule, NFT_META_MARK, kReg1);
    expr::bitwise(rule, kReg1, *mask, *value);
  }
  expr::meta_set(rule, NFT_META_MARK, kReg1);
  return ok();
}

// meta nftrace set 1
void nftrace_set(nftnl_rule* rule) {
  expr::immediate(rule, kReg1, std::vector<uint8_t>{1});
  expr::meta_set(rule, NFT_META_NFTRACE, kReg1);
}

// tcp option maxseg size set rt mtu | set N (the MSS option is kind 2, its size at offset 2)
Status tcp_mss(nftnl_rule* rule, const compiler::TcpMssSet& t) {
  if (t.value.empty()) {
    expr::rt_load(rule, NFT_RT_TCPMSS, kReg1);
    expr::hton(rule, kReg1, 2, 2);
  } else {
    auto size = port_bytes(t.value);
    if (!size) return cannot(t);
    expr::immediate(rule, kReg1, *size);
  }
  expr::tcpopt_write(rule, 2, 2, 2, kReg1);
  return ok();
}

}  // namespace

// reject [with icmpx|icmp|icmpv6 CODE | with tcp reset]
static Status reject(RuleBuilder& b, nftnl_rule* rule, const compiler::Reject& r) {
  auto e = expr::make("reject");
  if (r.type == "tcp reset") {
    b.ensure({std::nullopt, IPPROTO_TCP, false});
    nftnl_expr_set_u32(e.get(), NFTNL_EXPR_REJECT_TYPE, NFT_REJECT_TCP_RST);
  } else {
    std::string type = r.type.empty() ? "icmpx" : r.type;
    auto code = icmp_code(type, r.code.empty() ? "port-unreachable" : r.code);
    if (!code) return cannot(r);
    if (type == "icmp") b.ensure({NFPROTO_IPV4, std::nullopt, false});
    if (type == "icmpv6") b.ensure({NFPROTO_IPV6, std::nullopt, false});
    nftnl_expr_set_u32(e.get(), NFTNL_EXPR_REJECT_TYPE,
                       type == "icmpx" ? NFT_REJECT_ICMPX_UNREACH : NFT_REJECT_ICMP_UNREACH);
    nftnl_expr_set_u8(e.get(), NFTNL_EXPR_REJECT_CODE, *code);
  }
  expr::append(rule, std::move(e));
  return ok();
}

Status RuleBuilder::statement(const compiler::Statement& s) {
  using namespace compiler;
  if (const auto* v = std::get_if<Verdict>(&s)) return verdict(rule_, *v), ok();
  if (const auto* r = std::get_if<Reject>(&s)) return reject(*this, rule_, *r);
  if (const auto* l = std::get_if<Log>(&s)) return log(rule_, *l);
  if (const auto* l = std::get_if<Limit>(&s)) return limit(rule_, *l);
  if (std::holds_alternative<Masquerade>(s)) return expr::append(rule_, expr::make("masq")), ok();
  if (const auto* d = std::get_if<Dnat>(&s)) return dnat(rule_, *d);
  if (const auto* r = std::get_if<Redirect>(&s)) return redirect(rule_, *r);
  if (const auto* c = std::get_if<CtHelperSet>(&s)) {
    return expr::objref(rule_, NFT_OBJECT_CT_HELPER, c->name), ok();
  }
  if (const auto* m = std::get_if<MarkSet>(&s)) return mark_set(rule_, *m);
  if (const auto* t = std::get_if<TcpMssSet>(&s)) return tcp_mss(rule_, *t);
  if (std::holds_alternative<Counter>(s)) return expr::counter(rule_), ok();
  if (const auto* f = std::get_if<FlowAdd>(&s)) {
    return expr::flow_offload(rule_, f->flowtable), ok();
  }
  if (std::holds_alternative<NftraceSet>(s)) return nftrace_set(rule_), ok();
  return match(std::get<Match>(s));
}

}  // namespace fwctl::nft::detail

namespace fwctl::nft {

Result<EncodedRule> encode_rule(uint16_t family, const std::string& table, const std::string& chain,
                                const compiler::Rule& rule, const RuleEnv& env) {
  EncodedRule out{RulePtr(nftnl_rule_alloc()), {}};
  if (!out.rule) std::abort();
  nftnl_rule_set_u32(out.rule.get(), NFTNL_RULE_FAMILY, family);
  nftnl_rule_set_str(out.rule.get(), NFTNL_RULE_TABLE, table.c_str());
  nftnl_rule_set_str(out.rule.get(), NFTNL_RULE_CHAIN, chain.c_str());
  detail::RuleBuilder builder(out.rule.get(), env, out.sets);
  for (const auto& stmt : rule.stmts) {
    auto status = builder.statement(stmt);
    if (!status) return status;
  }
  return out;
}

}  // namespace fwctl::nft
