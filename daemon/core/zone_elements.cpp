#include "core/zone_elements.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

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

// The indexes of the entries of `list` equal to `value`, ascending.
template <typename T>
std::vector<size_t> indexes_of(const std::vector<T>& list, const T& value) {
  std::vector<size_t> out;
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] == value) out.push_back(i);
  }
  return out;
}

// add_port / add_source_port: coalescePortRange merges the new range with those it overlaps.
Result<ListEdit<PortProto>> add_port(const std::vector<PortProto>& ports, const std::string& zone,
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
  ListEdit<PortProto> edit;
  for (size_t i = 0; i < ports.size(); ++i) {
    for (const auto& removed : merged.removed) {
      if (ports[i] == PortProto{config::to_string(removed), args[1]}) {
        edit.erase.push_back(i);
        break;
      }
    }
  }
  edit.append.push_back({config::to_string(merged.merged), args[1]});
  return edit;
}

// remove_port / remove_source_port: breakPortRange keeps what is left of the covering range.
Result<ListEdit<PortProto>> remove_port(const std::vector<PortProto>& ports,
                                        const std::string& zone,
                                        const std::vector<std::string>& args) {
  auto range = checked_port(args[0], args[1]);
  if (!range) return range;
  auto found = covering(ports, *range, args[1]);
  if (!found) return not_in(quoted(args[0] + ":" + args[1]), zone);
  PortRange have = *model::parse_port_range(ports[*found].port);
  ListEdit<PortProto> edit;
  edit.erase.push_back(*found);
  if (have.first < range->first) {
    edit.append.push_back({config::to_string({have.first, range->first - 1}), args[1]});
  }
  if (range->last < have.last) {
    edit.append.push_back({config::to_string({range->last + 1, have.last}), args[1]});
  }
  return edit;
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

const bool& flag_of(const model::Zone& zone, ZoneElement kind) {
  if (kind == ZoneElement::Masquerade) return zone.masquerade;
  if (kind == ZoneElement::IcmpBlockInversion) return zone.icmp_block_inversion;
  return zone.forward;
}
bool& flag_of(model::Zone& zone, ZoneElement kind) {
  return const_cast<bool&>(flag_of(std::as_const(zone), kind));
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

// An entry added when `add` (ALREADY_ENABLED when `index` found it) or the entries equal to it
// removed (NOT_ENABLED when none).
template <typename T>
Result<ZoneItemEdit> toggle(ZoneElement kind, const std::vector<T>& list, T value, bool add,
                            const std::string& text, const std::string& zone) {
  ListEdit<T> edit;
  if (add) edit.append.push_back(std::move(value));
  else edit.erase = indexes_of(list, value);
  bool have = add ? contains(list, edit.append.back()) : !edit.erase.empty();
  if (add == have) return add ? already(text, zone) : not_in(text, zone);
  return ZoneItemEdit{kind, std::move(edit)};
}

Result<ZoneItemEdit> plan_item(const model::Zone& zone, const std::string& name,
                               const ZoneItem& item, const model::Config& config, bool add) {
  if (Status st = check_arity(item); !st) return st;
  const auto& a = item.args;
  auto ports = [&](const std::vector<PortProto>& list) -> Result<ZoneItemEdit> {
    auto edit = add ? add_port(list, name, a) : remove_port(list, name, a);
    if (!edit) return edit;
    return ZoneItemEdit{item.kind, std::move(*edit)};
  };
  switch (item.kind) {
    case ZoneElement::Port:
      return ports(zone.ports);
    case ZoneElement::SourcePort:
      return ports(zone.source_ports);
    case ZoneElement::ForwardPort: {
      auto id = forward_port_id(a);
      if (!id) return id;
      return toggle(item.kind, zone.forward_ports, std::move(*id), add, forward_text(a), name);
    }
    case ZoneElement::RichRule: {
      auto rule = model::parse_rich_rule(a[0]);
      if (!rule) return rule;
      std::string text = model::to_string(*rule);
      auto at = find_rule(zone, *rule, text);
      if (add == at.has_value())
        return add ? already(quoted(text), name) : not_in(quoted(text), name);
      ListEdit<model::RichRule> edit;
      if (add) edit.append.push_back(std::move(*rule));
      else edit.erase.push_back(*at);
      return ZoneItemEdit{item.kind, std::move(edit)};
    }
    default:
      break;
  }
  if (is_flag(item.kind)) {
    if (flag_of(zone, item.kind) == add) {
      return fail(add ? Code::ALREADY_ENABLED : Code::NOT_ENABLED,
                  std::string(flag_text(item.kind)) + (add ? " already" : " not") + " enabled in " +
                      quoted(name));
    }
    return ZoneItemEdit{item.kind, add};
  }
  if (Status st = check_name(item, config); !st) return st;
  return toggle(item.kind, names_of(zone, item.kind), a[0], add, quoted(a[0]), name);
}

// The list `edit` changes, of the type its entries have.
template <typename T>
std::vector<T>& list_of(model::Zone& zone, ZoneElement kind) {
  if constexpr (std::is_same_v<T, PortProto>) {
    return kind == ZoneElement::Port ? zone.ports : zone.source_ports;
  } else if constexpr (std::is_same_v<T, model::ForwardPort>) {
    return zone.forward_ports;
  } else if constexpr (std::is_same_v<T, model::RichRule>) {
    return zone.rules;
  } else {
    return names_of(zone, kind);
  }
}

// The erasures from the last down, so that each index still holds; then the appends.
template <typename T>
void apply_list(std::vector<T>& list, ListEdit<T>& edit) {
  edit.erased.clear();
  for (auto i = edit.erase.rbegin(); i != edit.erase.rend(); ++i) {
    auto at = list.begin() + static_cast<std::ptrdiff_t>(*i);
    edit.erased.insert(edit.erased.begin(), std::move(*at));
    list.erase(at);
  }
  list.insert(list.end(), edit.append.begin(), edit.append.end());
}

template <typename T>
void undo_list(std::vector<T>& list, ListEdit<T>& edit) {
  list.resize(list.size() - edit.append.size());
  for (size_t k = 0; k < edit.erase.size(); ++k) {
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(edit.erase[k]),
                std::move(edit.erased[k]));
  }
  edit.erased.clear();
}

}  // namespace

Result<ZoneItemEdit> plan_zone_item(const model::Zone& zone, const std::string& name,
                                    const ZoneItem& item, const model::Config& config, bool add) {
  return plan_item(zone, name, item, config, add);
}

void apply(model::Zone& zone, ZoneItemEdit& edit) {
  std::visit(
      [&](auto& change) {
        using C = std::decay_t<decltype(change)>;
        if constexpr (std::is_same_v<C, bool>) {
          flag_of(zone, edit.kind) = change;
        } else {
          using T = typename decltype(C::append)::value_type;
          apply_list(list_of<T>(zone, edit.kind), change);
        }
      },
      edit.change);
}

void undo(model::Zone& zone, ZoneItemEdit& edit) {
  std::visit(
      [&](auto& change) {
        using C = std::decay_t<decltype(change)>;
        if constexpr (std::is_same_v<C, bool>) {
          flag_of(zone, edit.kind) = !change;
        } else {
          using T = typename decltype(C::append)::value_type;
          undo_list(list_of<T>(zone, edit.kind), change);
        }
      },
      edit.change);
}

Status add_zone_item(model::Zone& zone, const std::string& name, const ZoneItem& item,
                     const model::Config& config) {
  auto edit = plan_item(zone, name, item, config, true);
  if (!edit) return edit;
  apply(zone, *edit);
  return ok();
}

Status remove_zone_item(model::Zone& zone, const std::string& name, const ZoneItem& item,
                        const model::Config& config) {
  auto edit = plan_item(zone, name, item, config, false);
  if (!edit) return edit;
  apply(zone, *edit);
  return ok();
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
