#pragma once
// fwctl's connection to fwctld: the system bus (sd-bus honours DBUS_SYSTEM_BUS_ADDRESS) and
// concrete proxies over the generated glue, made on first use. No signal subscriptions, no
// event-loop thread: a command is a handful of synchronous calls.

#include <memory>
#include <string>

#include "fwctl_cli_proxies.hpp"

namespace fwctl::cli {

inline constexpr const char* kMainPath = "/org/fedoraproject/FirewallD1";
inline constexpr const char* kConfigPath = "/org/fedoraproject/FirewallD1/config";
inline constexpr const char* kFwctlInterface = "org.fwctl.Firewall1";

class Bus {
 public:
  // Throws sdbus::Error when there is no system bus to connect to.
  Bus();

  // Whether fwctld (or firewalld) owns org.fedoraproject.FirewallD1.
  bool running();

  proxy::FirewallD1& fw() { return lazy(fw_, kMainPath); }
  proxy::FirewallD1_zone& zone() { return lazy(zone_, kMainPath); }
  proxy::FirewallD1_policy& policy() { return lazy(policy_, kMainPath); }
  proxy::FirewallD1_ipset& ipset() { return lazy(ipset_, kMainPath); }
  proxy::FirewallD1_direct& direct() { return lazy(direct_, kMainPath); }
  proxy::FirewallD1_policies& policies() { return lazy(policies_, kMainPath); }
  proxy::FirewallD1_config& config() { return lazy(config_, kConfigPath); }
  proxy::FirewallD1_config_direct& config_direct() { return lazy(config_direct_, kConfigPath); }
  proxy::FirewallD1_config_policies& config_policies() {
    return lazy(config_policies_, kConfigPath);
  }

  // fwctl's own org.fwctl.Firewall1 on the main object (dbus/org.fwctl.Firewall1.xml): called
  // by name, as it has no generated proxy.
  sdbus::IProxy& fwctl() {
    if (!fwctl_) fwctl_ = sdbus::createProxy(*connection_, proxy::kBusName, kMainPath);
    return *fwctl_;
  }

  template <typename Proxy>
  std::unique_ptr<Proxy> object(const std::string& path) {
    return std::make_unique<Proxy>(*connection_, path);
  }

  // Properties.Get on `path`.
  sdbus::Variant property(const std::string& path, const std::string& interface,
                          const std::string& name);
  void set_property(const std::string& path, const std::string& interface, const std::string& name,
                    const sdbus::Variant& value);

 private:
  template <typename Proxy>
  Proxy& lazy(std::unique_ptr<Proxy>& slot, const char* path) {
    if (!slot) slot = std::make_unique<Proxy>(*connection_, path);
    return *slot;
  }

  std::unique_ptr<sdbus::IConnection> connection_;
  std::unique_ptr<proxy::FirewallD1> fw_;
  std::unique_ptr<proxy::FirewallD1_zone> zone_;
  std::unique_ptr<proxy::FirewallD1_policy> policy_;
  std::unique_ptr<proxy::FirewallD1_ipset> ipset_;
  std::unique_ptr<proxy::FirewallD1_direct> direct_;
  std::unique_ptr<proxy::FirewallD1_policies> policies_;
  std::unique_ptr<proxy::FirewallD1_config> config_;
  std::unique_ptr<proxy::FirewallD1_config_direct> config_direct_;
  std::unique_ptr<proxy::FirewallD1_config_policies> config_policies_;
  std::unique_ptr<sdbus::IProxy> dbus_;
  std::unique_ptr<sdbus::IProxy> fwctl_;
  std::unique_ptr<sdbus::IProxy> properties_;
};

}  // namespace fwctl::cli
