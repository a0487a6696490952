// Matches: load the selector(s), then compare, test flags or look up a set.

#include <linux/netfilter/nf_tables.h>

#include <algorithm>

#include "nft/exprs.hpp"
#include "nft/rule_context.hpp"
#include "nft/symbols.hpp"

namespace fwctl::nft::detail {
namespace {

using compiler::Op;
using compiler::Value;
using compiler::ValueKind;

constexpr uint32_t kReg = 0;  // the first register (NFT_REG_1)

uint32_t cmp_op(Op op) { return op == Op::Neq ? NFT_CMP_NEQ : NFT_CMP_EQ; }

Unexpected unsupported(const compiler::Match& m, const char* why) {
  return fail(Code::COMMAND_FAILED,
              "cannot encode '" + compiler::to_text(compiler::Statement{m}) + "': " + why);
}

// Host-order integers of two bytes or more are turned to network order before a range
// comparison or an interval lookup (nft's byteorder_conversion).
bool needs_hton(const SelectorSpec& spec, bool concat) {
  return spec.order == ByteOrder::Host && !spec.type.text && (concat || spec.len >= 2);
}

Datatype big_endian(Datatype type) {
  if (!type.text) type.order = ByteOrder::Big;
  return type;
}

}  // namespace

uint32_t byteorder_size(uint32_t len) {
  if (len * 8 % 64 == 0) return 8;
  if (len * 8 % 32 == 0) return 4;
  return 2;
}

// meta nfproto ipv4 / meta l4proto tcp / meta iiftype ether
void RuleBuilder::ensure(const Dependency& needs) {
  if (needs.nfproto && nfproto_ != needs.nfproto) {
    expr::meta_load(rule_, NFT_META_NFPROTO, kReg);
    expr::cmp(rule_, NFT_CMP_EQ, kReg, {*needs.nfproto});
    nfproto_ = needs.nfproto;
  }
  if (needs.l4proto && l4proto_ != needs.l4proto) {
    expr::meta_load(rule_, NFT_META_L4PROTO, kReg);
    expr::cmp(rule_, NFT_CMP_EQ, kReg, {*needs.l4proto});
    l4proto_ = needs.l4proto;
  }
  if (needs.ether && !ether_) {
    expr::meta_load(rule_, NFT_META_IIFTYPE, kReg);
    expr::cmp(rule_, NFT_CMP_EQ, kReg,
              encode_value(*datatype_by_name("iface_type"), {ValueKind::Symbol, "ether"}).value());
    ether_ = true;
  }
}

// An explicit `meta nfproto ipv4` or `meta l4proto tcp` makes later dependencies redundant.
void RuleBuilder::remember(const compiler::Match& m) {
  const auto* meta = m.left.size() == 1 ? std::get_if<compiler::Meta>(&m.left[0]) : nullptr;
  const auto* value = std::get_if<Value>(&m.right);
  if (!meta || !value || m.op != Op::Eq) return;
  if (meta->key == "nfproto") {
    if (auto n = symbol_value(Symbols::NfProto, value->text)) nfproto_ = static_cast<uint8_t>(*n);
  } else if (meta->key == "l4proto") {
    if (auto n = symbol_value(Symbols::InetProto, value->text)) l4proto_ = static_cast<uint8_t>(*n);
  }
}

Status RuleBuilder::match(const compiler::Match& m) {
  const auto* value = std::get_if<Value>(&m.right);
  bool boolean = value && value->kind == ValueKind::Bool;
  std::vector<SelectorSpec> specs;
  for (const auto& selector : m.left) {
    auto spec = selector_spec(selector, boolean);
    if (!spec) return spec;
    specs.push_back(*spec);
  }
  if (specs.empty()) return unsupported(m, "no selector");
  for (const auto& spec : specs) ensure(spec.needs);
  auto status = specs.size() == 1 ? single(m, specs[0]) : concat(m, specs);
  if (status) remember(m);
  return status;
}

Status RuleBuilder::single(const compiler::Match& m, const SelectorSpec& spec) {
  if (const auto* v = std::get_if<Value>(&m.right)) {
    if (v->kind == ValueKind::Prefix) return prefix_match(spec, m.op, *v);
    if (v->kind == ValueKind::Range) return range_match(spec, m.op, *v);
    return value_match(spec, m.op, *v);
  }
  if (const auto* set = std::get_if<compiler::AnonSet>(&m.right)) {
    return anon_set_match(spec, m.op, *set);
  }
  const auto& ref = std::get<compiler::SetRef>(m.right);
  load(rule_, spec, kReg);
  if (env_.interval_set && env_.interval_set(ref.name) && needs_hton(spec, false)) {
    expr::hton(rule_, kReg, byteorder_size(spec.len), spec.len);
  }
  expr::lookup(rule_, kReg, ref.name, 0, m.op == Op::Neq);
  return ok();
}

// ct state invalid -> [ bitwise & 0x1 ^ 0 ] [ cmp neq 0 ]; tcp dport 22 -> [ cmp eq 0x1600 ]
Status RuleBuilder::value_match(const SelectorSpec& spec, Op op, const Value& v) {
  auto bytes = encode_value(spec.type, v);
  if (!bytes) return bytes;
  load(rule_, spec, kReg);
  if (op == Op::Has || (op == Op::Eq && spec.type.bitmask)) {
    Bytes zero(bytes->size(), 0);
    expr::bitwise(rule_, kReg, *bytes, zero);
    expr::cmp(rule_, NFT_CMP_NEQ, kReg, zero);
    return ok();
  }
  expr::cmp(rule_, cmp_op(op), kReg, *bytes);
  return ok();
}

// ip saddr 10.1.0.0/16 -> [ payload load 2b ... ] [ cmp eq 0x010a ]; /28 -> bitwise mask
Status RuleBuilder::prefix_match(const SelectorSpec& spec, Op op, const Value& v) {
  auto prefix = encode_prefix(spec.type, v);
  if (!prefix) return prefix;
  uint32_t whole = prefix->bits / 8;
  if (prefix->bits % 8 == 0 && whole > 0 && spec.kind == SelectorSpec::Kind::Payload) {
    load(rule_, spec, kReg, whole);
    expr::cmp(rule_, cmp_op(op), kReg,
              Bytes(prefix->address.begin(), prefix->address.begin() + whole));
    return ok();
  }
  auto iv = encode_interval(spec.type, v);
  if (!iv) return iv;
  Bytes mask(spec.len, 0);
  for (unsigned bit = 0; bit < prefix->bits; ++bit)
    mask[bit / 8] |= static_cast<uint8_t>(0x80u >> (bit % 8));
  load(rule_, spec, kReg);
  expr::bitwise(rule_, kReg, mask, Bytes(spec.len, 0));
  expr::cmp(rule_, cmp_op(op), kReg, iv->low);
  return ok();
}

// tcp dport 8080-8090 -> [ cmp gte ] [ cmp lte ]; != -> [ range neq ]
Status RuleBuilder::range_match(const SelectorSpec& spec, Op op, const Value& v) {
  bool convert = needs_hton(spec, false);
  auto iv = encode_interval(convert ? big_endian(spec.type) : spec.type, v);
  if (!iv) return iv;
  load(rule_, spec, kReg);
  if (convert) expr::hton(rule_, kReg, byteorder_size(spec.len), spec.len);
  if (op == Op::Neq) {
    expr::range(rule_, NFT_RANGE_NEQ, kReg, iv->low, iv->high);
    return ok();
  }
  expr::cmp(rule_, NFT_CMP_GTE, kReg, iv->low);
  expr::cmp(rule_, NFT_CMP_LTE, kReg, iv->high);
  return ok();
}

// meta l4proto { icmp, ipv6-icmp } -> anonymous set __set%d, [ lookup reg 1 set __set%d ]
Status RuleBuilder::anon_set_match(const SelectorSpec& spec, Op op, const compiler::AnonSet& set) {
  bool interval = std::any_of(set.elements.begin(), set.elements.end(), [](const Value& v) {
    return v.kind == ValueKind::Prefix || v.kind == ValueKind::Range;
  });
  bool convert = interval && needs_hton(spec, false);
  AnonymousSet anon;
  anon.spec.name = "__set%d";
  anon.spec.id = (*env_.next_set_id)++;
  anon.spec.flags = NFT_SET_ANONYMOUS | NFT_SET_CONSTANT | (interval ? NFT_SET_INTERVAL : 0);
  anon.spec.key.fields = {convert ? big_endian(spec.type) : spec.type};
  anon.spec.key.order = convert ? ByteOrder::Big : spec.order;
  std::vector<std::vector<Value>> elements;
  for (const auto& v : set.elements) elements.push_back({v});
  auto encoded = encode_elements(anon.spec.key, interval, elements);
  if (!encoded) return encoded;
  anon.elements = std::move(*encoded);
  anon.spec.size = static_cast<uint32_t>(anon.elements.size());
  load(rule_, spec, kReg);
  if (convert) expr::hton(rule_, kReg, byteorder_size(spec.len), spec.len);
  expr::lookup(rule_, kReg, anon.spec.name, anon.spec.id, op == Op::Neq);
  sets_.push_back(std::move(anon));
  return ok();
}

// ip saddr . meta l4proto . th dport @name: each field in the next free 32-bit registers.
Status RuleBuilder::concat(const compiler::Match& m, const std::vector<SelectorSpec>& specs) {
  const auto* ref = std::get_if<compiler::SetRef>(&m.right);
  if (!ref) return unsupported(m, "a concatenation needs a named set");
  bool interval = env_.interval_set && env_.interval_set(ref->name);
  uint32_t reg = kReg;
  for (const auto& spec : specs) {
    load(rule_, spec, reg);
    if (interval && needs_hton(spec, true)) {
      expr::hton(rule_, reg, byteorder_size(spec.len), spec.len);
    }
    reg += (spec.len + 3) / 4;
  }
  expr::lookup(rule_, kReg, ref->name, 0, m.op == Op::Neq);
  return ok();
}

}  // namespace fwctl::nft::detail
