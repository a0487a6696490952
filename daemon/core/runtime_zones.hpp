#pragma once
// The zones at runtime, as firewalld 1.3.3's fw_zone and fw.set_default_zone: their elements
// (a port, service, rich rule, ... added, removed, queried), the bindings of interfaces and
// sources, the default zone, the timed additions, and who bound an interface (to "", which
// follows the default zone; NetworkManager). A part of core::Firewall (docs/architecture.md,
// "The parts of core"): it owns the bindings, the timers and those two lists. The zones
// themselves stay in the runtime configuration, which the compiler reads whole and the whole
// loads replace: the part is given a view of it.
//
// A change is checked here and described as a RuntimeChange for the firewall's commit point:
// one element as an edit made in place (InPlaceEdit: the zone is not copied), a binding or the
// default zone as the next bindings. The commit point sends it as one batch and makes it the
// runtime state only once the kernel accepted it (adopt() for the bindings); then the part
// records what follows (the interface's binder, the timer). On error nothing changed.
//
//   RuntimeZones zones(runtime, [&](RuntimeChange c) { return commit_runtime(std::move(c)); });
//   zones.add_item("public", {ZoneElement::Port, {"8080", "tcp"}}, 30);   // gone in 30 s
//   zones.add_interface("", "eth0");   // follows the default zone
//
// Single-threaded, as the firewall.

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "core/change_scope.hpp"
#include "core/runtime_change.hpp"
#include "core/zone_elements.hpp"
#include "core/zone_settings.hpp"
#include "core/zone_timers.hpp"
#include "model/config.hpp"

namespace fwctl::core {

// Who asks for an interface binding: NetworkManager's bindings stay its own (firewalld's
// _nm_assigned_interfaces).
enum class Binder { Other, NetworkManager };

struct ActiveZone {
  std::string zone;
  std::vector<std::string> interfaces;
  std::vector<std::string> sources;
  bool operator==(const ActiveZone&) const = default;
};

class RuntimeZones {
 public:
  // The firewall's commit point: sends the change and, once the kernel accepted it, makes it
  // the runtime state (adopt() for the bindings); on error nothing changed.
  using Commit = std::function<Status(RuntimeChange)>;
  using Clock = std::function<SteadyTime()>;

  // `runtime`: the runtime configuration (it outlives the part).
  RuntimeZones(model::Config& runtime, Commit commit)
      : runtime_(runtime), commit_(std::move(commit)) {}
  RuntimeZones(const RuntimeZones&) = delete;
  RuntimeZones& operator=(const RuntimeZones&) = delete;

  // The clock timeouts count on (steady_clock::now unless a test swaps it).
  void set_clock(Clock clock) { clock_ = std::move(clock); }

  // ---- Read (runtime_zones.cpp) -------------------------------------------------------------
  const compiler::RuntimeBindings& bindings() const { return bindings_; }
  // The zone used when a request names none ("" on D-Bus).
  const std::string& default_zone() const { return bindings_.default_zone; }
  // The zone `zone` names ("" = the default zone); INVALID_ZONE for an unknown one.
  Result<std::string> resolve(const std::string& zone) const;
  // The runtime settings of `zone` ("" = the default zone) with its bindings.
  Result<ZoneSettings> settings(const std::string& zone) const;
  // Zones with at least one interface or source bound, by name.
  std::vector<ActiveZone> active() const;
  // The zone `interface` (or `source`) is bound to; empty when none.
  std::string zone_of_interface(const std::string& interface) const;
  std::string zone_of_source(const std::string& source) const;
  // firewalld's _nm_assigned_interfaces: runtimeToPermanent leaves them out of the zone files,
  // and a reload that flushes the runtime bindings keeps them in their zones.
  const std::vector<std::string>& nm_interfaces() const { return nm_interfaces_; }

  // ---- Elements (runtime_zones.cpp, zone_elements.hpp) --------------------------------------
  // firewalld's fw_zone.add_*/remove_*/query_* of every element kind on `zone` ("" = the default
  // zone). Returns the zone's name; for a rich rule the zone as given, "" included, as firewalld
  // does. Errors: INVALID_ZONE, those of zone_elements.hpp (INVALID_PORT, ALREADY_ENABLED
  // "'8080:tcp' already in 'public'", NOT_ENABLED, ...), INVALID_VALUE for a negative timeout,
  // PANIC_MODE and COMMAND_FAILED from the commit point. timeout > 0 (not for
  // icmp-block-inversion and forward): the item goes away by itself that many seconds later,
  // see expire(); a remove cancels it.
  Result<std::string> add_item(const std::string& zone, const ZoneItem& item, int timeout = 0);
  Result<std::string> remove_item(const std::string& zone, const ZoneItem& item);
  Result<bool> query_item(const std::string& zone, const ZoneItem& item) const;

  // zone.setZoneSettings2 at runtime (runtime_zones_settings.cpp): the keys given replace the
  // zone's lists and flags, in one batch. Checks as firewalld's (the whole zone first,
  // INVALID_SETTING for a string key).
  Status set_settings(const std::string& zone, const ZoneSettingsUpdate& update);

  // When the next timed item is due; nullopt when none is pending.
  std::optional<SteadyTime> next_deadline() const { return timers_.next_deadline(); }
  // Removes every timed item due at `now` in one batch and returns them, for the …Removed
  // signals. An item already gone (removed another way, a reload) is skipped silently, as
  // firewalld's timer callback fails then. COMMAND_FAILED when the kernel refuses: the items
  // stay, their timers are spent (firewalld's fire once too).
  Result<std::vector<TimedItem>> expire(SteadyTime now);

  // ---- Bindings (runtime_zones_bindings.cpp) ------------------------------------------------
  // As firewalld's fw_zone: ZONE_ALREADY_SET, ZONE_CONFLICT, UNKNOWN_INTERFACE, UNKNOWN_SOURCE,
  // INVALID_INTERFACE, INVALID_ADDR, INVALID_IPSET. An interface added to "" follows the default
  // zone when it changes. Each returns the zone. `by` NetworkManager: the binding stays
  // NetworkManager's (nm_interfaces()) until the interface is removed or moved by someone else.
  Result<std::string> add_interface(const std::string& zone, const std::string& interface,
                                    Binder by = Binder::Other);
  Result<std::string> change_zone_of_interface(const std::string& zone,
                                               const std::string& interface,
                                               Binder by = Binder::Other);
  Result<std::string> remove_interface(const std::string& zone, const std::string& interface);
  Result<bool> query_interface(const std::string& zone, const std::string& interface) const;
  Result<std::string> add_source(const std::string& zone, const std::string& source);
  Result<std::string> change_zone_of_source(const std::string& zone, const std::string& source);
  Result<std::string> remove_source(const std::string& zone, const std::string& source);
  Result<bool> query_source(const std::string& zone, const std::string& source) const;

  // firewalld's set_default_zone, described: the zone's name and the change that re-routes the
  // interfaces added to "" (ZONE_ALREADY_SET for the current one). The firewall writes
  // firewalld.conf around its commit.
  struct DefaultZoneChange {
    std::string zone;
    RuntimeChange change;
  };
  Result<DefaultZoneChange> default_zone_change(const std::string& zone) const;

  // ---- For the firewall: the commit point, the whole loads, snapshots -----------------------
  // By the commit point only, once the kernel accepted the change that brought `next`.
  void adopt(compiler::RuntimeBindings next) { bindings_ = std::move(next); }
  // A whole load (start, reload, restore) put `bindings` in force: NetworkManager's interfaces
  // no longer bound are forgotten.
  void loaded(compiler::RuntimeBindings bindings);
  // What a reload with FlushAllOnReload=no carries over into `next` (bindings of the loaded
  // configuration `config`), as firewalld's reload: each runtime interface back in its zone, if
  // that zone still exists.
  void keep_interfaces(const model::Config& config, compiler::RuntimeBindings& next) const;
  // What a reload that flushes the runtime bindings keeps: NetworkManager's interfaces in their
  // zones (firewalld asks NetworkManager for them then; it gave us exactly these); one bound to
  // "" follows the new default zone, one whose zone is gone is dropped.
  void keep_nm_interfaces(const model::Config& config, compiler::RuntimeBindings& next) const;

  // What a snapshot (core/confirmation.hpp) keeps of the part besides the bindings.
  struct Saved {
    std::vector<std::string> default_zone_interfaces;
    std::vector<std::string> nm_interfaces;
    ZoneTimers timers;
  };
  Saved saved() const { return {default_zone_interfaces_, nm_interfaces_, timers_}; }
  void restore(Saved saved);

 private:
  Result<std::string> edit(const std::string& zone, const ZoneItem& item, bool add);
  // What a binding change can touch (runtime_zones_bindings.cpp).
  ChangeScope binding_scope(std::initializer_list<std::string> zones) const;
  Status commit_bindings(compiler::RuntimeBindings next, ChangeScope scope);
  Status check_source(const std::string& source) const;

  model::Config& runtime_;
  Commit commit_;
  Clock clock_ = [] { return std::chrono::steady_clock::now(); };
  compiler::RuntimeBindings bindings_;
  std::vector<std::string> default_zone_interfaces_;  // firewalld's _default_zone_interfaces
  std::vector<std::string> nm_interfaces_;            // firewalld's _nm_assigned_interfaces
  ZoneTimers timers_;
};

}  // namespace fwctl::core
