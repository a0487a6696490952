// FirewallAdaptor: runtimeToPermanent and checkPermanentConfig (firewalld's server/firewalld.py).
#include "bus/config_objects.hpp"
#include "bus/firewall_adaptor.hpp"
#include "bus/network_manager.hpp"
#include "sys/log.hpp"

namespace fwctl::bus {
namespace {

// firewalld saves through its config objects: a new item gets its object and <Kind>Added, an
// updated one signals Updated.
template <typename T>
void announce(ConfigObjects* objects, const std::vector<core::SavedItems::Saved>& saved) {
  if (!objects) return;
  for (const auto& item : saved) {
    if (item.added) {
      objects->add<T>(item.name);
    } else {
      objects->updated<T>(item.name);
    }
  }
}

}  // namespace

void FirewallAdaptor::runtimeToPermanent(sdbus::Result<>&& result) {
  serve(std::move(result), "runtimeToPermanent", [this] {
    // firewalld first lets NetworkManager keep the interfaces it runs, in their profiles.
    std::vector<std::string> handed = hand_bindings_to_network_manager(bus(), fw_);
    core::SavedItems saved = value_or_throw(fw_.runtime_to_permanent(handed));
    announce<model::Service>(config_objects_, saved.services);
    announce<model::IcmpType>(config_objects_, saved.icmptypes);
    announce<model::IpSet>(config_objects_, saved.ipsets);
    announce<model::Zone>(config_objects_, saved.zones);
    announce<model::Policy>(config_objects_, saved.policies);
    announce<model::Helper>(config_objects_, saved.helpers);
    if (saved.failure) throw_error(*saved.failure);
  });
}

void FirewallAdaptor::checkPermanentConfig(sdbus::Result<>&& result) {
  serve(std::move(result), "checkPermanentConfig", [this] {
    std::vector<Error> logged;
    Status checked = fw_.check_permanent_config(logged);
    for (const Error& e : logged) sys::log::problem(e);
    value_or_throw(checked);
  });
}

}  // namespace fwctl::bus
