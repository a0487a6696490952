#pragma once
// The permanent configuration: the item files and firewalld.conf, changed as firewalld 1.3.3's
// FirewallConfig (core/fw_config.py) changes them. A change is checked with the model's checks
// (the item's own, then the references of the whole configuration with the change in it), written
// atomically (config::save_item, NAME.xml.old keeps the previous file), and only then taken into
// memory: bad input changes nothing on disk or in memory. The runtime never changes here; it
// follows on reload.
//
// Where an item lives (firewalld's flags, the D-Bus properties "builtin" and "default"):
//   default tree, untouched            builtin, default     model::Origin::Default
//   system tree, own item              default              model::Origin::System
//   system tree, overriding a default  neither              model::Origin::SystemOverridesDefault
// Editing a default-tree item writes a system copy (it then overrides the default); loadDefaults
// removes the system copy again; only own system items can be removed or renamed.
//
//   core::Permanent store(paths, config, [] { return false; });
//   store.update<model::Zone>("public", zone);       // writes /etc/firewalld/zones/public.xml
//   store.edit<model::Zone>("public", [](model::Zone& z) { z.masquerade = true; return ok(); });

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "config/loader.hpp"
#include "model/config.hpp"

namespace fwctl::core {

// What firewalld's config objects report about an item's file.
struct ItemFile {
  std::string filename;  // "public.xml"
  std::string path;      // the directory: "/etc/firewalld/zones"
  bool builtin = false;
  bool default_ = false;
};

// Items whose removal takes them out of the zones and policies that use them (firewalld's
// removeService and removeIcmpType): the zones and policies changed, to signal Updated on.
struct Cascade {
  std::vector<std::string> zones;
  std::vector<std::string> policies;
};

// What runtimeToPermanent saved, per kind: the items written and whether each is new to the
// permanent configuration (a D-Bus object to create) or an update (Updated to signal).
struct SavedItems {
  struct Saved {
    std::string name;
    bool added = false;
  };
  std::vector<Saved> services, icmptypes, ipsets, zones, policies, helpers;
  std::optional<Error> failure;  // RT_TO_PERM_FAILED when an item could not be saved
};

// LogDenied's values: INVALID_VALUE "'x', choose from 'all','unicast',...'" for another.
Status check_log_denied(const std::string& value);

class Permanent {
 public:
  // `config` is the permanent configuration as loaded (owned by core::Firewall, replaced on
  // reload); `failed` tells whether firewalld would be in state FAILED, where every change is
  // refused with RUNNING_BUT_FAILED.
  Permanent(const config::Paths& paths, model::Config& config, std::function<bool()> failed)
      : paths_(paths), config_(config), failed_(std::move(failed)) {}
  Permanent(const Permanent&) = delete;
  Permanent& operator=(const Permanent&) = delete;

  const model::Config& config() const { return config_; }

  // T is model::Zone, Service, Policy, IpSet, IcmpType or Helper.
  template <typename T>
  const std::map<std::string, model::Item<T>>& items() const;
  // INVALID_ZONE (INVALID_SERVICE, ...) with the name for an unknown item.
  template <typename T>
  Result<const model::Item<T>*> find(const std::string& name) const;
  template <typename T>
  static ItemFile file_of(const model::Item<T>& item);

  // The checks firewalld makes of a new item's name before it looks at the settings:
  // NAME_CONFLICT "new_zone(): 'x'", then INVALID_NAME.
  template <typename T>
  Status check_new(const std::string& name) const;
  // firewalld's new_<kind>: NAME_CONFLICT "new_zone(): 'x'", INVALID_NAME, the item's checks.
  template <typename T>
  Status add(const std::string& name, T value);
  // firewalld's set_<kind>_config: the item replaced by `value` (its name is kept).
  template <typename T>
  Status update(const std::string& name, T value);
  // update() with the current settings changed by `change`; what `change` fails with is
  // returned and nothing changes (firewalld's "get settings, change one thing, update").
  template <typename T>
  Status edit(const std::string& name, const std::function<Status(T&)>& change);
  // firewalld's load_<kind>_defaults: NO_DEFAULTS unless a system copy overrides a default.
  template <typename T>
  Status load_defaults(const std::string& name);
  // firewalld's remove_<kind>: BUILTIN_ZONE "'x' is built-in zone" unless it is an own system
  // item. Removing a service or ICMP type also takes it out of the zones and policies using it.
  template <typename T>
  Result<Cascade> remove(const std::string& name);
  // firewalld's rename_<kind>: as remove(), then add() under the new name.
  template <typename T>
  Status rename(const std::string& name, const std::string& new_name);

  // config.Set of a firewalld.conf key (CleanupOnExit, LogDenied, ...): INVALID_VALUE
  // "'maybe' for Lockdown"; writes firewalld.conf. False when the key is one firewalld ignores
  // (MinimalMark, AutomaticHelpers, AllowZoneDrifting): nothing changes then.
  Result<bool> set_conf(const std::string& key, const std::string& value);
  // firewall-offline-cmd's --set-default-zone: firewalld.conf's DefaultZone. INVALID_ZONE for a
  // zone not in the permanent configuration, ZONE_ALREADY_SET when it is the default already.
  // (fwctld's setDefaultZone changes the runtime too: core::Firewall::set_default_zone.)
  Status set_default_zone(const std::string& zone);
  // firewall-offline-cmd's --set-log-denied: check_log_denied, ALREADY_SET when it is the value
  // already, firewalld.conf written. (fwctld's setLogDenied: core::Firewall::set_log_denied.)
  Status set_log_denied(const std::string& value);

 private:
  template <typename T>
  Status check_change(const std::string& name, const model::Item<T>* removed, const T* value,
                      const std::string& new_name) const;
  template <typename T>
  Status save(const std::string& name, model::Item<T> item);
  // update() without the checks.
  template <typename T>
  Status store(const std::string& name, T value);
  Status refuse_if_failed() const;

  const config::Paths& paths_;
  model::Config& config_;
  std::function<bool()> failed_;
};

}  // namespace fwctl::core
