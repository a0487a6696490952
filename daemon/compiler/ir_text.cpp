// Rule-level printing: values, selectors and statements as nft 1.0.6 prints them.

#include <string>
#include <variant>

#include "compiler/ir.hpp"

namespace fwctl::compiler {
namespace {

// nft prints iif/oif/iifname/oifname without the "meta" keyword (meta_key_is_unqualified).
bool meta_is_unqualified(const std::string& key) {
  return key == "iif" || key == "oif" || key == "iifname" || key == "oifname";
}

std::string join_selectors(const std::vector<Selector>& selectors) {
  std::string out;
  for (const auto& s : selectors) {
    if (!out.empty()) out += " . ";
    out += to_text(s);
  }
  return out;
}

std::string rhs_text(const Rhs& rhs) {
  if (const auto* v = std::get_if<Value>(&rhs)) return to_text(*v);
  if (const auto* r = std::get_if<SetRef>(&rhs)) return "@" + r->name;
  std::string out = "{ ";
  const auto& elements = std::get<AnonSet>(rhs).elements;
  for (size_t i = 0; i < elements.size(); ++i) {
    out += (i ? ", " : "") + to_text(elements[i]);
  }
  return out + " }";
}

std::string match_text(const Match& m) {
  std::string out = join_selectors(m.left);
  // `fib ... oif missing`: the boolean reads as part of the expression, no operator.
  out += m.op == Op::Neq ? " != " : " ";
  return out + rhs_text(m.right);
}

std::string verdict_text(const Verdict& v) {
  switch (v.kind) {
    case VerdictKind::Accept:
      return "accept";
    case VerdictKind::Drop:
      return "drop";
    case VerdictKind::Return:
      return "return";
    case VerdictKind::Jump:
      return "jump " + v.target;
    case VerdictKind::Goto:
      return "goto " + v.target;
  }
  return {};
}

std::string reject_text(const Reject& r) {
  // In the inet family nft prints icmpx port-unreachable, the kernel's default, as bare "reject".
  if (r.type.empty() || (r.type == "icmpx" && r.code == "port-unreachable")) return "reject";
  if (r.type == "tcp reset") return "reject with tcp reset";
  return "reject with " + r.type + " " + r.code;
}

std::string log_text(const Log& l) {
  std::string out = "log";
  if (!l.prefix.empty()) out += " prefix \"" + l.prefix + "\"";
  if (l.group) out += " group " + std::to_string(*l.group);
  if (l.queue_threshold) out += " queue-threshold " + std::to_string(*l.queue_threshold);
  // warn is the kernel default and nft leaves it out.
  if (!l.level.empty() && l.level != "warn") out += " level " + l.level;
  return out;
}

std::string dnat_text(const Dnat& d) {
  std::string out = "dnat " + d.family + " to ";
  // IPv6 addresses need brackets when a port follows.
  bool bracket = d.family == "ip6" && !d.port.empty();
  out += bracket ? "[" + d.addr + "]" : d.addr;
  if (!d.port.empty()) out += ":" + d.port;
  return out;
}

std::string mark_text(const MarkSet& m) {
  if (m.mask.empty()) return "meta mark set " + m.value;
  return "meta mark set meta mark & " + m.mask + " ^ " + m.value;
}

struct StatementPrinter {
  std::string operator()(const Match& m) const { return match_text(m); }
  std::string operator()(const Verdict& v) const { return verdict_text(v); }
  std::string operator()(const Reject& r) const { return reject_text(r); }
  std::string operator()(const Limit& l) const {
    std::string text = "limit rate " + std::to_string(l.rate) + "/" + l.unit;
    if (l.burst != Limit::kDefaultBurst) text += " burst " + std::to_string(l.burst) + " packets";
    return text;
  }
  std::string operator()(const Log& l) const { return log_text(l); }
  std::string operator()(const Masquerade&) const { return "masquerade"; }
  std::string operator()(const Dnat& d) const { return dnat_text(d); }
  std::string operator()(const Redirect& r) const { return "redirect to :" + r.port; }
  std::string operator()(const CtHelperSet& c) const { return "ct helper set \"" + c.name + "\""; }
  std::string operator()(const MarkSet& m) const { return mark_text(m); }
  std::string operator()(const TcpMssSet& t) const {
    return "tcp option maxseg size set " + (t.value.empty() ? std::string("rt mtu") : t.value);
  }
  std::string operator()(const Counter&) const { return "counter packets 0 bytes 0"; }
  std::string operator()(const FlowAdd& f) const { return "flow add @" + f.flowtable; }
  std::string operator()(const NftraceSet&) const { return "meta nftrace set 1"; }
};

struct SelectorPrinter {
  std::string operator()(const Meta& m) const {
    return meta_is_unqualified(m.key) ? m.key : "meta " + m.key;
  }
  std::string operator()(const Payload& p) const { return p.protocol + " " + p.field; }
  std::string operator()(const Ct& c) const {
    return "ct " + (c.dir.empty() ? "" : c.dir + " ") + c.key;
  }
  std::string operator()(const Fib& f) const {
    std::string out = "fib ";
    for (size_t i = 0; i < f.flags.size(); ++i) out += (i ? " . " : "") + f.flags[i];
    return out + " " + f.result;
  }
};

}  // namespace

std::string to_text(const Value& value) {
  if (value.kind == ValueKind::String) return "\"" + value.text + "\"";
  return value.text;
}

std::string to_text(const Selector& selector) { return std::visit(SelectorPrinter{}, selector); }

std::string to_text(const Statement& stmt) { return std::visit(StatementPrinter{}, stmt); }

std::string to_text(const Rule& rule) {
  std::string out;
  for (const auto& s : rule.stmts) {
    if (!out.empty()) out += " ";
    out += to_text(s);
  }
  return out;
}

}  // namespace fwctl::compiler
