#include "nft/selectors.hpp"

#include <netinet/in.h>
// clang-format off
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
// clang-format on

#include <string_view>

#include "nft/exprs.hpp"

namespace fwctl::nft {
namespace {

using compiler::Selector;

Datatype type(std::string_view name) { return datatype_by_name(name).value_or(Datatype{}); }

struct MetaKey {
  std::string_view name;
  uint32_t key;
  std::string_view type;
};

constexpr MetaKey kMetaKeys[] = {{"iifname", NFT_META_IIFNAME, "ifname"},
                                 {"oifname", NFT_META_OIFNAME, "ifname"},
                                 {"iif", NFT_META_IIF, "iface_index"},
                                 {"oif", NFT_META_OIF, "iface_index"},
                                 {"l4proto", NFT_META_L4PROTO, "inet_proto"},
                                 {"nfproto", NFT_META_NFPROTO, "nf_proto"},
                                 {"mark", NFT_META_MARK, "mark"},
                                 {"pkttype", NFT_META_PKTTYPE, "pkttype"},
                                 {"iiftype", NFT_META_IIFTYPE, "iface_type"}};

struct PayloadField {
  std::string_view protocol, field;
  uint32_t base, offset, len;
  std::string_view type;
};

constexpr uint32_t kLL = NFT_PAYLOAD_LL_HEADER, kNH = NFT_PAYLOAD_NETWORK_HEADER,
                   kTH = NFT_PAYLOAD_TRANSPORT_HEADER;

constexpr PayloadField kFields[] = {
    {"ip", "saddr", kNH, 12, 4, "ipv4_addr"},     {"ip", "daddr", kNH, 16, 4, "ipv4_addr"},
    {"ip", "protocol", kNH, 9, 1, "inet_proto"},  {"ip6", "saddr", kNH, 8, 16, "ipv6_addr"},
    {"ip6", "daddr", kNH, 24, 16, "ipv6_addr"},   {"ip6", "nexthdr", kNH, 6, 1, "inet_proto"},
    {"ether", "saddr", kLL, 6, 6, "ether_addr"},  {"ether", "daddr", kLL, 0, 6, "ether_addr"},
    {"icmp", "type", kTH, 0, 1, "icmp_type"},     {"icmp", "code", kTH, 1, 1, "icmp_code"},
    {"icmpv6", "type", kTH, 0, 1, "icmpv6_type"}, {"icmpv6", "code", kTH, 1, 1, "icmpv6_code"},
    {"tcp", "flags", kTH, 13, 1, "tcp_flag"},     {"*", "sport", kTH, 0, 2, "inet_service"},
    {"*", "dport", kTH, 2, 2, "inet_service"}};

Dependency dependency_of(std::string_view protocol) {
  Dependency d;
  if (protocol == "ip") d.nfproto = NFPROTO_IPV4;
  if (protocol == "ip6") d.nfproto = NFPROTO_IPV6;
  if (protocol == "ether") d.ether = true;
  if (protocol == "icmp") d = {NFPROTO_IPV4, IPPROTO_ICMP, false};
  if (protocol == "icmpv6") d = {NFPROTO_IPV6, IPPROTO_ICMPV6, false};
  if (protocol == "tcp") d.l4proto = IPPROTO_TCP;
  if (protocol == "udp") d.l4proto = IPPROTO_UDP;
  if (protocol == "sctp") d.l4proto = IPPROTO_SCTP;
  if (protocol == "dccp") d.l4proto = IPPROTO_DCCP;
  if (protocol == "udplite") d.l4proto = IPPROTO_UDPLITE;
  return d;
}

bool is_transport(std::string_view p) {
  return p == "tcp" || p == "udp" || p == "sctp" || p == "dccp" || p == "udplite" || p == "th";
}

Unexpected unknown(const Selector& s) {
  return fail(Code::COMMAND_FAILED, "cannot encode selector '" + compiler::to_text(s) + "'");
}

Result<SelectorSpec> meta_spec(const compiler::Meta& m, const Selector& s) {
  for (const auto& k : kMetaKeys) {
    if (k.name != m.key) continue;
    SelectorSpec spec;
    spec.key = k.key;
    spec.type = type(k.type);
    spec.len = spec.type.len;
    // meta loads host-order data; nft labels l4proto host order although it is one byte.
    spec.order = ByteOrder::Host;
    return spec;
  }
  return unknown(s);
}

Result<SelectorSpec> payload_spec(const compiler::Payload& p, const Selector& s) {
  for (const auto& f : kFields) {
    bool protocol_ok = f.protocol == p.protocol || (f.protocol == "*" && is_transport(p.protocol));
    if (!protocol_ok || f.field != p.field) continue;
    SelectorSpec spec;
    spec.kind = SelectorSpec::Kind::Payload;
    spec.base = f.base;
    spec.offset = f.offset;
    spec.len = f.len;
    spec.type = type(f.type);
    spec.order = ByteOrder::Big;
    spec.needs = dependency_of(p.protocol);
    return spec;
  }
  return unknown(s);
}

Result<SelectorSpec> ct_spec(const compiler::Ct& c, const Selector& s) {
  SelectorSpec spec;
  spec.kind = SelectorSpec::Kind::Ct;
  if (c.key == "state") spec.key = NFT_CT_STATE, spec.type = type("ct_state");
  else if (c.key == "status") spec.key = NFT_CT_STATUS, spec.type = type("ct_status");
  else if (c.key == "mark") spec.key = NFT_CT_MARK, spec.type = type("mark");
  else if (c.key == "proto-dst") spec.key = NFT_CT_PROTO_DST, spec.type = type("inet_service");
  else return unknown(s);
  spec.len = spec.type.len;
  // proto-dst: the port in network order, of the direction named (the kernel requires one).
  spec.order = c.key == "proto-dst" ? ByteOrder::Big : ByteOrder::Host;
  if (c.dir == "original") spec.ct_dir = 0;
  else if (c.dir == "reply") spec.ct_dir = 1;
  else if (!c.dir.empty() || c.key == "proto-dst") return unknown(s);
  return spec;
}

Result<SelectorSpec> fib_spec(const compiler::Fib& f, const Selector& s, bool boolean) {
  SelectorSpec spec;
  spec.kind = SelectorSpec::Kind::Fib;
  for (const auto& flag : f.flags) {
    if (flag == "saddr") spec.flags |= NFTA_FIB_F_SADDR;
    else if (flag == "daddr") spec.flags |= NFTA_FIB_F_DADDR;
    else if (flag == "mark") spec.flags |= NFTA_FIB_F_MARK;
    else if (flag == "iif") spec.flags |= NFTA_FIB_F_IIF;
    else if (flag == "oif") spec.flags |= NFTA_FIB_F_OIF;
    else return unknown(s);
  }
  if (f.result == "oif") spec.key = NFT_FIB_RESULT_OIF, spec.type = type("iface_index");
  else if (f.result == "oifname") spec.key = NFT_FIB_RESULT_OIFNAME, spec.type = type("ifname");
  else if (f.result == "type") spec.key = NFT_FIB_RESULT_ADDRTYPE, spec.type = type("fib_addrtype");
  else return unknown(s);
  if (boolean) {
    // `missing` / `exists` tests presence; nft compares it at the result's own width.
    uint32_t width = spec.type.len;
    spec.flags |= NFTA_FIB_F_PRESENT;
    spec.type = type("boolean");
    spec.type.len = width;
  }
  spec.len = spec.type.len;
  spec.order = ByteOrder::Host;
  return spec;
}

}  // namespace

Result<SelectorSpec> selector_spec(const Selector& selector, bool boolean) {
  if (const auto* m = std::get_if<compiler::Meta>(&selector)) return meta_spec(*m, selector);
  if (const auto* p = std::get_if<compiler::Payload>(&selector)) return payload_spec(*p, selector);
  if (const auto* c = std::get_if<compiler::Ct>(&selector)) return ct_spec(*c, selector);
  return fib_spec(std::get<compiler::Fib>(selector), selector, boolean);
}

void load(nftnl_rule* rule, const SelectorSpec& spec, uint32_t reg, std::optional<uint32_t> len) {
  switch (spec.kind) {
    case SelectorSpec::Kind::Meta:
      return expr::meta_load(rule, spec.key, reg);
    case SelectorSpec::Kind::Payload:
      return expr::payload_load(rule, spec.base, spec.offset, len.value_or(spec.len), reg);
    case SelectorSpec::Kind::Ct:
      return expr::ct_load(rule, spec.key, reg, spec.ct_dir);
    case SelectorSpec::Kind::Fib:
      return expr::fib(rule, spec.flags, spec.key, reg);
  }
}

}  // namespace fwctl::nft
