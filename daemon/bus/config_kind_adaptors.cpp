#include "bus/config_kind_adaptors.hpp"

#include <algorithm>

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

// The lists of config_service: ports compare as (port, protocol) pairs, with no range merging;
// a module is named by its short name, "nf_conntrack_ftp" standing for "ftp".
void ConfigServiceAdaptor::getPorts(sdbus::Result<std::vector<PortTuple>>&& result) {
  get_list(std::move(result), "getPorts", &model::Service::ports);
}
void ConfigServiceAdaptor::setPorts(sdbus::Result<>&& result, std::vector<PortTuple> ports) {
  set_list(std::move(result), "setPorts", &model::Service::ports, std::move(ports));
}
void ConfigServiceAdaptor::addPort(sdbus::Result<>&& result, std::string port,
                                   std::string protocol) {
  add_to(std::move(result), "addPort", &model::Service::ports, port, protocol);
}
void ConfigServiceAdaptor::removePort(sdbus::Result<>&& result, std::string port,
                                      std::string protocol) {
  remove_from(std::move(result), "removePort", &model::Service::ports, port, protocol);
}
void ConfigServiceAdaptor::queryPort(sdbus::Result<bool>&& result, std::string port,
                                     std::string protocol) {
  query_in(std::move(result), "queryPort", &model::Service::ports, port, protocol);
}

void ConfigServiceAdaptor::getProtocols(sdbus::Result<std::vector<std::string>>&& result) {
  get_list(std::move(result), "getProtocols", &model::Service::protocols);
}
void ConfigServiceAdaptor::setProtocols(sdbus::Result<>&& result,
                                        std::vector<std::string> protocols) {
  set_list(std::move(result), "setProtocols", &model::Service::protocols, std::move(protocols));
}
void ConfigServiceAdaptor::addProtocol(sdbus::Result<>&& result, std::string protocol) {
  add_to(std::move(result), "addProtocol", &model::Service::protocols, protocol);
}
void ConfigServiceAdaptor::removeProtocol(sdbus::Result<>&& result, std::string protocol) {
  remove_from(std::move(result), "removeProtocol", &model::Service::protocols, protocol);
}
void ConfigServiceAdaptor::queryProtocol(sdbus::Result<bool>&& result, std::string protocol) {
  query_in(std::move(result), "queryProtocol", &model::Service::protocols, protocol);
}

void ConfigServiceAdaptor::getSourcePorts(sdbus::Result<std::vector<PortTuple>>&& result) {
  get_list(std::move(result), "getSourcePorts", &model::Service::source_ports);
}
void ConfigServiceAdaptor::setSourcePorts(sdbus::Result<>&& result, std::vector<PortTuple> ports) {
  set_list(std::move(result), "setSourcePorts", &model::Service::source_ports, std::move(ports));
}
void ConfigServiceAdaptor::addSourcePort(sdbus::Result<>&& result, std::string port,
                                         std::string protocol) {
  add_to(std::move(result), "addSourcePort", &model::Service::source_ports, port, protocol);
}
void ConfigServiceAdaptor::removeSourcePort(sdbus::Result<>&& result, std::string port,
                                            std::string protocol) {
  remove_from(std::move(result), "removeSourcePort", &model::Service::source_ports, port, protocol);
}
void ConfigServiceAdaptor::querySourcePort(sdbus::Result<bool>&& result, std::string port,
                                           std::string protocol) {
  query_in(std::move(result), "querySourcePort", &model::Service::source_ports, port, protocol);
}

void ConfigServiceAdaptor::getModules(sdbus::Result<std::vector<std::string>>&& result) {
  get_list(std::move(result), "getModules", &model::Service::modules);
}
void ConfigServiceAdaptor::setModules(sdbus::Result<>&& result, std::vector<std::string> modules) {
  for (auto& module : modules) module = core::service_module(module);
  set_list(std::move(result), "setModules", &model::Service::modules, std::move(modules));
}
void ConfigServiceAdaptor::addModule(sdbus::Result<>&& result, std::string module) {
  add_to(std::move(result), "addModule", &model::Service::modules, core::service_module(module));
}
void ConfigServiceAdaptor::removeModule(sdbus::Result<>&& result, std::string module) {
  remove_from(std::move(result), "removeModule", &model::Service::modules,
              core::service_module(module));
}
void ConfigServiceAdaptor::queryModule(sdbus::Result<bool>&& result, std::string module) {
  query_in(std::move(result), "queryModule", &model::Service::modules,
           core::service_module(module));
}

// The destination as the dict of config_service: getDestination of a family not set is
// NOT_ENABLED, setDestination to the address it has ALREADY_ENABLED "'ipv4': '10.0.0.1'".
void ConfigServiceAdaptor::getDestinations(
    sdbus::Result<std::map<std::string, std::string>>&& result) {
  read(std::move(result), "getDestinations", [](const model::Service& s) {
    auto pairs = core::service_destinations(s);
    return std::map<std::string, std::string>(pairs.begin(), pairs.end());
  });
}
void ConfigServiceAdaptor::setDestinations(sdbus::Result<>&& result,
                                           std::map<std::string, std::string> destinations) {
  change(std::move(result), "setDestinations", [destinations](model::Service& s) {
    return core::set_service_destinations(s, {destinations.begin(), destinations.end()});
  });
}
void ConfigServiceAdaptor::getDestination(sdbus::Result<std::string>&& result, std::string family) {
  read(std::move(result), "getDestination", [family](const model::Service& s) {
    auto pairs = core::service_destinations(s);
    const std::string* address = core::find_key(pairs, family);
    if (!address) throw_error(Error{Code::NOT_ENABLED, family, {}, 0});
    return *address;
  });
}
void ConfigServiceAdaptor::setDestination(sdbus::Result<>&& result, std::string family,
                                          std::string address) {
  edit_destinations(std::move(result), "setDestination", [family, address](core::Pairs& d) {
    return core::set_key(d, family, address);
  });
}
void ConfigServiceAdaptor::removeDestination(sdbus::Result<>&& result, std::string family) {
  edit_destinations(std::move(result), "removeDestination",
                    [family](core::Pairs& d) { return core::remove_key(d, family); });
}
void ConfigServiceAdaptor::queryDestination(sdbus::Result<bool>&& result, std::string family,
                                            std::string address) {
  read(std::move(result), "queryDestination", [family, address](const model::Service& s) {
    return core::has_key_value(core::service_destinations(s), family, address);
  });
}
void ConfigServiceAdaptor::edit_destinations(sdbus::Result<>&& result, const char* member,
                                             std::function<Status(core::Pairs&)> edit) {
  change(std::move(result), member, [edit = std::move(edit)](model::Service& s) -> Status {
    core::Pairs destinations = core::service_destinations(s);
    if (Status st = edit(destinations); !st) return st;
    return core::set_service_destinations(s, destinations);
  });
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

// config_ipset: a type firewalld does not know is INVALID_TYPE with the type; options as a dict
// (addOption of the value a key has: ALREADY_ENABLED "'key': 'value'"); entries as
// core::add_ipset_entry and its kin.
void ConfigIpSetAdaptor::getType(sdbus::Result<std::string>&& result) {
  read(std::move(result), "getType", [](const model::IpSet& i) { return i.type; });
}
void ConfigIpSetAdaptor::setType(sdbus::Result<>&& result, std::string ipset_type) {
  change(std::move(result), "setType",
         [ipset_type](model::IpSet& i) { return core::set_ipset_type(i, ipset_type); });
}
void ConfigIpSetAdaptor::getOptions(sdbus::Result<std::map<std::string, std::string>>&& result) {
  read(std::move(result), "getOptions", [](const model::IpSet& i) {
    return std::map<std::string, std::string>(i.options.begin(), i.options.end());
  });
}
void ConfigIpSetAdaptor::setOptions(sdbus::Result<>&& result,
                                    std::map<std::string, std::string> options) {
  change(std::move(result), "setOptions", [options](model::IpSet& i) {
    i.options.assign(options.begin(), options.end());
    return ok();
  });
}
void ConfigIpSetAdaptor::addOption(sdbus::Result<>&& result, std::string key, std::string value) {
  change(std::move(result), "addOption",
         [key, value](model::IpSet& i) { return core::set_key(i.options, key, value); });
}
void ConfigIpSetAdaptor::removeOption(sdbus::Result<>&& result, std::string key) {
  change(std::move(result), "removeOption",
         [key](model::IpSet& i) { return core::remove_key(i.options, key); });
}
void ConfigIpSetAdaptor::queryOption(sdbus::Result<bool>&& result, std::string key,
                                     std::string value) {
  read(std::move(result), "queryOption",
       [key, value](const model::IpSet& i) { return core::has_key_value(i.options, key, value); });
}
void ConfigIpSetAdaptor::getEntries(sdbus::Result<std::vector<std::string>>&& result) {
  read(std::move(result), "getEntries", [](const model::IpSet& i) { return i.entries; });
}
void ConfigIpSetAdaptor::setEntries(sdbus::Result<>&& result, std::vector<std::string> entries) {
  change(std::move(result), "setEntries",
         [entries](model::IpSet& i) { return core::set_ipset_entries(i, entries); });
}
void ConfigIpSetAdaptor::addEntry(sdbus::Result<>&& result, std::string entry) {
  change(std::move(result), "addEntry",
         [entry](model::IpSet& i) { return core::add_ipset_entry(i, entry); });
}
void ConfigIpSetAdaptor::removeEntry(sdbus::Result<>&& result, std::string entry) {
  change(std::move(result), "removeEntry",
         [entry](model::IpSet& i) { return core::remove_ipset_entry(i, entry); });
}
void ConfigIpSetAdaptor::queryEntry(sdbus::Result<bool>&& result, std::string entry) {
  read(std::move(result), "queryEntry",
       [entry](const model::IpSet& i) { return value_or_throw(core::has_ipset_entry(i, entry)); });
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

// config_icmptype: the destinations sorted; an empty list means both, which removeDestination
// and queryDestination read as such.
void ConfigIcmpTypeAdaptor::getDestinations(sdbus::Result<std::vector<std::string>>&& result) {
  read(std::move(result), "getDestinations", [](const model::IcmpType& i) {
    auto sorted = i.destinations;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  });
}
void ConfigIcmpTypeAdaptor::setDestinations(sdbus::Result<>&& result,
                                            std::vector<std::string> destinations) {
  set_list(std::move(result), "setDestinations", &model::IcmpType::destinations,
           std::move(destinations));
}
void ConfigIcmpTypeAdaptor::addDestination(sdbus::Result<>&& result, std::string destination) {
  add_to(std::move(result), "addDestination", &model::IcmpType::destinations, destination);
}
void ConfigIcmpTypeAdaptor::removeDestination(sdbus::Result<>&& result, std::string destination) {
  change(std::move(result), "removeDestination", [destination](model::IcmpType& i) {
    return core::remove_icmp_destination(i.destinations, destination);
  });
}
void ConfigIcmpTypeAdaptor::queryDestination(sdbus::Result<bool>&& result,
                                             std::string destination) {
  read(std::move(result), "queryDestination", [destination](const model::IcmpType& i) {
    return i.destinations.empty() || core::has_name(i.destinations, destination);
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

// config_helper: setting the family or module it has is ALREADY_ENABLED "'ipv4'"; ports as
// config.service's.
void ConfigHelperAdaptor::getFamily(sdbus::Result<std::string>&& result) {
  read(std::move(result), "getFamily", [](const model::Helper& h) { return h.family; });
}
void ConfigHelperAdaptor::setFamily(sdbus::Result<>&& result, std::string ipv) {
  change(std::move(result), "setFamily",
         [ipv](model::Helper& h) { return core::set_value(h.family, ipv); });
}
void ConfigHelperAdaptor::queryFamily(sdbus::Result<bool>&& result, std::string ipv) {
  read(std::move(result), "queryFamily", [ipv](const model::Helper& h) { return h.family == ipv; });
}
void ConfigHelperAdaptor::getModule(sdbus::Result<std::string>&& result) {
  read(std::move(result), "getModule", [](const model::Helper& h) { return h.module; });
}
void ConfigHelperAdaptor::setModule(sdbus::Result<>&& result, std::string module) {
  change(std::move(result), "setModule",
         [module](model::Helper& h) { return core::set_value(h.module, module); });
}
void ConfigHelperAdaptor::queryModule(sdbus::Result<bool>&& result, std::string module) {
  read(std::move(result), "queryModule",
       [module](const model::Helper& h) { return h.module == module; });
}
void ConfigHelperAdaptor::getPorts(sdbus::Result<std::vector<PortTuple>>&& result) {
  get_list(std::move(result), "getPorts", &model::Helper::ports);
}
void ConfigHelperAdaptor::setPorts(sdbus::Result<>&& result, std::vector<PortTuple> ports) {
  set_list(std::move(result), "setPorts", &model::Helper::ports, std::move(ports));
}
void ConfigHelperAdaptor::addPort(sdbus::Result<>&& result, std::string port,
                                  std::string protocol) {
  add_to(std::move(result), "addPort", &model::Helper::ports, port, protocol);
}
void ConfigHelperAdaptor::removePort(sdbus::Result<>&& result, std::string port,
                                     std::string protocol) {
  remove_from(std::move(result), "removePort", &model::Helper::ports, port, protocol);
}
void ConfigHelperAdaptor::queryPort(sdbus::Result<bool>&& result, std::string port,
                                    std::string protocol) {
  query_in(std::move(result), "queryPort", &model::Helper::ports, port, protocol);
}

}  // namespace fwctl::bus
