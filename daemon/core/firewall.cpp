#include "core/firewall.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "compiler/compiler.hpp"
#include "compiler/panic.hpp"
#include "config/port_range.hpp"
#include "model/port.hpp"
#include "model/config_check.hpp"
#include "nft/ruleset_batch.hpp"

namespace fwctl::core {
namespace {

// firewalld reads a boolean firewalld.conf value as false when it is "no" or "false" in any case.
bool conf_false(const std::string& value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "no" || lower == "false";
}

template <typename T>
std::vector<std::string> names(const std::map<std::string, model::Item<T>>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& entry : items) out.push_back(entry.first);
  return out;
}

// firewalld's _start_check: an unknown default zone is logged and replaced by public, external
// or block, the first that exists.
std::string effective_default_zone(const model::Config& config) {
  for (const std::string& zone : {config.conf.default_zone, std::string("public"),
                                  std::string("external")}) {
    if (config.zones.count(zone)) return zone;
  }
  return "block";
}

// Removes `interface` from every zone of `bindings`.
void unbind_interface(compiler::RuntimeBindings& bindings, const std::string& interface) {
  for (auto& entry : bindings.interfaces) {
    auto& list = entry.second;
    list.erase(std::remove(list.begin(), list.end(), interface), list.end());
  }
}

}  // namespace

const char* to_string(State state) {
  switch (state) {
    case State::Init: return "INIT";
    case State::Running: return "RUNNING";
    case State::Failed: return "FAILED";
  }
  return "INIT";
}

// What firewalld refuses to start with: a file that does not load (its readers raise and abort
// _start) and a failed start-up check. What it only logs becomes a warning.
Result<Firewall::Loaded> Firewall::prepare(config::LoadResult loaded) {
  if (!loaded.errors.empty()) return Unexpected{loaded.errors.front()};
  auto problems = model::check_references(loaded.config);
  if (!problems.empty()) return Unexpected{problems.front()};
  Loaded next;
  next.warnings = std::move(loaded.warnings);
  for (auto& w : model::check_runtime_references(loaded.config)) next.warnings.push_back(w);
  next.bindings = compiler::bindings_from_config(loaded.config);
  next.bindings.default_zone = effective_default_zone(loaded.config);
  next.config = std::move(loaded.config);
  return next;
}

Result<Firewall::Loaded> Firewall::load(const config::Paths& paths) const {
  return prepare(config::load_config(paths));
}

// firewalld's _start_failsafe: the stock configuration with firewalld.conf's built-in defaults
// and nothing from the system tree. The default tree is read as both trees, so that nothing of
// the system tree can come in; every item then counts as stock.
Result<Firewall::Loaded> Firewall::load_failsafe() const {
  config::LoadResult loaded = config::load_config({paths_.default_dir, paths_.default_dir});
  loaded.config.conf = model::FirewalldConf{};
  loaded.warnings.clear();
  auto as_default = [](auto& items) {
    for (auto& entry : items) entry.second.origin = model::Origin::Default;
  };
  as_default(loaded.config.zones);
  as_default(loaded.config.services);
  as_default(loaded.config.policies);
  as_default(loaded.config.ipsets);
  as_default(loaded.config.icmptypes);
  as_default(loaded.config.helpers);
  return prepare(std::move(loaded));
}

// One batch: the whole table replaced, its rule handles tracked for later deltas.
Status Firewall::apply(const Loaded& next) {
  auto ruleset = compiler::compile(next.config, next.bindings);
  if (!ruleset) return Unexpected{ruleset.error()};
  return kernel_.load(with_panic_state(std::move(*ruleset)));
}

void Firewall::commit(Loaded next, State state) {
  permanent_ = next.config;
  runtime_ = std::move(next.config);
  runtime_.conf.default_zone = next.bindings.default_zone;
  bindings_ = std::move(next.bindings);
  warnings_ = std::move(next.warnings);
  state_ = state;
}

Status Firewall::start() {
  auto next = load(paths_);
  Status applied = next ? apply(*next) : Status{Unexpected{next.error()}};
  if (applied) {
    commit(std::move(*next), State::Running);
    failure_.reset();
    return ok();
  }
  failure_ = applied.error();
  state_ = State::Failed;
  auto fallback = load_failsafe();
  if (!fallback) return Unexpected{fallback.error()};
  if (Status st = apply(*fallback); !st) return st;
  commit(std::move(*fallback), State::Failed);
  return ok();
}

Status Firewall::reload() {
  auto next = load(paths_);
  if (!next) return Unexpected{next.error()};
  if (conf_false(next->config.conf.flush_all_on_reload)) {
    // firewalld moves each runtime interface back into the zone it had (change_zone_of_interface).
    for (const auto& [zone, interfaces] : bindings_.interfaces) {
      if (!next->config.zones.count(zone)) continue;  // "Lost zone": its interfaces are dropped
      for (const auto& interface : interfaces) {
        unbind_interface(next->bindings, interface);
        next->bindings.interfaces[zone].push_back(interface);
      }
    }
  }
  if (Status st = apply(*next); !st) return st;
  commit(std::move(*next), State::Running);
  failure_.reset();
  return ok();
}

Status Firewall::stop() {
  if (conf_false(runtime_.conf.cleanup_on_exit)) return ok();
  nft::Batch batch;
  if (Status st = nft::add_remove_table(batch, {"inet", compiler::kTableName}); !st) return st;
  if (panic_) {  // firewalld's stop sets the policy back to ACCEPT: the panic table goes too
    Status st = nft::add_remove_table(batch, {compiler::kPanicTableFamily, compiler::kPanicTableName});
    if (!st) return st;
  }
  auto replies = netlink_.send(batch);
  if (!replies) return Unexpected{replies.error()};
  return ok();
}

namespace {

// The ranges of `ports` with protocol `protocol`, with their index in `ports`.
std::vector<std::pair<size_t, model::PortRange>> ranges_of(
    const std::vector<model::PortProto>& ports, const std::string& protocol) {
  std::vector<std::pair<size_t, model::PortRange>> out;
  for (size_t i = 0; i < ports.size(); ++i) {
    if (ports[i].protocol != protocol) continue;
    auto range = model::parse_port_range(ports[i].port);
    if (range) out.emplace_back(i, *range);
  }
  return out;
}

bool covers(model::PortRange outer, model::PortRange inner) {
  return outer.first <= inner.first && inner.last <= outer.last;
}

// firewalld's check_timeout; timeouts themselves are not implemented yet.
Status check_timeout(int timeout) {
  if (timeout < 0) {
    return fail(Code::INVALID_VALUE,
                "timeout '" + std::to_string(timeout) + "' is not positive number");
  }
  if (timeout > 0) return fail(Code::COMMAND_FAILED, "timeout is not implemented yet");
  return ok();
}

}  // namespace

Status Firewall::apply_zone_change(model::Config next, const std::string& zone) {
  if (Status st = check_panic(); !st) return st;
  auto ruleset = compiler::compile(next, bindings_);
  if (!ruleset) return Unexpected{ruleset.error()};
  ChangeScope scope;
  scope.zones.push_back(zone);
  if (Status st = kernel_.apply(std::move(*ruleset), &scope); !st) return st;
  runtime_ = std::move(next);
  return ok();
}

Result<std::string> Firewall::add_port(const std::string& zone, const std::string& port,
                                       const std::string& protocol, int timeout) {
  auto name = resolve_zone(zone);
  if (!name) return name;
  if (Status st = check_timeout(timeout); !st) return Unexpected{st.error()};
  auto range = model::parse_port_range(port);
  if (!range) return Unexpected{range.error()};
  if (Status st = model::check_port_protocol(protocol); !st) return Unexpected{st.error()};
  const auto& ports = runtime_.zones.at(*name).value.ports;
  std::vector<model::PortRange> existing;
  for (const auto& [index, have] : ranges_of(ports, protocol)) {
    if (covers(have, *range)) {
      return fail(Code::ALREADY_ENABLED,
                  "'" + port + ":" + protocol + "' already in '" + *name + "'");
    }
    existing.push_back(have);
  }
  // coalescePortRange: the new range swallows the ranges it overlaps.
  auto merged = config::coalesce_port_range(*range, existing);
  model::Config next = runtime_;
  auto& list = next.zones.at(*name).value.ports;
  for (const auto& removed : merged.removed) {
    list.erase(std::remove(list.begin(), list.end(),
                           model::PortProto{config::to_string(removed), protocol}),
               list.end());
  }
  list.push_back({config::to_string(merged.merged), protocol});
  if (Status st = apply_zone_change(std::move(next), *name); !st) return Unexpected{st.error()};
  return name;
}

Result<std::string> Firewall::remove_port(const std::string& zone, const std::string& port,
                                          const std::string& protocol) {
  auto name = resolve_zone(zone);
  if (!name) return name;
  auto range = model::parse_port_range(port);
  if (!range) return Unexpected{range.error()};
  if (Status st = model::check_port_protocol(protocol); !st) return Unexpected{st.error()};
  const auto& ports = runtime_.zones.at(*name).value.ports;
  std::optional<std::pair<size_t, model::PortRange>> found;
  for (const auto& entry : ranges_of(ports, protocol)) {
    if (covers(entry.second, *range)) {
      found = entry;
      break;
    }
  }
  if (!found) {
    return fail(Code::NOT_ENABLED, "'" + port + ":" + protocol + "' not in '" + *name + "'");
  }
  // breakPortRange: what is left of the covering range stays.
  model::Config next = runtime_;
  auto& list = next.zones.at(*name).value.ports;
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(found->first));
  model::PortRange have = found->second;
  if (have.first < range->first) {
    list.push_back({config::to_string({have.first, range->first - 1}), protocol});
  }
  if (range->last < have.last) {
    list.push_back({config::to_string({range->last + 1, have.last}), protocol});
  }
  if (Status st = apply_zone_change(std::move(next), *name); !st) return Unexpected{st.error()};
  return name;
}

Result<bool> Firewall::query_port(const std::string& zone, const std::string& port,
                                  const std::string& protocol) const {
  auto name = resolve_zone(zone);
  if (!name) return Unexpected{name.error()};
  auto range = model::parse_port_range(port);
  if (!range) return false;
  for (const auto& entry : ranges_of(runtime_.zones.at(*name).value.ports, protocol)) {
    if (covers(entry.second, *range)) return true;
  }
  return false;
}

Result<std::string> Firewall::add_service(const std::string& zone, const std::string& service,
                                          int timeout) {
  auto name = resolve_zone(zone);
  if (!name) return name;
  if (Status st = check_timeout(timeout); !st) return Unexpected{st.error()};
  if (!runtime_.services.count(service)) return fail(Code::INVALID_SERVICE, service);
  const auto& services = runtime_.zones.at(*name).value.services;
  if (std::find(services.begin(), services.end(), service) != services.end()) {
    return fail(Code::ALREADY_ENABLED, "'" + service + "' already in '" + *name + "'");
  }
  model::Config next = runtime_;
  next.zones.at(*name).value.services.push_back(service);
  if (Status st = apply_zone_change(std::move(next), *name); !st) return Unexpected{st.error()};
  return name;
}

Result<std::string> Firewall::remove_service(const std::string& zone,
                                             const std::string& service) {
  auto name = resolve_zone(zone);
  if (!name) return name;
  if (!runtime_.services.count(service)) return fail(Code::INVALID_SERVICE, service);
  const auto& services = runtime_.zones.at(*name).value.services;
  if (std::find(services.begin(), services.end(), service) == services.end()) {
    return fail(Code::NOT_ENABLED, "'" + service + "' not in '" + *name + "'");
  }
  model::Config next = runtime_;
  auto& list = next.zones.at(*name).value.services;
  list.erase(std::remove(list.begin(), list.end(), service), list.end());
  if (Status st = apply_zone_change(std::move(next), *name); !st) return Unexpected{st.error()};
  return name;
}

Result<bool> Firewall::query_service(const std::string& zone, const std::string& service) const {
  auto name = resolve_zone(zone);
  if (!name) return Unexpected{name.error()};
  const auto& services = runtime_.zones.at(*name).value.services;
  return std::find(services.begin(), services.end(), service) != services.end();
}

bool Firewall::ipv6_rpfilter() const { return !conf_false(runtime_.conf.ipv6_rpfilter); }

std::vector<std::string> Firewall::zone_names() const { return names(runtime_.zones); }
std::vector<std::string> Firewall::service_names() const { return names(runtime_.services); }
std::vector<std::string> Firewall::icmptype_names() const { return names(runtime_.icmptypes); }
std::vector<std::string> Firewall::policy_names() const { return names(runtime_.policies); }
std::vector<std::string> Firewall::ipset_names() const { return names(runtime_.ipsets); }
std::vector<std::string> Firewall::helper_names() const { return names(runtime_.helpers); }

Result<std::string> Firewall::resolve_zone(const std::string& zone) const {
  const std::string& name = zone.empty() ? default_zone() : zone;
  if (!runtime_.zones.count(name)) return fail(Code::INVALID_ZONE, name);
  return name;
}

Result<ZoneSettings> Firewall::zone_settings(const std::string& zone) const {
  auto name = resolve_zone(zone);
  if (!name) return Unexpected{name.error()};
  auto bound = [&](const auto& map) {
    auto it = map.find(*name);
    return it == map.end() ? std::vector<std::string>{} : it->second;
  };
  return make_zone_settings(runtime_.zones.at(*name).value, bound(bindings_.interfaces),
                            bound(bindings_.sources));
}

Result<const model::Service*> Firewall::service(const std::string& name) const {
  auto it = runtime_.services.find(name);
  if (it == runtime_.services.end()) return fail(Code::INVALID_SERVICE, name);
  return &it->second.value;
}

Result<const model::IcmpType*> Firewall::icmptype(const std::string& name) const {
  auto it = runtime_.icmptypes.find(name);
  if (it == runtime_.icmptypes.end()) return fail(Code::INVALID_ICMPTYPE, name);
  return &it->second.value;
}

std::vector<ActiveZone> Firewall::active_zones() const {
  std::vector<ActiveZone> out;
  for (const auto& [zone, item] : runtime_.zones) {
    ActiveZone active{zone, {}, {}};
    if (auto it = bindings_.interfaces.find(zone); it != bindings_.interfaces.end()) {
      active.interfaces = it->second;
    }
    if (auto it = bindings_.sources.find(zone); it != bindings_.sources.end()) {
      active.sources = it->second;
    }
    if (!active.interfaces.empty() || !active.sources.empty()) out.push_back(std::move(active));
  }
  return out;
}

namespace {

std::string zone_holding(const std::map<std::string, std::vector<std::string>>& bound,
                         const std::string& id) {
  for (const auto& [zone, ids] : bound) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return zone;
  }
  return {};
}

}  // namespace

std::string Firewall::zone_of_interface(const std::string& interface) const {
  return zone_holding(bindings_.interfaces, interface);
}

std::string Firewall::zone_of_source(const std::string& source) const {
  return zone_holding(bindings_.sources, source);
}

}  // namespace fwctl::core
