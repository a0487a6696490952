#include "bus/config_item_adaptors.hpp"

#include "bus/config_settings.hpp"
#include "core/permanent_edit.hpp"

namespace fwctl::bus {

void ConfigServiceAdaptor::getSettings(sdbus::Result<ServiceTuple>&& result) {
  read(std::move(result), "getSettings", service_tuple);
}
void ConfigServiceAdaptor::getSettings2(sdbus::Result<Dict>&& result) {
  read(std::move(result), "getSettings2", service_dict);
}
void ConfigServiceAdaptor::update(sdbus::Result<>&& result, ServiceTuple settings) {
  change(std::move(result), "update",
         [settings](model::Service& s) { return apply_service_tuple(s, settings); });
}
void ConfigServiceAdaptor::update2(sdbus::Result<>&& result, Dict settings) {
  change(std::move(result), "update2",
         [settings](model::Service& s) { return apply_service_dict(s, settings); });
}

// The includes as firewalld's config_service: set/add/remove rewrite the list and update the
// service (the permanent store checks that every include exists, INVALID_SERVICE); adding one
// already there changes nothing (import drops the repeat).
void ConfigServiceAdaptor::getIncludes(sdbus::Result<std::vector<std::string>>&& result) {
  read(std::move(result), "getIncludes", [](const model::Service& s) { return s.includes; });
}
void ConfigServiceAdaptor::setIncludes(sdbus::Result<>&& result,
                                       std::vector<std::string> includes) {
  change(std::move(result), "setIncludes", [includes](model::Service& s) {
    s.includes = unique(includes);
    return ok();
  });
}
void ConfigServiceAdaptor::addInclude(sdbus::Result<>&& result, std::string include) {
  change(std::move(result), "addInclude", [include](model::Service& s) {
    if (!core::has_name(s.includes, include)) s.includes.push_back(include);
    return ok();
  });
}
void ConfigServiceAdaptor::removeInclude(sdbus::Result<>&& result, std::string include) {
  change(std::move(result), "removeInclude",
         [include](model::Service& s) { return core::remove_name(s.includes, include); });
}
void ConfigServiceAdaptor::queryInclude(sdbus::Result<bool>&& result, std::string include) {
  read(std::move(result), "queryInclude",
       [include](const model::Service& s) { return core::has_name(s.includes, include); });
}

void ConfigPolicyAdaptor::getSettings(sdbus::Result<Dict>&& result) {
  read(std::move(result), "getSettings", policy_dict);
}
void ConfigPolicyAdaptor::update(sdbus::Result<>&& result, Dict settings) {
  change(std::move(result), "update",
         [settings](model::Policy& p) { return apply_policy_dict(p, settings); });
}

void ConfigIpSetAdaptor::getSettings(sdbus::Result<IpSetTuple>&& result) {
  read(std::move(result), "getSettings", ipset_tuple);
}
void ConfigIpSetAdaptor::update(sdbus::Result<>&& result, IpSetTuple settings) {
  change(std::move(result), "update", [settings](model::IpSet& i) {
    apply_ipset_tuple(i, settings);
    return ok();
  });
}
void ConfigIpSetAdaptor::getEntries(sdbus::Result<std::vector<std::string>>&& result) {
  read(std::move(result), "getEntries", [](const model::IpSet& i) { return i.entries; });
}

void ConfigIcmpTypeAdaptor::getSettings(sdbus::Result<IcmpTypeTuple>&& result) {
  read(std::move(result), "getSettings", icmptype_tuple);
}
void ConfigIcmpTypeAdaptor::update(sdbus::Result<>&& result, IcmpTypeTuple settings) {
  change(std::move(result), "update", [settings](model::IcmpType& i) {
    apply_icmptype_tuple(i, settings);
    return ok();
  });
}

void ConfigHelperAdaptor::getSettings(sdbus::Result<HelperTuple>&& result) {
  read(std::move(result), "getSettings", helper_tuple);
}
void ConfigHelperAdaptor::update(sdbus::Result<>&& result, HelperTuple settings) {
  change(std::move(result), "update", [settings](model::Helper& h) {
    apply_helper_tuple(h, settings);
    return ok();
  });
}
void ConfigHelperAdaptor::getPorts(sdbus::Result<std::vector<PortTuple>>&& result) {
  read(std::move(result), "getPorts", [](const model::Helper& h) { return port_tuples(h.ports); });
}

}  // namespace fwctl::bus
