#pragma once
// org.fwctl.Config1 on /org/fedoraproject/FirewallD1/config (dbus/org.fwctl.Config1.xml): the
// firewalld.conf keys of the firewalld 2.x features, under 2.x's property names. They are kept
// off firewalld 1.3.3's org.fedoraproject.FirewallD1.config so that its GetAll and introspection
// stay 1.3.3's. Get and Set behave as on that interface (bus/config_adaptor.hpp): a Set writes
// firewalld.conf, the runtime follows on reload.

#include "bus/glue.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class FwctlConfigAdaptor final : public glue::FwctlConfig1 {
 public:
  FwctlConfigAdaptor(sdbus::IObject& object, core::Permanent& store)
      : glue::FwctlConfig1(object), store_(store), object_(object) {}

 private:
  // A Set: only uid 0 (as ConfigAdaptor::set_conf), the store's checks, then PropertiesChanged.
  void set_conf(const char* key, const char* property, const std::string& value);
  const model::FirewalldConf& conf() const { return store_.config().conf; }

  std::string NftablesCounters() override;
  void NftablesCounters(const std::string& value) override;
  std::string StrictForwardPorts() override;
  void StrictForwardPorts(const std::string& value) override;
  std::string IPv6_rpfilter2() override;
  void IPv6_rpfilter2(const std::string& value) override;
  std::string NftablesTableOwner() override;
  void NftablesTableOwner(const std::string& value) override;
  std::string NftablesFlowtable() override;
  void NftablesFlowtable(const std::string& value) override;
  std::string ReloadPolicy() override;

  core::Permanent& store_;
  sdbus::IObject& object_;
};

}  // namespace fwctl::bus
