#include "core/zone_elements.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "config/port_range.hpp"
#include "model/address.hpp"
#include "model/port.hpp"
#include "model/protocol.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::core {
namespace {

using model::PortProto;
using model::PortRange;

Unexpected already(const std::string& what, const std::string& zone) {
  return fail(Code::ALREADY_ENABLED, what + " already in " + quoted(zone));
}
Unexpected not_in(const std::string& what, const std::string& zone) {
  return fail(Code::NOT_ENABLED, what + " not in " + quoted(zone));
}

template <typename List, typename T>
void erase(List& list, const T& value) {
  list.erase(std::remove(list.begin(), list.end(), value), list.end());
}

// firewalld's check_port: INVALID_PORT with the port as detail. Stricter than firewalld's:
// check_port() also refuses what its int() reads only by accident ("80\n", "80-").
Result<PortRange> port_range(const std::string& port) {
  auto range = model::parse_port_range(port);
  if (!range || !model::check_port(port)) return fail(Code::INVALID_PORT, port);
  return *range;
}

// firewalld's check_tcpudp, as the runtime calls word it.
Status check_tcpudp(const std::string& protocol) {
  if (protocol.empty()) return fail(Code::MISSING_PROTOCOL);
  if (protocol != "tcp" && protocol != "udp" && protocol != "sctp" && protocol != "dccp") {
    return fail(Code::INVALID_PROTOCOL, quoted(protocol) + " not in {'tcp'|'udp'|'sctp'|'dccp'}");
  }
  return ok();
}

Result<PortRange> checked_port(const std::string& port, const std::string& protocol) {
  auto range = port_range(port);
  if (!range) return range;
  if (Status st = check_tcpudp(protocol); !st) return st;
  return range;
}

// The entries of `ports` with `protocol` whose range covers `range` (portInPortRange).
std::optional<size_t> covering(const std::vector<PortProto>& ports, PortRange range,
                               const std::string& protocol) {
  for (size_t i = 0; i < ports.size(); ++i) {
    if (ports[i].protocol != protocol) continue;
    auto have = model::parse_port_range(ports[i].port);
    if (have && have->first <= range.first && range.last <= have->last) return i;
  }
  return std::nullopt;
}

// add_port / add_source_port: coalescePortRange merges the new range with those it overlaps.
Status add_port(std::vector<PortProto>& ports, const std::string& zone,
                const std::vector<std::string>& args) {
  auto range = checked_port(args[0], args[1]);
  if (!range) return range;
  // One parse of the list: an entry covering the range (portInPortRange), else the ranges of
  // the protocol. Only those chained to the new range by overlaps can coalesce with it (what
  // coalescePortRange merges overlaps what the new range has grown to, which stays within their
  // hull), so only they are handed over: a port added to a zone of 10,000 sorts none (issue 13).
  std::vector<PortRange> same_protocol;
  for (const auto& p : ports) {
    if (p.protocol != args[1]) continue;
    auto have = model::parse_port_range(p.port);
    if (!have) continue;
    if (have->first <= range->first && range->last <= have->last) {
      return already(quoted(args[0] + ":" + args[1]), zone);
    }
    same_protocol.push_back(*have);
  }
  std::vector<PortRange> existing;
  for (PortRange hull = *range;;) {
    existing.clear();
    PortRange grown = hull;
    for (PortRange r : same_protocol) {
      if (r.first > hull.last || r.last < hull.first) continue;
      existing.push_back(r);
      grown = {std::min(grown.first, r.first), std::max(grown.last, r.last)};
    }
    if (grown == hull) break;
    hull = grown;
  }
  auto merged = config::coalesce_port_range(*range, existing);
  for (const auto& removed : merged.removed)
    erase(ports, PortProto{config::to_string(removed), args[1]});
  ports.push_back({config::to_string(merged.merged), args[1]});
  return ok();
}

// remove_port / remove_source_port: breakPortRange keeps what is left of the covering range.
Status remove_port(std::vector<PortProto>& ports, const std::string& zone,
                   const std::vector<std::string>& args) {
  auto range = checked_port(args[0], args[1]);
  if (!range) return range;
  auto found = covering(ports, *range, args[1]);
  if (!found) return not_in(quoted(args[0] + ":" + args[1]), zone);
  PortRange have = *model::parse_port_range(ports[*found].port);
  ports.erase(ports.begin() + static_cast<std::ptrdiff_t>(*found));
  if (have.first < range->first) {
    ports.push_back({config::to_string({have.first, range->first - 1}), args[1]});
  }
  if (range->last < have.last) {
    ports.push_back({config::to_string({range->last + 1, have.last}), args[1]});
  }
  return ok();
}

bool query_port(const std::vector<PortProto>& ports, const std::vector<std::string>& args) {
  auto range = model::parse_port_range(args[0]);
  return range && covering(ports, *range, args[1]).has_value();
}

// firewalld's __forward_port_id: checked, ports in canonical form, to-addr as given.
Result<model::ForwardPort> forward_port_id(const std::vector<std::string>& a) {
  auto port = port_range(a[0]);
  if (!port) return port;
  if (Status st = check_tcpudp(a[1]); !st) return st;
  std::string to_port;
  if (!a[2].empty()) {
    auto range = port_range(a[2]);
    if (!range) return range;
    to_port = config::to_string(*range);
  }
  const std::string& to_addr = a[3];
  if (!to_addr.empty() && !model::is_ipv6_address(to_addr) && !model::is_ipv4_address(to_addr)) {
    return fail(Code::INVALID_ADDR, to_addr);
  }
  if (a[2].empty() && to_addr.empty()) {
    return fail(Code::INVALID_FORWARD, "port-forwarding is missing to-port AND to-addr");
  }
  return model::ForwardPort{config::to_string(*port), a[1], to_port, to_addr};
}

std::string forward_text(const std::vector<std::string>& a) {
  return quoted(a[0] + ":" + a[1] + ":" + a[2] + ":" + a[3]);
}

Status check_name(const ZoneItem& item, const model::Config& config) {
  const std::string& name = item.args[0];
  switch (item.kind) {
    case ZoneElement::Service:
      if (!config.services.count(name)) return fail(Code::INVALID_SERVICE, name);
      return ok();
    case ZoneElement::IcmpBlock:
      if (!config.icmptypes.count(name)) return fail(Code::INVALID_ICMPTYPE, name);
      return ok();
    default:
      return model::check_protocol(name);
  }
}

const std::vector<std::string>& names_of(const model::Zone& zone, ZoneElement kind) {
  if (kind == ZoneElement::Service) return zone.services;
  if (kind == ZoneElement::IcmpBlock) return zone.icmp_blocks;
  return zone.protocols;
}
std::vector<std::string>& names_of(model::Zone& zone, ZoneElement kind) {
  return const_cast<std::vector<std::string>&>(names_of(std::as_const(zone), kind));
}

bool& flag_of(model::Zone& zone, ZoneElement kind) {
  if (kind == ZoneElement::Masquerade) return zone.masquerade;
  if (kind == ZoneElement::IcmpBlockInversion) return zone.icmp_block_inversion;
  return zone.forward;
}

const char* flag_text(ZoneElement kind) {
  if (kind == ZoneElement::Masquerade) return "masquerade";
  if (kind == ZoneElement::IcmpBlockInversion) return "icmp-block-inversion";
  return "forward";
}

bool is_flag(ZoneElement kind) {
  return kind == ZoneElement::Masquerade || kind == ZoneElement::IcmpBlockInversion ||
         kind == ZoneElement::Forward;
}

// What a source prints as (model::to_string): NOT, then the first of address, MAC, ipset set.
std::pair<bool, const std::string*> source_words(const model::RichSource& source) {
  if (!source.address.empty()) return {source.invert, &source.address};
  return {source.invert, source.mac.empty() ? &source.ipset : &source.mac};
}

// False only when the two rules' texts differ for certain: the parts printed first, compared
// without printing (printing every rule of a zone of 10,000 costs milliseconds).
bool may_print_alike(const model::RichRule& a, const model::RichRule& b) {
  if (a.priority != b.priority || a.family != b.family) return false;
  if (a.source.has_value() != b.source.has_value()) return false;
  if (a.source) {
    auto x = source_words(*a.source), y = source_words(*b.source);
    bool same_kind = (a.source->address.empty() == b.source->address.empty()) &&
                     (a.source->mac.empty() == b.source->mac.empty());
    if (same_kind && (x.first != y.first || *x.second != *y.second)) return false;
  }
  if (a.element.has_value() != b.element.has_value()) return false;
  return !a.element || a.element->index() == b.element->index();
}

// Rich rules are told apart by their canonical text (firewalld's str(rule)).
std::optional<size_t> find_rule(const model::Zone& zone, const model::RichRule& rule,
                                const std::string& text) {
  for (size_t i = 0; i < zone.rules.size(); ++i) {
    if (!may_print_alike(zone.rules[i], rule)) continue;
    if (model::to_string(zone.rules[i]) == text) return i;
  }
  return std::nullopt;
}

// The number of arguments each kind takes; a caller passing fewer is a programming error.
size_t arity(ZoneElement kind) {
  switch (kind) {
    case ZoneElement::Port:
    case ZoneElement::SourcePort:
      return 2;
    case ZoneElement::ForwardPort:
      return 4;
    case ZoneElement::Masquerade:
    case ZoneElement::IcmpBlockInversion:
    case ZoneElement::Forward:
      return 0;
    default:
      return 1;
  }
}

Status check_arity(const ZoneItem& item) {
  if (item.args.size() != arity(item.kind))
    return fail(Code::INVALID_VALUE, "wrong argument count");
  return ok();
}

Status change(model::Zone& zone, const std::string& name, const ZoneItem& item,
              const model::Config& config, bool add) {
  if (Status st = check_arity(item); !st) return st;
  const auto& a = item.args;
  switch (item.kind) {
    case ZoneElement::Port:
      return add ? add_port(zone.ports, name, a) : remove_port(zone.ports, name, a);
    case ZoneElement::SourcePort:
      return add ? add_port(zone.source_ports, name, a) : remove_port(zone.source_ports, name, a);
    case ZoneElement::ForwardPort: {
      auto id = forward_port_id(a);
      if (!id) return id;
      bool have = contains(zone.forward_ports, *id);
      if (add == have) return add ? already(forward_text(a), name) : not_in(forward_text(a), name);
      if (add) zone.forward_ports.push_back(*id);
      else erase(zone.forward_ports, *id);
      return ok();
    }
    case ZoneElement::RichRule: {
      auto rule = model::parse_rich_rule(a[0]);
      if (!rule) return rule;
      std::string text = model::to_string(*rule);
      auto at = find_rule(zone, *rule, text);
      if (add == at.has_value())
        return add ? already(quoted(text), name) : not_in(quoted(text), name);
      if (add) zone.rules.push_back(*rule);
      else zone.rules.erase(zone.rules.begin() + static_cast<std::ptrdiff_t>(*at));
      return ok();
    }
    default:
      break;
  }
  if (is_flag(item.kind)) {
    bool& flag = flag_of(zone, item.kind);
    if (flag == add) {
      return fail(add ? Code::ALREADY_ENABLED : Code::NOT_ENABLED,
                  std::string(flag_text(item.kind)) + (add ? " already" : " not") + " enabled in " +
                      quoted(name));
    }
    flag = add;
    return ok();
  }
  if (Status st = check_name(item, config); !st) return st;
  auto& list = names_of(zone, item.kind);
  if (add == contains(list, a[0]))
    return add ? already(quoted(a[0]), name) : not_in(quoted(a[0]), name);
  if (add) list.push_back(a[0]);
  else erase(list, a[0]);
  return ok();
}

}  // namespace

Status add_zone_item(model::Zone& zone, const std::string& name, const ZoneItem& item,
                     const model::Config& config) {
  return change(zone, name, item, config, true);
}

Status remove_zone_item(model::Zone& zone, const std::string& name, const ZoneItem& item,
                        const model::Config& config) {
  return change(zone, name, item, config, false);
}

Result<bool> query_zone_item(const model::Zone& zone, const ZoneItem& item,
                             const model::Config& config) {
  if (Status st = check_arity(item); !st) return st;
  const auto& a = item.args;
  switch (item.kind) {
    case ZoneElement::Port:
      return query_port(zone.ports, a);
    case ZoneElement::SourcePort:
      return query_port(zone.source_ports, a);
    case ZoneElement::ForwardPort: {
      auto id = forward_port_id(a);
      if (!id) return id;
      return contains(zone.forward_ports, *id);
    }
    case ZoneElement::RichRule: {
      auto rule = model::parse_rich_rule(a[0]);
      if (!rule) return rule;
      return find_rule(zone, *rule, model::to_string(*rule)).has_value();
    }
    case ZoneElement::Masquerade:
      return zone.masquerade;
    case ZoneElement::IcmpBlockInversion:
      return zone.icmp_block_inversion;
    case ZoneElement::Forward:
      return zone.forward;
    default:
      break;
  }
  if (Status st = check_name(item, config); !st) return st;
  return contains(names_of(zone, item.kind), a[0]);
}

}  // namespace fwctl::core
