#include "compiler/fragments.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "compiler/address.hpp"
#include "model/port.hpp"

namespace fwctl::compiler {

Value integer(std::string text) { return {ValueKind::Integer, std::move(text)}; }
Value symbol(std::string text) { return {ValueKind::Symbol, std::move(text)}; }
Value quoted(std::string text) { return {ValueKind::String, std::move(text)}; }

// Built step by step: brace-initialising the selector vector trips g++ 12's
// -Wmaybe-uninitialized false positive on variants.
Match single_match(Selector selector, Rhs rhs, Op op) {
  Match m;
  m.left.push_back(std::move(selector));
  m.op = op;
  m.right = std::move(rhs);
  return m;
}

Match meta_match(const std::string& key, Rhs rhs, Op op) {
  return single_match(Meta{key}, std::move(rhs), op);
}

Match payload_match(const std::string& protocol, const std::string& field, Rhs rhs, Op op) {
  return single_match(Payload{protocol, field}, std::move(rhs), op);
}

Statement accept() { return Verdict{VerdictKind::Accept, {}}; }
Statement drop() { return Verdict{VerdictKind::Drop, {}}; }
Statement jump(const std::string& chain) { return Verdict{VerdictKind::Jump, chain}; }
Statement go_to(const std::string& chain) { return Verdict{VerdictKind::Goto, chain}; }
Statement reject_admin() { return Reject{"icmpx", "admin-prohibited"}; }
Statement log_prefix(const std::string& prefix) { return Log{prefix, {}, {}, {}}; }

std::vector<Statement> pkttype_match(const std::string& log_denied) {
  if (log_denied == "all" || log_denied == "off") return {};
  // nft names the unicast packet type "host".
  std::string type = log_denied == "unicast" ? "host" : log_denied;
  return {meta_match("pkttype", symbol(type))};
}

std::string mark_hex(const std::string& text) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08lx", std::strtoul(text.c_str(), nullptr, 0) & 0xffffffffUL);
  return buf;
}

// firewalld writes every port through getPortRange: a service name from /etc/services ("ssh",
// "ssh-http") becomes its number, a descending range is turned round, "80-" is 80.
Value port_value(const std::string& port) {
  auto range = model::parse_port_range(port);
  if (!range) return {ValueKind::Range, port};  // validated before: not reached
  if (range->first == range->last) return integer(std::to_string(range->first));
  return {ValueKind::Range, std::to_string(range->first) + "-" + std::to_string(range->last)};
}

namespace {

std::string ipset_family(const model::IpSet& set) {
  if (set.type == "hash:mac") return "ether";
  for (const auto& [k, v] : set.options) {
    if (k == "family" && v == "inet6") return "ip6";
  }
  return "ip";
}

// ip saddr . meta l4proto . th sport @name: one selector per dimension of the ipset type.
std::optional<Match> ipset_match(Context& ctx, const std::string& field, const std::string& name,
                                 bool invert) {
  const auto* set = ctx.ipset(name);
  if (!set || set->type.find(':') == std::string::npos) {
    ctx.fail(Code::INVALID_IPSET, name);
    return std::nullopt;
  }
  bool dest = field == "daddr";
  std::vector<Selector> left;
  std::string dims = set->type.substr(set->type.find(':') + 1);
  size_t start = 0;
  while (start <= dims.size()) {
    size_t comma = dims.find(',', start);
    std::string dim =
        dims.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (dim == "port") {
      left.emplace_back(Meta{"l4proto"});
      left.emplace_back(Payload{"th", dest ? "dport" : "sport"});
    } else if (dim == "ip" || dim == "net" || dim == "mac") {
      left.emplace_back(Payload{ipset_family(*set), field});
    } else if (dim == "iface") {
      // firewalld 1.3.3 pairs a destination match with iifname; kept for compatibility.
      left.emplace_back(Meta{dest ? "iifname" : "oifname"});
    } else if (dim == "mark") {
      left.emplace_back(Meta{"mark"});
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return Match{left, invert ? Op::Neq : Op::Eq, SetRef{name}};
}

}  // namespace

std::optional<Match> addr_match(Context& ctx, const std::string& field, const std::string& address,
                                bool invert) {
  if (address.rfind("ipset:", 0) == 0) return ipset_match(ctx, field, address.substr(6), invert);
  auto parsed = parse_address(address);
  if (!parsed) {
    if (auto bad_mask = netmask_error(address)) {
      ctx.fail(Code::UNKNOWN_ERROR, *bad_mask);
      return std::nullopt;
    }
    ctx.fail(Code::INVALID_ADDR, address);
    return std::nullopt;
  }
  return payload_match(parsed->family, field, parsed->value, invert ? Op::Neq : Op::Eq);
}

std::optional<Statement> limit_statement(const std::optional<model::RichLimit>& limit) {
  if (!limit) return std::nullopt;
  static const std::map<char, std::string> kUnits = {
      {'s', "second"}, {'m', "minute"}, {'h', "hour"}, {'d', "day"}};
  auto slash = limit->value.find('/');
  if (slash == std::string::npos || slash + 1 >= limit->value.size()) return std::nullopt;
  auto unit = kUnits.find(limit->value[slash + 1]);
  if (unit == kUnits.end()) return std::nullopt;
  // The burst passed validation (1 to 10,000,000, canonical digits).
  unsigned burst =
      limit->burst.empty() ? Limit::kDefaultBurst : static_cast<unsigned>(std::stoul(limit->burst));
  return Limit{static_cast<unsigned>(std::stoul(limit->value.substr(0, slash))), unit->second,
               burst};
}

namespace {

// "ipv4"/"ipv6" when the match fixes the network protocol for nft's evaluator (an ip/ip6/
// icmp/icmpv6 payload, which carries that dependency, or meta nfproto); empty otherwise.
std::string network_of(const Match& m) {
  for (const auto& sel : m.left) {
    if (const auto* p = std::get_if<Payload>(&sel)) {
      if (p->protocol == "ip" || p->protocol == "icmp") return "ipv4";
      if (p->protocol == "ip6" || p->protocol == "icmpv6") return "ipv6";
    }
    const auto* meta = std::get_if<Meta>(&sel);
    const auto* value = std::get_if<Value>(&m.right);
    if (meta && meta->key == "nfproto" && value && m.left.size() == 1) return value->text;
  }
  return {};
}

// The network protocol a later statement implies, the way nft's listing sees dependencies.
std::string implied_network(const Statement& s) {
  if (const auto* r = std::get_if<Reject>(&s)) {
    return r->type == "icmp" ? "ipv4" : r->type == "icmpv6" ? "ipv6" : "";
  }
  const auto* m = std::get_if<Match>(&s);
  const auto* p = m ? std::get_if<Payload>(&m->left[0]) : nullptr;
  if (!p) return {};
  if (p->protocol == "ip" || p->protocol == "icmp") return "ipv4";
  if (p->protocol == "ip6" || p->protocol == "icmpv6") return "ipv6";
  return {};
}

}  // namespace

void settle_default_reject(std::vector<Statement>& stmts) {
  std::string network;
  for (auto& s : stmts) {
    if (const auto* m = std::get_if<Match>(&s)) {
      if (auto n = network_of(*m); !n.empty()) network = n;
    }
    auto* r = std::get_if<Reject>(&s);
    if (!r || !r->type.empty() || network.empty()) continue;
    *r = network == "ipv4" ? Reject{"icmp", "port-unreachable"}
                           : Reject{"icmpv6", "port-unreachable"};
  }
}

void drop_implied_nfproto(std::vector<Statement>& stmts) {
  for (size_t i = 0; i < stmts.size(); ++i) {
    const auto* m = std::get_if<Match>(&stmts[i]);
    if (!m || m->left.size() != 1) continue;
    const auto* meta = std::get_if<Meta>(&m->left[0]);
    if (!meta || meta->key != "nfproto") continue;
    const auto* value = std::get_if<Value>(&m->right);
    if (!value) continue;
    bool implied =
        std::any_of(stmts.begin() + static_cast<std::ptrdiff_t>(i) + 1, stmts.end(),
                    [&](const Statement& s) { return implied_network(s) == value->text; });
    if (implied) {
      stmts.erase(stmts.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

}  // namespace fwctl::compiler
