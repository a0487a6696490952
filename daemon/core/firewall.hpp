#pragma once
// The firewall: what fwctld serves (docs/architecture.md, core). It composes the parts that
// each own one piece of state (the zones and their bindings, the policies, the ipsets, panic
// mode, the direct interface, lockdown, the permanent store) and owns what ties them together:
// the runtime configuration (what is in force, a copy of the permanent one until runtime changes
// exist), the state firewalld reports ("INIT", "RUNNING", "FAILED"), and the two commit points
// through which every change reaches the kernel (the injected nft::Netlink), one batch each.
//
//   nft::MnlNetlink netlink = ...;
//   core::Firewall fw({"/usr/lib/firewalld", "/etc/firewalld"}, *netlink);
//   fw.start();    // load, compile, replace table inet firewalld in one batch
//   fw.reload();   // SIGHUP, D-Bus reload
//   fw.stop();     // SIGTERM: remove the table when CleanupOnExit=yes
//
// Single-threaded: call it from the event loop only.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/command_runner.hpp"
#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "config/loader.hpp"
#include "core/change_group.hpp"
#include "core/direct.hpp"
#include "core/firewall_policy.hpp"
#include "core/kernel_ruleset.hpp"
#include "core/lockdown.hpp"
#include "core/panic_mode.hpp"
#include "core/permanent.hpp"
#include "core/runtime_change.hpp"
#include "core/runtime_ipsets.hpp"
#include "core/runtime_policies.hpp"
#include "core/runtime_zones.hpp"
#include "core/zone_settings.hpp"
#include "model/config.hpp"
#include "nft/netlink.hpp"

namespace fwctl::core {

enum class State { Init, Running, Failed };

// "INIT", "RUNNING" or "FAILED": the D-Bus property `state`.
const char* to_string(State state);

class Firewall {
 public:
  Firewall(config::Paths paths, nft::Netlink& netlink)
      : paths_(std::move(paths)), netlink_(netlink), kernel_(netlink) {
    direct_.set_before_first_entry([this] { return ipsets_.create_native(); });
  }
  Firewall(const Firewall&) = delete;
  Firewall& operator=(const Firewall&) = delete;

  // ---- Start, reload, stop (firewall.cpp) ------------------------------------------------
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
  const compiler::RuntimeBindings& bindings() const { return zones_.bindings(); }

  // ---- The runtime configuration, read ---------------------------------------------------
  // firewalld.conf's IPv6_rpfilter, as in force.
  bool ipv6_rpfilter() const;

  // The zone used when a request names none ("" on D-Bus).
  const std::string& default_zone() const { return zones_.default_zone(); }
  // Runtime item names, sorted as firewalld lists them.
  std::vector<std::string> zone_names() const;
  std::vector<std::string> service_names() const;
  std::vector<std::string> icmptype_names() const;
  std::vector<std::string> policy_names() const;
  std::vector<std::string> ipset_names() const;
  std::vector<std::string> helper_names() const;

  // The runtime settings of `zone` ("" = the default zone); INVALID_ZONE for an unknown one.
  Result<ZoneSettings> zone_settings(const std::string& zone) const {
    return zones_.settings(zone);
  }
  // INVALID_SERVICE for an unknown service.
  Result<const model::Service*> service(const std::string& name) const;
  // INVALID_ICMPTYPE for an unknown ICMP type.
  Result<const model::IcmpType*> icmptype(const std::string& name) const;
  Result<const model::Helper*> helper(const std::string& name) const;
  // Zones with at least one interface or source bound, by name.
  std::vector<ActiveZone> active_zones() const { return zones_.active(); }
  // The zone `interface` (or `source`) is bound to; empty when none.
  std::string zone_of_interface(const std::string& interface) const {
    return zones_.zone_of_interface(interface);
  }
  std::string zone_of_source(const std::string& source) const {
    return zones_.zone_of_source(source);
  }

  // What the kernel holds, as fwctl put it there.
  const KernelRuleset& kernel() const { return kernel_; }
  // The kernel, for what only reads it (core/counters.hpp).
  nft::Netlink& netlink() const { return netlink_; }

  // ---- Zones at runtime (core::RuntimeZones; firewall_zones.cpp) --------------------------
  // core::RuntimeZones' (runtime_zones.hpp: the checks, errors and what each returns); every
  // change goes through commit_runtime as one batch, nothing changed on error. PANIC_MODE in
  // panic mode, COMMAND_FAILED when the kernel refuses.
  Result<std::string> add_zone_item(const std::string& zone, const ZoneItem& item,
                                    int timeout = 0) {
    return zones_.add_item(zone, item, timeout);
  }
  Result<std::string> remove_zone_item(const std::string& zone, const ZoneItem& item) {
    return zones_.remove_item(zone, item);
  }
  Result<bool> query_zone_item(const std::string& zone, const ZoneItem& item) const {
    return zones_.query_item(zone, item);
  }
  // Shorthands of the three above.
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

  Result<std::string> add_interface(const std::string& zone, const std::string& interface,
                                    Binder by = Binder::Other) {
    return zones_.add_interface(zone, interface, by);
  }
  Result<std::string> change_zone_of_interface(const std::string& zone,
                                               const std::string& interface,
                                               Binder by = Binder::Other) {
    return zones_.change_zone_of_interface(zone, interface, by);
  }
  const std::vector<std::string>& nm_interfaces() const { return zones_.nm_interfaces(); }
  Result<std::string> remove_interface(const std::string& zone, const std::string& interface) {
    return zones_.remove_interface(zone, interface);
  }
  Result<bool> query_interface(const std::string& zone, const std::string& interface) const {
    return zones_.query_interface(zone, interface);
  }
  Result<std::string> add_source(const std::string& zone, const std::string& source) {
    return zones_.add_source(zone, source);
  }
  Result<std::string> change_zone_of_source(const std::string& zone, const std::string& source) {
    return zones_.change_zone_of_source(zone, source);
  }
  Result<std::string> remove_source(const std::string& zone, const std::string& source) {
    return zones_.remove_source(zone, source);
  }
  Result<bool> query_source(const std::string& zone, const std::string& source) const {
    return zones_.query_source(zone, source);
  }

  // firewalld's set_default_zone: ZONE_ALREADY_SET for the current one; writes DefaultZone to
  // <system dir>/firewalld.conf, then re-routes in one batch (the file is restored on refusal).
  Result<std::string> set_default_zone(const std::string& zone);

  // zone.setZoneSettings2 at runtime (RuntimeZones::set_settings). INVALID_OPTION/INVALID_TYPE
  // come from the caller's parsing.
  Status set_zone_settings(const std::string& zone, const ZoneSettingsUpdate& update) {
    return zones_.set_settings(zone, update);
  }

  // ---- Group commit (core/change_group.cpp, issue 13) --------------------------------------
  // Between begin_group() and end_group(), a runtime change of one zone element that splices
  // (the add/remove calls above) is staged: made to the runtime state at once, its kernel
  // messages joined to the group's one batch. Any other change, or one that would touch a rule
  // added in the group, is refused with nothing changed and unstaged() true: end the group, then
  // make it alone. end_group() sends the batch: accepted, every staged change stands; refused,
  // every staged change is undone (runtime, timers, kernel record as at begin_group()) and the
  // kernel's error returned: then make each change again alone, so that each caller gets its
  // own answer and a change the kernel refuses changes nothing.
  void begin_group();
  bool unstaged() const;
  Status end_group();

  // The timed additions (RuntimeZones::expire).
  std::optional<SteadyTime> next_deadline() const { return zones_.next_deadline(); }
  Result<std::vector<TimedItem>> expire(SteadyTime now) { return zones_.expire(now); }

  // ---- Policies, ipsets, panic mode, log-denied, reset ---------------------------------
  // (firewall_policy.cpp, firewall_ipset.cpp, firewall_panic.cpp, firewall_log_denied.cpp;
  // the parts: runtime_policies.hpp, runtime_ipsets.hpp, panic_mode.hpp)
  // The runtime policies: core::RuntimePolicies' (see there for the checks and errors); a
  // change goes through commit_runtime. INVALID_POLICY for an unknown policy.
  Result<const model::Policy*> policy(const std::string& name) const;
  // Policies with an ingress and an egress zone in force, by name.
  std::vector<ActivePolicy> active_policies() const;
  // firewalld's setPolicySettings (RuntimePolicies::change_settings): one batch; nothing
  // changes on error. PANIC_MODE when it would change something in panic mode.
  Status set_policy_settings(const std::string& name, const PolicyUpdate& update);

  // The runtime ipsets and their entries, as firewalld's fw_ipset: core::RuntimeIpsets' (see
  // there for the errors); its entry changes go through commit_runtime. INVALID_IPSET for an
  // unknown ipset.
  Result<const model::IpSet*> ipset(const std::string& name) const;
  bool query_ipset(const std::string& name) const { return ipsets_.has(name); }
  Status add_ipset_entry(const std::string& name, const std::string& entry);
  Status remove_ipset_entry(const std::string& name, const std::string& entry);
  Result<bool> query_ipset_entry(const std::string& name, const std::string& entry) const;
  Status set_ipset_entries(const std::string& name, const std::vector<std::string>& entries);

  // Panic mode: table inet firewalld_policy_drop drops every packet (compiler/panic.hpp).
  // ALREADY_ENABLED "panic mode already enabled", NOT_ENABLED "panic mode is not enabled",
  // COMMAND_FAILED when the kernel refuses. The panic table survives reloads and runtime
  // changes. The state is core::PanicMode's; the change goes through commit_runtime.
  Status enable_panic_mode();
  Status disable_panic_mode();
  bool query_panic_mode() const { return panic_.on(); }
  // PANIC_MODE while panic mode is on: firewalld refuses zone and policy changes then.
  Status check_panic() const { return panic_.check(); }

  // The LogDenied value in force.
  const std::string& log_denied() const { return runtime_.conf.log_denied; }
  // firewalld's set_log_denied: INVALID_VALUE "'x', choose from 'all','unicast',..." ,
  // ALREADY_SET when it is the value in force; otherwise writes LogDenied to firewalld.conf
  // (the caller then reloads, as firewalld's setLogDenied does).
  Status set_log_denied(const std::string& value);
  // firewalld's resetToDefaults: every item file of the system tree is renamed NAME.xml.old and
  // firewalld.conf is rewritten with the built-in defaults (the caller then reloads).
  Status reset_to_defaults();

  // ---- The direct interface and lockdown (firewall_direct_lockdown.cpp) ------------------
  // firewalld's fw_direct and fw_policies. start() applies the permanent direct configuration
  // (SYSTEM_DIR/direct.xml) after the ruleset and sets lockdown from firewalld.conf and
  // SYSTEM_DIR/lockdown-whitelist.xml; reload() removes the runtime direct configuration and
  // applies the permanent one again (with FlushAllOnReload=no, runtime-only
  // entries are re-added too); stop() removes it when CleanupOnExit is on. The permanent direct
  // configuration goes in all or nothing (firewalld's one transaction): when a tool refuses an
  // entry, start() falls back to the stock configuration without direct entries (state FAILED)
  // and reload() answers COMMAND_FAILED "Direct: …" with the new ruleset in force, no permanent
  // direct entry and state FAILED. A runtime-only entry that fails to go back is a warning.
  // While the direct interface holds anything, every ipset exists as a native ipset too
  // (core/native_ipsets.hpp): created before the first direct entry goes in, entry changes
  // mirrored (native first, undone when the kernel refuses the nft side), all destroyed at
  // reload before the direct entries go back, and at stop.
  // Both own their state, runtime and permanent: the bus changes them through the part itself
  // (bus/direct_adaptor.hpp, config_direct_adaptor.hpp, policies_adaptor.hpp,
  // config_policies_adaptor.hpp).
  Direct& direct() { return direct_; }
  const Direct& direct() const { return direct_; }
  Lockdown& lockdown() { return lockdown_; }
  const Lockdown& lockdown() const { return lockdown_; }

  // ---- The permanent configuration (firewall_permanent.cpp, core/permanent.hpp) ----------
  // Changes the permanent configuration (the files and permanent()); the runtime follows on
  // reload. Refuses every change with RUNNING_BUT_FAILED while the state is FAILED.
  Permanent& permanent_store() { return permanent_store_; }
  const Permanent& permanent_store() const { return permanent_store_; }
  // firewalld's runtimeToPermanent: every runtime zone (with its runtime interfaces and sources)
  // and policy is written as a system item, and every service, ICMP type, ipset (with its
  // runtime entries) and helper that differs from its permanent settings. An item that fails is
  // skipped, the rest is saved, and `failure` is RT_TO_PERM_FAILED. RUNNING_BUT_FAILED in state
  // FAILED, nothing written.
  // `left_out`: interfaces handed to NetworkManager instead (bus/network_manager.hpp); those
  // NetworkManager bound itself are always left out.
  Result<SavedItems> runtime_to_permanent(const std::vector<std::string>& left_out = {});
  // firewalld's checkPermanentConfig: the files loaded and checked as start() does, without
  // touching anything; the first problem. What firewalld logs while reading the files (load
  // warnings, a missing firewalld.conf) is added to `logged`, for the caller to log.
  Status check_permanent_config(std::vector<Error>& logged) const;

  // ---- Snapshots of the runtime state (firewall_snapshot.cpp; core/confirmation.hpp) -----
  // What a change that undoes itself puts back: the runtime configuration, the bindings and
  // the default zone, the timed additions, the state. Not in it: panic mode, the direct
  // interface, lockdown, and the entries of ipsets with a timeout (kernel only).
  struct Snapshot {
    model::Config runtime;
    compiler::RuntimeBindings bindings;
    RuntimeZones::Saved zones;  // who bound which interface, the timed additions
    State state = State::Init;
    std::optional<Error> failure;
    std::vector<Error> warnings;
  };
  Snapshot snapshot() const;
  // Puts `snapshot` in force: compiled and loaded as one batch that replaces the table whole
  // (the panic table kept as it is), then made the runtime state. A default zone that changed
  // since is written back to firewalld.conf. Nothing changes when the kernel refuses.
  Status restore(const Snapshot& snapshot);

  // ---- What tests and the daemon plug in: clock, command runner, sysctl directory --------
  using Clock = std::function<SteadyTime()>;
  // The clock timeouts count on (steady_clock::now unless a test swaps it).
  void set_clock(Clock clock) { zones_.set_clock(std::move(clock)); }

  // The runner of iptables, ip6tables, ebtables and ipset; without one, direct changes fail.
  void set_command_runner(CommandRunner& runner) {
    direct_.set_runner(&runner);
    ipsets_.set_runner(&runner);
  }

  // Where the sysctl files are (normally /proc/sys): a start, a reload or a runtime change that
  // enables a masquerade or a forward port to another address turns the forwarding of its family
  // on there, as firewalld does. Empty (the default): nothing is written.
  void set_sysctl_dir(std::string dir) { sysctl_dir_ = std::move(dir); }

 private:
  struct Loaded {
    model::Config config;  // the runtime: combined zones merged (config/combined_zones.hpp)
    std::optional<model::Config> permanent;  // as loaded; none: the one in force stays
    compiler::RuntimeBindings bindings;
    std::vector<Error> warnings;
  };

  static Result<Loaded> prepare(config::LoadResult loaded);
  Result<Loaded> load(const config::Paths& paths) const;
  Result<Loaded> load_failsafe() const;
  // The whole-load commit point (start, reload, restore): `next` compiled and sent as one batch
  // that replaces table inet firewalld, and made the runtime state (in `state`) only once the
  // kernel accepted it. On error nothing changed; `compile_failed` tells whether the compiler
  // refused it. Runtime changes go through commit_runtime instead (a delta, not a whole load).
  Status load_runtime(Loaded next, State state, bool* compile_failed = nullptr);
  void adopt(Loaded next, State state);
  // The direct interface and lockdown: see the public part.
  void load_direct_lockdown();
  // COMMAND_FAILED "Direct: …" when the permanent direct configuration did not go in.
  Status apply_direct(bool keep_runtime);
  Status check_direct_lockdown_files() const;
  void stop_direct();
  // The one commit point of every runtime change (firewall_commit.cpp, runtime_change.hpp):
  // the kernel's part sent as one batch, then, once the kernel accepted it, the change made the
  // runtime state. On error nothing changed.
  Status commit_runtime(RuntimeChange change);
  Status stage_runtime(RuntimeChange change);  // commit_runtime while a group is open
  Status send_change(const RuntimeChange& change);
  Status send_entries(const EntryEdit& edit);
  // `ruleset` with the panic table when panic mode is on (PanicMode::with_state).
  compiler::Ruleset with_panic_state(compiler::Ruleset ruleset) const {
    return panic_.with_state(std::move(ruleset));
  }
  // After the runtime and the bindings changed from `before` (forwarding_needs of the old state).
  void enable_ip_forwarding(const std::set<std::string>& before) const;
  std::set<std::string> forwarding_needs() const;
  // NftablesTableOwner (firewall_table_owner.cpp): the kernel's support, probed once, and the
  // runtime's value set to "no" (with firewalld's log line) when it has none.
  bool table_owner_supported();
  void check_table_owner(model::Config& runtime, std::vector<Error>& warnings);

  // State. The order matters: the parts refer to members declared before them.
  config::Paths paths_;
  nft::Netlink& netlink_;
  KernelRuleset kernel_;
  State state_ = State::Init;
  model::Config permanent_;
  model::Config runtime_;
  std::vector<Error> warnings_;
  std::optional<Error> failure_;
  RuntimeZones zones_{runtime_,
                      [this](RuntimeChange change) { return commit_runtime(std::move(change)); }};
  RuntimeIpsets ipsets_{runtime_.ipsets, netlink_,
                        [this](RuntimeChange change) { return commit_runtime(std::move(change)); }};
  RuntimePolicies policies_{runtime_};
  Direct direct_{[this](const std::string& name) { return runtime_.zones.count(name) > 0; },
                 paths_};
  Lockdown lockdown_{paths_};
  PanicMode panic_;
  Permanent permanent_store_{paths_, permanent_, [this] { return state_ == State::Failed; }};
  std::string sysctl_dir_;
  std::optional<bool> table_owner_supported_;
  std::optional<ChangeGroup> group_;  // between begin_group() and end_group()
};

}  // namespace fwctl::core
