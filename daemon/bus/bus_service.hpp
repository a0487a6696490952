#pragma once
// firewalld's object tree on a D-Bus connection, and the daemon's event loop.
//
//   /org/fedoraproject/FirewallD1         .FirewallD1, .zone, .policy, .ipset, .direct, .policies,
//                                         and fwctl's own org.fwctl.Firewall1 (confirmations)
//   /org/fedoraproject/FirewallD1/config  .config (items, firewalld.conf properties),
//                                         .config.direct, .config.policies, and fwctl's own
//                                         org.fwctl.Config1 (firewalld 2.x's conf keys)
//   /org/fedoraproject/FirewallD1/config/{zone,service,policy,ipset,icmptype,helper}/N
//                                         one per permanent item (bus/config_objects.hpp)
//
// The objects are exported by the constructor; the name is claimed separately, after the caller
// has put the ruleset in place (clients that see the name appear may call at once).

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IObject.h>

#include <functional>
#include <memory>

#include "common/result.hpp"
#include "core/confirmation.hpp"
#include "core/counters.hpp"
#include "core/firewall.hpp"
#include "sys/config_watcher.hpp"

namespace fwctl::bus {

class IntrospectionFilter;
class ConversionFilter;
class FirewallAdaptor;
class ZoneAdaptor;
class ConfigAdaptor;
class DirectAdaptor;
class PoliciesAdaptor;
class ConfigDirectAdaptor;
class FwctlConfigAdaptor;
class FwctlFirewallAdaptor;
class ConfigPoliciesAdaptor;

class PolicyAdaptor;
class IpSetAdaptor;

class ConfigObjects;
class ChangeQueue;
class Authorizer;

inline constexpr const char* kBusName = "org.fedoraproject.FirewallD1";
inline constexpr const char* kMainPath = "/org/fedoraproject/FirewallD1";
inline constexpr const char* kConfigPath = "/org/fedoraproject/FirewallD1/config";

class BusService {
 public:
  // Exports the objects; throws sdbus::Error when the connection refuses them.
  BusService(sdbus::IConnection& connection, core::Firewall& firewall);
  ~BusService();
  BusService(const BusService&) = delete;
  BusService& operator=(const BusService&) = delete;

  // Claims org.fedoraproject.FirewallD1; COMMAND_FAILED when the bus refuses (already owned).
  Status request_name();

  // firewall.reload(), then the Reloaded signal (what SIGHUP does).
  Status reload();

  // firewalld 2.5's config watcher (sys/config_watcher.hpp) on `trees` (the system tree last):
  // a change of the files behind the daemon's back is logged once, with the command that
  // applies it. Without this call nothing is watched. COMMAND_FAILED without inotify.
  Status watch_config(const std::vector<std::string>& trees);

  // Serves the bus until `on_fd` returns false. `fd` (a signalfd) is polled next to the bus;
  // when it is readable `on_fd` runs. COMMAND_FAILED when polling or the connection fails.
  Status run(int fd, const std::function<bool()>& on_fd);

 private:
  // Wakes the loop for the next timed zone addition or pending confirmation; runs what is due.
  int timers_timeout() const;
  void run_due_timers();
  // The watcher's report: firewalld 2.5's lines, and the check of the files it makes.
  void report_config_change(const std::string& file);

  sdbus::IConnection& connection_;
  core::Firewall& fw_;
  std::unique_ptr<sys::ConfigWatcher> watcher_;
  core::Confirmation confirmation_;  // before the adaptor that refers to them
  core::Counters counters_;
  std::unique_ptr<ChangeQueue> queue_;  // the zone element changes, in groups (change_queue.hpp)
  std::unique_ptr<sdbus::IObject> main_object_;
  std::unique_ptr<sdbus::IObject> config_object_;
  std::unique_ptr<FirewallAdaptor> firewall_;
  std::unique_ptr<ZoneAdaptor> zone_;
  std::unique_ptr<ConfigAdaptor> config_;
  std::unique_ptr<DirectAdaptor> direct_;
  std::unique_ptr<PoliciesAdaptor> policies_;
  std::unique_ptr<ConfigDirectAdaptor> config_direct_;
  std::unique_ptr<ConfigPoliciesAdaptor> config_policies_;
  std::unique_ptr<FwctlConfigAdaptor> fwctl_config_;
  std::unique_ptr<FwctlFirewallAdaptor> fwctl_firewall_;

  std::unique_ptr<PolicyAdaptor> policy_;
  std::unique_ptr<IpSetAdaptor> ipset_;

  std::unique_ptr<ConfigObjects> config_objects_;  // /config/zone/N ...
  // After the adaptors: destroyed first, cancelling pending polkit checks whose callbacks would
  // reach into them.
  std::unique_ptr<Authorizer> authorizer_;
  std::unique_ptr<IntrospectionFilter> introspection_;
  std::unique_ptr<ConversionFilter> conversion_;  // firewalld's argument forms
};

}  // namespace fwctl::bus
