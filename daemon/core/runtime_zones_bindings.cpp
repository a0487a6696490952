// core::RuntimeZones' bindings of interfaces and sources to zones, and the default zone, as
// firewalld's fw_zone (add_interface, change_zone_of_interface, ...) and fw.set_default_zone do
// them. Each change is one batch; bindings_ changes only once the kernel accepted it (adopt()).

#include <algorithm>
#include <cctype>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "core/runtime_zones.hpp"
#include "model/address.hpp"

namespace fwctl::core {
namespace {

using Bound = std::map<std::string, std::vector<std::string>>;

void unbind(Bound& bound, const std::string& zone, const std::string& id) {
  auto it = bound.find(zone);
  if (it == bound.end()) return;
  auto& list = it->second;
  list.erase(std::remove(list.begin(), list.end(), id), list.end());
  if (list.empty()) bound.erase(it);
}

// firewalld upper-cases a MAC source before it looks it up.
std::string source_id(const std::string& source) {
  if (!model::check_mac(source)) return source;
  std::string upper(source);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

void erase(std::vector<std::string>& list, const std::string& value) {
  list.erase(std::remove(list.begin(), list.end(), value), list.end());
}

// firewalld's SOURCE_IPSET_TYPES.
bool source_ipset_type(const std::string& type) {
  for (const char* t : {"hash:ip", "hash:ip,port", "hash:ip,mark", "hash:net", "hash:net,port",
                        "hash:net,iface", "hash:mac"}) {
    if (type == t) return true;
  }
  return false;
}

}  // namespace

// What a binding change can touch: the chains of the zones it moves an interface or source
// between (a zone's forward "allow" rules name its interfaces and sources; a zone that becomes
// active or inactive gets or loses its chains), the policies naming those zones (their dispatch
// and chains follow the zones' bindings) and the dispatch chains of no zone (_ZONES,
// _POLICIES_pre/post). So its cost does not grow with what the other zones and policies hold.
ChangeScope RuntimeZones::binding_scope(std::initializer_list<std::string> zones) const {
  ChangeScope scope;
  for (const std::string& zone : zones) {
    if (!zone.empty() && !contains(scope.zones, zone)) scope.zones.push_back(zone);
  }
  for (const auto& [name, item] : runtime_.policies) {
    const auto& p = item.value;
    for (const auto& zone : scope.zones) {
      if (contains(p.ingress_zones, zone) || contains(p.egress_zones, zone)) {
        scope.policies.push_back(name);
        break;
      }
    }
  }
  scope.shared_chains = true;
  return scope;
}

// One binding change through the commit point.
Status RuntimeZones::commit_bindings(compiler::RuntimeBindings next, ChangeScope scope) {
  RuntimeChange change;
  change.bindings = std::move(next);
  change.scope = std::move(scope);
  return commit_(std::move(change));
}

// fw_zone.check_source: an IPv4 or IPv6 network, a MAC, or "ipset:NAME" of a usable type.
Status RuntimeZones::check_source(const std::string& source) const {
  if (model::is_ipv4_network(source) || model::is_ipv6_network(source) ||
      model::check_mac(source)) {
    return ok();
  }
  if (!source.starts_with("ipset:")) return fail(Code::INVALID_ADDR, source);
  std::string name = source.substr(6);
  auto it = runtime_.ipsets.find(name);
  if (it == runtime_.ipsets.end()) return fail(Code::INVALID_IPSET, name);
  const std::string& type = it->second.value.type;
  if (!source_ipset_type(type)) {
    return fail(Code::INVALID_IPSET,
                "ipset " + quoted(name) + " with type " + quoted(type) + " not usable as source");
  }
  return ok();
}

Result<std::string> RuntimeZones::add_interface(const std::string& zone,
                                                const std::string& interface, Binder by) {
  auto name = resolve(zone);
  if (!name) return name;
  if (Status st = model::check_interface(interface); !st) return st;
  std::string bound = zone_of_interface(interface);
  // firewalld words both with the zone: as given for the first, as bound for the second.
  if (bound == *name) {
    return fail(Code::ZONE_ALREADY_SET, quoted(interface) + " already bound to " + quoted(zone));
  }
  if (!bound.empty()) {
    return fail(Code::ZONE_CONFLICT, quoted(interface) + " already bound to " + quoted(bound));
  }
  compiler::RuntimeBindings next = bindings_;
  next.interfaces[*name].push_back(interface);
  ChangeScope scope = binding_scope({*name});
  if (Status st = commit_bindings(std::move(next), std::move(scope)); !st) {
    return st;
  }
  if (zone.empty()) default_zone_interfaces_.push_back(interface);
  if (by == Binder::NetworkManager) nm_interfaces_.push_back(interface);
  return name;
}

Result<std::string> RuntimeZones::remove_interface(const std::string& zone,
                                                   const std::string& interface) {
  if (Status st = model::check_interface(interface); !st) return st;
  std::string bound = zone_of_interface(interface);
  if (bound.empty()) {
    return fail(Code::UNKNOWN_INTERFACE, quoted(interface) + " is not in any zone");
  }
  auto name = zone.empty() ? Result<std::string>(bound) : resolve(zone);
  if (!name) return name;
  if (*name != bound) {
    return fail(Code::ZONE_CONFLICT,
                "remove_interface(" + zone + ", " + interface + "): zoi=" + quoted(bound));
  }
  compiler::RuntimeBindings next = bindings_;
  unbind(next.interfaces, bound, interface);
  ChangeScope scope = binding_scope({bound});
  if (Status st = commit_bindings(std::move(next), std::move(scope)); !st) {
    return st;
  }
  erase(default_zone_interfaces_, interface);
  erase(nm_interfaces_, interface);
  return name;
}

// As firewalld: remove (which forgets who bound it), then add with the new caller.
Result<std::string> RuntimeZones::change_zone_of_interface(const std::string& zone,
                                                           const std::string& interface,
                                                           Binder by) {
  if (Status st = model::check_interface(interface); !st) return st;
  std::string old = zone_of_interface(interface);
  auto name = resolve(zone);
  if (!name) return name;
  if (*name == old) return old;
  // firewalld removes, then adds; here both go in one batch.
  compiler::RuntimeBindings next = bindings_;
  if (!old.empty()) unbind(next.interfaces, old, interface);
  next.interfaces[*name].push_back(interface);
  ChangeScope scope = binding_scope({old, *name});
  if (Status st = commit_bindings(std::move(next), std::move(scope)); !st) {
    return st;
  }
  erase(default_zone_interfaces_, interface);
  if (zone.empty()) default_zone_interfaces_.push_back(interface);
  erase(nm_interfaces_, interface);
  if (by == Binder::NetworkManager) nm_interfaces_.push_back(interface);
  return name;
}

Result<bool> RuntimeZones::query_interface(const std::string& zone,
                                           const std::string& interface) const {
  if (Status st = model::check_interface(interface); !st) return st;
  auto name = resolve(zone);
  if (!name) return name;
  return zone_of_interface(interface) == *name;
}

Result<std::string> RuntimeZones::add_source(const std::string& zone, const std::string& given) {
  auto name = resolve(zone);
  if (!name) return name;
  std::string source = source_id(given);
  if (Status st = check_source(source); !st) return st;
  std::string bound = zone_of_source(source);
  if (bound == *name) {
    return fail(Code::ZONE_ALREADY_SET, quoted(source) + " already bound to " + quoted(*name));
  }
  if (!bound.empty()) {
    return fail(Code::ZONE_CONFLICT, quoted(source) + " already bound to a zone");
  }
  compiler::RuntimeBindings next = bindings_;
  next.sources[*name].push_back(source);
  ChangeScope scope = binding_scope({*name});
  if (Status st = commit_bindings(std::move(next), std::move(scope)); !st) {
    return st;
  }
  return name;
}

Result<std::string> RuntimeZones::remove_source(const std::string& zone, const std::string& given) {
  std::string source = source_id(given);
  if (Status st = check_source(source); !st) return st;
  std::string bound = zone_of_source(source);
  if (bound.empty()) return fail(Code::UNKNOWN_SOURCE, quoted(source) + " is not in any zone");
  auto name = zone.empty() ? Result<std::string>(bound) : resolve(zone);
  if (!name) return name;
  if (*name != bound) {
    return fail(Code::ZONE_CONFLICT,
                "remove_source(" + zone + ", " + source + "): zos=" + quoted(bound));
  }
  compiler::RuntimeBindings next = bindings_;
  unbind(next.sources, bound, source);
  ChangeScope scope = binding_scope({bound});
  if (Status st = commit_bindings(std::move(next), std::move(scope)); !st) {
    return st;
  }
  return name;
}

Result<std::string> RuntimeZones::change_zone_of_source(const std::string& zone,
                                                        const std::string& given) {
  if (Status st = check_source(given); !st) return st;
  std::string old = zone_of_source(given);  // firewalld looks up the MAC as given here
  auto name = resolve(zone);
  if (!name) return name;
  if (*name == old) return old;
  std::string source = source_id(given);
  std::string bound = zone_of_source(source);
  compiler::RuntimeBindings next = bindings_;
  if (!bound.empty()) unbind(next.sources, bound, source);
  next.sources[*name].push_back(source);
  ChangeScope scope = binding_scope({bound, *name});
  if (Status st = commit_bindings(std::move(next), std::move(scope)); !st) {
    return st;
  }
  return name;
}

Result<bool> RuntimeZones::query_source(const std::string& zone, const std::string& given) const {
  std::string source = source_id(given);
  if (Status st = check_source(source); !st) return st;
  auto name = resolve(zone);
  if (!name) return name;
  return zone_of_source(source) == *name;
}

// Interfaces added to the default zone ("") follow it; those named into it stay.
Result<RuntimeZones::DefaultZoneChange> RuntimeZones::default_zone_change(
    const std::string& zone) const {
  auto name = resolve(zone);
  if (!name) return name;
  const std::string& old = default_zone();
  if (*name == old) return fail(Code::ZONE_ALREADY_SET, *name);
  compiler::RuntimeBindings next = bindings_;
  next.default_zone = *name;
  auto bound = next.interfaces.find(old);
  std::vector<std::string> moving;
  if (bound != next.interfaces.end()) {
    for (const auto& interface : bound->second) {
      if (contains(default_zone_interfaces_, interface)) moving.push_back(interface);
    }
  }
  for (const auto& interface : moving) {
    unbind(next.interfaces, old, interface);
    next.interfaces[*name].push_back(interface);
  }
  DefaultZoneChange out{*name, {}};
  out.change.bindings = std::move(next);
  out.change.scope = binding_scope({old, *name});
  return out;
}

}  // namespace fwctl::core
