#include "compiler/why_match.hpp"

#include <arpa/inet.h>

#include <array>
#include <cstring>
#include <map>
#include <optional>

namespace fwctl::compiler {
namespace why_detail {

using Bytes = std::array<unsigned char, 16>;

// An address as bytes, with its length (4 or 16); nullopt when it is not one.
std::optional<std::pair<Bytes, int>> parse_addr(const std::string& text) {
  Bytes b{};
  if (inet_pton(AF_INET, text.c_str(), b.data()) == 1) return std::pair{b, 4};
  if (inet_pton(AF_INET6, text.c_str(), b.data()) == 1) return std::pair{b, 16};
  return std::nullopt;
}

bool prefix_equal(const Bytes& a, const Bytes& b, int bits) {
  for (int i = 0; i < bits; ++i) {
    int bit = 7 - i % 8;
    if (((a[i / 8] >> bit) & 1) != ((b[i / 8] >> bit) & 1)) return false;
  }
  return true;
}

// What a selector yields for the packet.
struct Field {
  enum Kind { Address, Number, Name, Ifname, Flags, Absent, NotGiven, Unknown } kind = Unknown;
  std::string text;  // Address, Name, Ifname; for NotGiven/Unknown what is missing
  long number = 0;
};

Field absent() { return {Field::Absent, {}, 0}; }
Field not_given(std::string what) { return {Field::NotGiven, std::move(what), 0}; }
Field unknown(std::string what) { return {Field::Unknown, std::move(what), 0}; }
Field name(std::string text) { return {Field::Name, std::move(text), 0}; }
Field number(long n) { return {Field::Number, {}, n}; }

long proto_number(const std::string& p) {
  static const std::map<std::string, long> kNumbers = {
      {"icmp", 1},   {"tcp", 6},   {"udp", 17}, {"ipv6-icmp", 58}, {"icmpv6", 58},
      {"sctp", 132}, {"dccp", 33}, {"gre", 47}, {"esp", 50},       {"ah", 51}};
  auto it = kNumbers.find(p);
  return it == kNumbers.end() ? -1 : it->second;
}

Field meta_field(const Meta& m, const WhyContext& c) {
  const Packet& p = c.packet;
  if (m.key == "nfproto") return name(p.family);
  if (m.key == "l4proto") return number(proto_number(p.protocol));
  if (m.key == "mark") return name(c.mark);
  if (m.key == "pkttype") return name("host");  // a unicast packet to the named address
  bool in = m.key == "iifname", out = m.key == "oifname";
  if (!in && !out) return unknown("meta " + m.key);
  // The kernel has no input interface in output and postrouting, no output interface before
  // routing: the expression breaks and the rule does not match, whatever its operator.
  if (in && (c.hook == "output" || c.hook == "postrouting")) return absent();
  if (out && (c.hook == "prerouting" || c.hook == "input")) return absent();
  const std::string& ifname = in ? p.iif : p.oif;
  if (ifname.empty())
    return not_given(in ? "the input interface (in IF)" : "the output interface (out IF)");
  return {Field::Ifname, ifname, 0};
}

Field payload_field(const Payload& pl, const WhyContext& c) {
  const Packet& p = c.packet;
  if (pl.protocol == "ip" || pl.protocol == "ip6") {
    // nft adds `meta nfproto` before an ip/ip6 payload: the other family does not match.
    if ((pl.protocol == "ip") != (p.family == "ipv4")) return absent();
    if (pl.field != "saddr" && pl.field != "daddr") return unknown(pl.protocol + " " + pl.field);
    const std::string& a = pl.field == "saddr" ? p.saddr : p.daddr;
    if (a.empty())
      return not_given(pl.field == "saddr" ? "the source address" : "the destination address");
    return {Field::Address, a, 0};
  }
  if (pl.protocol == "icmp" || pl.protocol == "icmpv6") {
    if (p.protocol != pl.protocol) return absent();
    if (pl.field == "code") return number(p.icmp_code);
    if (pl.field != "type") return unknown(pl.protocol + " " + pl.field);
    if (p.icmp_type.empty()) return not_given("the ICMP type");
    return name(p.icmp_type);
  }
  bool l4 = pl.protocol == "th" ? (p.protocol == "tcp" || p.protocol == "udp")
                                : pl.protocol == p.protocol;
  if (pl.protocol != "th" && pl.protocol != "tcp" && pl.protocol != "udp" &&
      pl.protocol != "sctp" && pl.protocol != "dccp")
    return unknown(pl.protocol + " " + pl.field);
  if (!l4) return absent();
  if (pl.field == "flags") return {Field::Flags, "syn", 0};  // the first packet of a connection
  if (pl.field != "sport" && pl.field != "dport") return unknown(pl.protocol + " " + pl.field);
  int port = pl.field == "sport" ? p.sport : p.dport;
  if (port < 0) return not_given(pl.field == "sport" ? "the source port" : "the destination port");
  return number(port);
}

Field selector_field(const Selector& s, const WhyContext& c) {
  if (const auto* m = std::get_if<Meta>(&s)) return meta_field(*m, c);
  if (const auto* pl = std::get_if<Payload>(&s)) return payload_field(*pl, c);
  if (const auto* ct = std::get_if<Ct>(&s)) {
    if (ct->key == "state") return name("new");
    if (ct->key == "status") return {Field::Flags, c.dnat ? "dnat" : "", 0};
    return unknown("ct " + ct->key);
  }
  return unknown(to_text(s));
}

std::optional<long> to_number(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stol(text);
}

// One field against one value: Yes/No, or Unknown when the value's kind does not fit.
Tri value_match(const Field& f, const Value& v) {
  auto yes = [](bool b) { return b ? Tri::Yes : Tri::No; };
  switch (f.kind) {
    case Field::Address:
      return address_in(f.text, v.text);
    case Field::Number: {
      if (v.kind == ValueKind::Symbol) {
        long n = proto_number(v.text);
        return n < 0 ? Tri::Unknown : yes(n == f.number);
      }
      if (v.kind != ValueKind::Integer && v.kind != ValueKind::Range) return Tri::Unknown;
      auto dash = v.text.find('-');
      auto lo = to_number(v.text.substr(0, dash));
      auto hi = dash == std::string::npos ? lo : to_number(v.text.substr(dash + 1));
      if (!lo || !hi) return Tri::Unknown;
      return yes(f.number >= *lo && f.number <= *hi);
    }
    case Field::Name:
      if (v.kind != ValueKind::Symbol && v.kind != ValueKind::Hex) return Tri::Unknown;
      return yes(f.text == v.text);
    case Field::Ifname:
      if (v.kind != ValueKind::String) return Tri::Unknown;
      if (!v.text.empty() && v.text.back() == '*')
        return yes(f.text.compare(0, v.text.size() - 1, v.text, 0, v.text.size() - 1) == 0);
      return yes(f.text == v.text);
    case Field::Flags:
      return yes(!f.text.empty() && f.text == v.text);
    default:
      return Tri::Unknown;
  }
}

// Any element matching: Yes; none: No; else Unknown.
Tri any_of(const std::vector<Field>& fields, const std::vector<std::vector<Value>>& elements) {
  bool unsure = false;
  for (const auto& element : elements) {
    if (element.size() != fields.size()) return Tri::Unknown;
    Tri all = Tri::Yes;
    for (size_t i = 0; i < fields.size() && all != Tri::No; ++i) {
      Tri t = value_match(fields[i], element[i]);
      if (t != Tri::Yes) all = t;
    }
    if (all == Tri::Yes) return Tri::Yes;
    if (all == Tri::Unknown) unsure = true;
  }
  return unsure ? Tri::Unknown : Tri::No;
}

std::vector<std::vector<Value>> rhs_elements(const Rhs& rhs, const Table& table, bool& found) {
  found = true;
  if (const auto* v = std::get_if<Value>(&rhs)) return {{*v}};
  if (const auto* a = std::get_if<AnonSet>(&rhs)) {
    std::vector<std::vector<Value>> out;
    for (const auto& v : a->elements) out.push_back({v});
    return out;
  }
  const auto& ref = std::get<SetRef>(rhs);
  for (const auto& set : table.sets)
    if (set.name == ref.name) return set.elements;
  found = false;
  return {};
}

}  // namespace why_detail

Tri address_in(const std::string& address, const std::string& spec) {
  using namespace why_detail;
  auto a = parse_addr(address);
  if (!a) return Tri::Unknown;
  auto slash = spec.find('/');
  auto dash = spec.find('-');
  if (dash != std::string::npos) {
    auto lo = parse_addr(spec.substr(0, dash)), hi = parse_addr(spec.substr(dash + 1));
    if (!lo || !hi) return Tri::Unknown;
    if (lo->second != a->second) return Tri::No;
    int n = a->second;
    bool ge = std::memcmp(a->first.data(), lo->first.data(), n) >= 0;
    bool le = std::memcmp(a->first.data(), hi->first.data(), n) <= 0;
    return ge && le ? Tri::Yes : Tri::No;
  }
  auto net = parse_addr(spec.substr(0, slash));
  if (!net) return Tri::Unknown;
  if (net->second != a->second) return Tri::No;
  int bits = net->second * 8;
  if (slash != std::string::npos) {
    auto n = why_detail::to_number(spec.substr(slash + 1));
    if (!n || *n > bits) return Tri::Unknown;
    bits = static_cast<int>(*n);
  }
  return prefix_equal(a->first, net->first, bits) ? Tri::Yes : Tri::No;
}

Tri eval_match(const Match& match, const WhyContext& ctx, std::string& why) {
  using namespace why_detail;
  std::vector<Field> fields;
  for (const auto& s : match.left) {
    if (std::holds_alternative<Fib>(s)) {
      // Only the rpfilter check `fib saddr . mark . iif oif missing`: taken as passing.
      const auto& fib = std::get<Fib>(s);
      const auto* v = std::get_if<Value>(&match.right);
      if (fib.result == "oif" && v && v->text == "missing" && match.op == Op::Eq) return Tri::No;
      why = "cannot evaluate " + to_text(s);
      return Tri::Unknown;
    }
    Field f = selector_field(s, ctx);
    if (f.kind == Field::Absent) return Tri::No;
    if (f.kind == Field::NotGiven || f.kind == Field::Unknown) {
      why = f.kind == Field::NotGiven
                ? "the rule needs " + f.text + ", which the packet does not give"
                : "cannot evaluate " + f.text;
      return Tri::Unknown;
    }
    fields.push_back(std::move(f));
  }
  bool found = false;
  auto elements = rhs_elements(match.right, ctx.table, found);
  if (!found) {
    why = "no set @" + std::get<SetRef>(match.right).name + " in the table";
    return Tri::Unknown;
  }
  Tri t = any_of(fields, elements);
  if (t == Tri::Unknown) {
    why = "cannot compare the packet with " + to_text(Statement{match});
    return t;
  }
  if (match.op == Op::Neq) return t == Tri::Yes ? Tri::No : Tri::Yes;
  return t;
}

}  // namespace fwctl::compiler
