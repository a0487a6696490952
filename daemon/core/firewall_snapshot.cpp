// Firewall::snapshot() and restore(): the runtime state kept aside and put back whole, for
// changes that undo themselves (core/confirmation.hpp).

#include "config/firewalld_conf_file.hpp"
#include "core/firewall.hpp"

namespace fwctl::core {

Firewall::Snapshot Firewall::snapshot() const {
  return {runtime_, zones_.bindings(), zones_.saved(), state_, failure_, warnings_};
}

// Through the whole-load commit point, as start and reload.
Status Firewall::restore(const Snapshot& snapshot) {
  // --set-default-zone wrote firewalld.conf: a default zone put back goes back there too.
  const std::string& zone = snapshot.bindings.default_zone;
  const bool zone_back = zone != default_zone() && permanent_.conf.default_zone != zone;
  const std::string conf_path = paths_.system_dir + "/firewalld.conf";
  if (zone_back) {
    model::FirewalldConf conf = permanent_.conf;
    conf.default_zone = zone;
    if (Status st = config::save_firewalld_conf(conf, conf_path); !st) return st;
  }
  // A whole load rather than a delta: the state to go back to may be a reload away.
  Loaded next{snapshot.runtime, std::nullopt, snapshot.bindings, snapshot.warnings};
  if (Status st = load_runtime(std::move(next), snapshot.state); !st) {
    if (zone_back) (void)config::save_firewalld_conf(permanent_.conf, conf_path);
    return st;
  }
  if (zone_back) permanent_.conf.default_zone = zone;
  zones_.restore(snapshot.zones);
  failure_ = snapshot.failure;
  return ok();
}

}  // namespace fwctl::core
