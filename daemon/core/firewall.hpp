#pragma once
// The firewall: what fwctld serves (DESIGN.md section 2, core). It owns the permanent
// configuration (the files), the runtime configuration (what is in force, a copy of the
// permanent one until runtime changes exist), the runtime interface/source bindings and the
// state firewalld reports ("INIT", "RUNNING", "FAILED"), and it is the only thing that programs
// the kernel, through the injected nft::Netlink, one batch per change.
//
//   nft::MnlNetlink netlink = ...;
//   core::Firewall fw({"/usr/lib/firewalld", "/etc/firewalld"}, *netlink);
//   fw.start();    // load, compile, replace table inet firewalld in one batch
//   fw.reload();   // SIGHUP, D-Bus reload
//   fw.stop();     // SIGTERM: remove the table when CleanupOnExit=yes
//
// Single-threaded: call it from the event loop only.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "config/loader.hpp"
#include "core/kernel_ruleset.hpp"
#include "core/permanent.hpp"
#include "core/zone_settings.hpp"
#include "model/config.hpp"
#include "nft/netlink.hpp"

namespace fwctl::core {

enum class State { Init, Running, Failed };

// "INIT", "RUNNING" or "FAILED": the D-Bus property `state`.
const char* to_string(State state);

struct ActiveZone {
  std::string zone;
  std::vector<std::string> interfaces;
  std::vector<std::string> sources;
  bool operator==(const ActiveZone&) const = default;
};

class Firewall {
 public:
  Firewall(config::Paths paths, nft::Netlink& netlink)
      : paths_(std::move(paths)), netlink_(netlink), kernel_(netlink) {}
  Firewall(const Firewall&) = delete;
  Firewall& operator=(const Firewall&) = delete;

  // Loads the configuration, compiles it and replaces table inet firewalld in one batch: state
  // RUNNING. When the configuration cannot be used (a file that does not load, a failed
  // start-up check, a reference the compiler cannot resolve) or the kernel refuses it, falls back
  // as firewalld does to the stock configuration alone (the default tree, built-in firewalld.conf
  // defaults) and applies that: state FAILED, still ok, and failure() tells why. Returns an error
  // (state FAILED, nothing applied) only when even the fallback cannot be put in force.
  Status start();

  // Re-reads the configuration and replaces the table in one batch. A configuration that does not
  // check out is refused before anything changes (firewalld's check_on_disk_config): the error is
  // returned and the runtime state, kernel included, stays as it was. A kernel refusal also leaves
  // everything as it was. With FlushAllOnReload=no, interfaces bound at runtime stay in their zone
  // (if it still exists); with the default (yes) the bindings come from the files alone.
  Status reload();

  // At exit: removes table inet firewalld (one batch) when firewalld.conf's CleanupOnExit is on;
  // otherwise leaves the ruleset in the kernel. Not an error when the table is already gone.
  Status stop();

  // Problems start() or reload() logged and went on with: warnings of the loader, references
  // firewalld only logs (check_runtime_references), an invalid default zone.
  const std::vector<Error>& warnings() const { return warnings_; }

  State state() const { return state_; }
  // Why the last start() or reload() ended in state FAILED; nullptr otherwise.
  const Error* failure() const { return failure_ ? &*failure_ : nullptr; }
  const model::Config& permanent() const { return permanent_; }
  const model::Config& runtime() const { return runtime_; }
  const compiler::RuntimeBindings& bindings() const { return bindings_; }

  // firewalld.conf's IPv6_rpfilter, as in force.
  bool ipv6_rpfilter() const;

  // The zone used when a request names none ("" on D-Bus).
  const std::string& default_zone() const { return bindings_.default_zone; }
  // Runtime item names, sorted as firewalld lists them.
  std::vector<std::string> zone_names() const;
  std::vector<std::string> service_names() const;
  std::vector<std::string> icmptype_names() const;
  std::vector<std::string> policy_names() const;
  std::vector<std::string> ipset_names() const;
  std::vector<std::string> helper_names() const;

  // The runtime settings of `zone` ("" = the default zone); INVALID_ZONE for an unknown one.
  Result<ZoneSettings> zone_settings(const std::string& zone) const;
  // INVALID_SERVICE for an unknown service.
  Result<const model::Service*> service(const std::string& name) const;
  // INVALID_ICMPTYPE for an unknown ICMP type.
  Result<const model::IcmpType*> icmptype(const std::string& name) const;
  // Zones with at least one interface or source bound, by name.
  std::vector<ActiveZone> active_zones() const;
  // The zone `interface` (or `source`) is bound to; empty when none.
  std::string zone_of_interface(const std::string& interface) const;
  std::string zone_of_source(const std::string& source) const;

  // Runtime changes of a zone ("" = the default zone), as firewalld's fw_zone does them: the
  // change is applied to a copy of the runtime configuration, compiled, sent as one delta batch
  // (KernelRuleset::apply, scoped to the zone), and the runtime configuration changes only once
  // the kernel accepted it. Each returns the zone's name. Errors: INVALID_ZONE, INVALID_PORT,
  // INVALID_PROTOCOL, INVALID_SERVICE, INVALID_VALUE (negative timeout), ALREADY_ENABLED
  // "'8080:tcp' already in 'public'", NOT_ENABLED "'8080:tcp' not in 'public'", COMMAND_FAILED
  // (the kernel refused; timeout > 0 is not implemented yet).
  Result<std::string> add_port(const std::string& zone, const std::string& port,
                               const std::string& protocol, int timeout = 0);
  Result<std::string> remove_port(const std::string& zone, const std::string& port,
                                  const std::string& protocol);
  // True when a port entry of `protocol` covers all of `port`; INVALID_ZONE only.
  Result<bool> query_port(const std::string& zone, const std::string& port,
                          const std::string& protocol) const;
  Result<std::string> add_service(const std::string& zone, const std::string& service,
                                  int timeout = 0);
  Result<std::string> remove_service(const std::string& zone, const std::string& service);
  Result<bool> query_service(const std::string& zone, const std::string& service) const;

  // What the kernel holds, as fwctl put it there.
  const KernelRuleset& kernel() const { return kernel_; }

 private:
  struct Loaded {
    model::Config config;
    compiler::RuntimeBindings bindings;
    std::vector<Error> warnings;
  };

  static Result<Loaded> prepare(config::LoadResult loaded);
  Result<Loaded> load(const config::Paths& paths) const;
  Result<Loaded> load_failsafe() const;
  Status apply(const Loaded& next);
  void commit(Loaded next, State state);
  Result<std::string> resolve_zone(const std::string& zone) const;
  // Compiles `next` with the current bindings, applies the delta for `zone`, then commits it.
  Status apply_zone_change(model::Config next, const std::string& zone);

  config::Paths paths_;
  nft::Netlink& netlink_;
  KernelRuleset kernel_;
  State state_ = State::Init;
  model::Config permanent_;
  model::Config runtime_;
  compiler::RuntimeBindings bindings_;
  std::vector<Error> warnings_;
  std::optional<Error> failure_;

  // --- permanent configuration (feat/permanent: core/permanent.hpp, firewall_permanent.cpp) ---
 public:
  // Changes the permanent configuration (the files and permanent()); the runtime follows on
  // reload. Refuses every change with RUNNING_BUT_FAILED while the state is FAILED.
  Permanent& permanent_store() { return permanent_store_; }
  const Permanent& permanent_store() const { return permanent_store_; }
  // firewalld's runtimeToPermanent: every runtime zone (with its runtime interfaces and sources)
  // and policy is written as a system item, and every service, ICMP type, ipset (with its
  // runtime entries) and helper that differs from its permanent settings. An item that fails is
  // skipped, the rest is saved, and `failure` is RT_TO_PERM_FAILED. RUNNING_BUT_FAILED in state
  // FAILED, nothing written.
  Result<SavedItems> runtime_to_permanent();
  // firewalld's checkPermanentConfig: the files loaded and checked as start() does, without
  // touching anything; the first problem.
  Status check_permanent_config() const;

 private:
  Permanent permanent_store_{paths_, permanent_, [this] { return state_ == State::Failed; }};
};

}  // namespace fwctl::core
