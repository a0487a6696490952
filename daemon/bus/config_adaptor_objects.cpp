// ConfigAdaptor: the item objects of /config, their listing and new items (server/config.py).
#include "bus/config_adaptor.hpp"
#include "core/permanent_kinds.hpp"

namespace fwctl::bus {

template <typename T>
ConfigAdaptor::Path ConfigAdaptor::path_of(const std::string& name) const {
  auto path = objects_.path_of<T>(name);
  if (!path) throw_error(Error{core::Kind<T>::unknown, name, {}, 0});
  return Path(*path);
}

template <typename T>
ConfigAdaptor::Path ConfigAdaptor::add_item(const std::string& name, T fresh,
                                            const std::function<Status(T&)>& fill) {
  core::Permanent& store = store_;
  value_or_throw(store.check_new<T>(name));
  value_or_throw(fill(fresh));
  value_or_throw(store.add<T>(name, std::move(fresh)));
  return Path(objects_.add<T>(name));
}

namespace {

// firewalld's new Zone(): no <forward/> read from a file, so forwarding is on.
model::Zone fresh_zone() {
  model::Zone zone;
  zone.forward = true;
  return zone;
}

}  // namespace

#define FWCTL_LIST_AND_FIND(T, List, ByName)                                      \
  void ConfigAdaptor::List(sdbus::Result<Paths>&& result) {                       \
    serve(std::move(result), #List, [this] { return objects_.paths<T>(); });      \
  }                                                                               \
  void ConfigAdaptor::ByName(sdbus::Result<Path>&& result, std::string name) {    \
    serve(std::move(result), #ByName, [this, name] { return path_of<T>(name); }); \
  }
FWCTL_LIST_AND_FIND(model::IpSet, listIPSets, getIPSetByName)
FWCTL_LIST_AND_FIND(model::IcmpType, listIcmpTypes, getIcmpTypeByName)
FWCTL_LIST_AND_FIND(model::Service, listServices, getServiceByName)
FWCTL_LIST_AND_FIND(model::Zone, listZones, getZoneByName)
FWCTL_LIST_AND_FIND(model::Policy, listPolicies, getPolicyByName)
FWCTL_LIST_AND_FIND(model::Helper, listHelpers, getHelperByName)
#undef FWCTL_LIST_AND_FIND

void ConfigAdaptor::addIPSet(sdbus::Result<Path>&& result, std::string ipset, IpSetTuple settings) {
  serve(std::move(result), "addIPSet", [this, ipset, settings] {
    return add_item<model::IpSet>(ipset, {}, [&](model::IpSet& i) {
      apply_ipset_tuple(i, settings);
      return ok();
    });
  });
}

void ConfigAdaptor::addIcmpType(sdbus::Result<Path>&& result, std::string icmptype,
                                IcmpTypeTuple settings) {
  serve(std::move(result), "addIcmpType", [this, icmptype, settings] {
    return add_item<model::IcmpType>(icmptype, {}, [&](model::IcmpType& i) {
      apply_icmptype_tuple(i, settings);
      return ok();
    });
  });
}

void ConfigAdaptor::addService(sdbus::Result<Path>&& result, std::string service,
                               ServiceTuple settings) {
  serve(std::move(result), "addService", [this, service, settings] {
    return add_item<model::Service>(
        service, {}, [&](model::Service& s) { return apply_service_tuple(s, settings); });
  });
}

void ConfigAdaptor::addService2(sdbus::Result<Path>&& result, std::string service, Dict settings) {
  serve(std::move(result), "addService2", [this, service, settings] {
    return add_item<model::Service>(
        service, {}, [&](model::Service& s) { return apply_service_dict(s, settings); });
  });
}

void ConfigAdaptor::addZone(sdbus::Result<Path>&& result, std::string zone, ZoneTuple settings) {
  serve(std::move(result), "addZone", [this, zone, settings] {
    return add_item<model::Zone>(zone, fresh_zone(),
                                 [&](model::Zone& z) { return apply_zone_tuple(z, settings); });
  });
}

void ConfigAdaptor::addZone2(sdbus::Result<Path>&& result, std::string zone, Dict settings) {
  serve(std::move(result), "addZone2", [this, zone, settings] {
    return add_item<model::Zone>(zone, fresh_zone(),
                                 [&](model::Zone& z) { return apply_zone_dict(z, settings); });
  });
}

void ConfigAdaptor::addPolicy(sdbus::Result<Path>&& result, std::string policy, Dict settings) {
  serve(std::move(result), "addPolicy", [this, policy, settings] {
    return add_item<model::Policy>(policy, {}, [&](model::Policy& p) {
      p.info.name = policy;  // the name firewalld's errors give (new_policy_object_dict)
      return apply_policy_dict(p, settings);
    });
  });
}

void ConfigAdaptor::addHelper(sdbus::Result<Path>&& result, std::string helper,
                              HelperTuple settings) {
  serve(std::move(result), "addHelper", [this, helper, settings] {
    return add_item<model::Helper>(helper, {}, [&](model::Helper& h) {
      apply_helper_tuple(h, settings);
      return ok();
    });
  });
}

}  // namespace fwctl::bus
