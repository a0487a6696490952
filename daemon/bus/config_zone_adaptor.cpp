#include "bus/config_zone_adaptor.hpp"

#include "bus/config_settings.hpp"
#include "core/permanent_edit.hpp"

namespace fwctl::bus {
namespace {

using core::has_name;

model::ForwardPort forward(std::string port, std::string protocol, std::string toport,
                           std::string toaddr) {
  return {std::move(port), std::move(protocol), std::move(toport), std::move(toaddr)};
}

}  // namespace

Status ConfigZoneAdaptor::check_bindings(const model::Zone& next) const {
  return core::check_zone_bindings(store_.config().zones, name_, current(), next);
}

void ConfigZoneAdaptor::replace(sdbus::Result<>&& reply, const char* member, Change edit) {
  change(std::move(reply), member, [this, edit = std::move(edit)](model::Zone& zone) -> Status {
    if (Status st = edit(zone); !st) return st;
    return check_bindings(zone);
  });
}

void ConfigZoneAdaptor::getSettings(sdbus::Result<ZoneTuple>&& result) {
  read(std::move(result), "getSettings", permanent_zone_tuple);
}
void ConfigZoneAdaptor::getSettings2(sdbus::Result<Dict>&& result) {
  read(std::move(result), "getSettings2", permanent_zone_dict);
}
void ConfigZoneAdaptor::update(sdbus::Result<>&& result, ZoneTuple settings) {
  replace(std::move(result), "update",
          [settings](model::Zone& z) { return apply_zone_tuple(z, settings); });
}
void ConfigZoneAdaptor::update2(sdbus::Result<>&& result, Dict settings) {
  replace(std::move(result), "update2",
          [settings](model::Zone& z) { return apply_zone_dict(z, settings); });
}

void ConfigZoneAdaptor::getTarget(sdbus::Result<std::string>&& result) {
  read(std::move(result), "getTarget", [](const model::Zone& z) { return z.target; });
}
void ConfigZoneAdaptor::setTarget(sdbus::Result<>&& result, std::string target) {
  replace(std::move(result), "setTarget", [target](model::Zone& z) {
    z.target = target;
    return ok();
  });
}

// The list members, one macro per kind of list so that each method stays one line.
#define FWCTL_NAME_LIST(Get, Set, Add, Remove, Query, field)                        \
  void ConfigZoneAdaptor::Get(sdbus::Result<Strings>&& result) {                    \
    read(std::move(result), #Get, [](const model::Zone& z) { return z.field; });    \
  }                                                                                 \
  void ConfigZoneAdaptor::Set(sdbus::Result<>&& result, Strings list) {             \
    replace(std::move(result), #Set, [list](model::Zone& z) {                       \
      z.field = unique(list);                                                       \
      return ok();                                                                  \
    });                                                                             \
  }                                                                                 \
  void ConfigZoneAdaptor::Add(sdbus::Result<>&& result, std::string value) {        \
    replace(std::move(result), #Add,                                                \
            [value](model::Zone& z) { return core::add_name(z.field, value); });    \
  }                                                                                 \
  void ConfigZoneAdaptor::Remove(sdbus::Result<>&& result, std::string value) {     \
    replace(std::move(result), #Remove,                                             \
            [value](model::Zone& z) { return core::remove_name(z.field, value); }); \
  }                                                                                 \
  void ConfigZoneAdaptor::Query(sdbus::Result<bool>&& result, std::string value) {  \
    read(std::move(result), #Query,                                                 \
         [value](const model::Zone& z) { return has_name(z.field, value); });       \
  }

FWCTL_NAME_LIST(getServices, setServices, addService, removeService, queryService, services)
FWCTL_NAME_LIST(getProtocols, setProtocols, addProtocol, removeProtocol, queryProtocol, protocols)
FWCTL_NAME_LIST(getIcmpBlocks, setIcmpBlocks, addIcmpBlock, removeIcmpBlock, queryIcmpBlock,
                icmp_blocks)
FWCTL_NAME_LIST(getInterfaces, setInterfaces, addInterface, removeInterface, queryInterface,
                interfaces)
#undef FWCTL_NAME_LIST

#define FWCTL_PORT_LIST(Get, Set, Add, Remove, Query, field)                                      \
  void ConfigZoneAdaptor::Get(sdbus::Result<Ports>&& result) {                                    \
    read(std::move(result), #Get, [](const model::Zone& z) { return port_tuples(z.field); });     \
  }                                                                                               \
  void ConfigZoneAdaptor::Set(sdbus::Result<>&& result, Ports list) {                             \
    replace(std::move(result), #Set, [list](model::Zone& z) {                                     \
      z.field = unique(port_protos(list));                                                        \
      return ok();                                                                                \
    });                                                                                           \
  }                                                                                               \
  void ConfigZoneAdaptor::Add(sdbus::Result<>&& result, std::string port, std::string proto) {    \
    replace(std::move(result), #Add,                                                              \
            [port, proto](model::Zone& z) { return core::add_port(z.field, port, proto); });      \
  }                                                                                               \
  void ConfigZoneAdaptor::Remove(sdbus::Result<>&& result, std::string port, std::string proto) { \
    replace(std::move(result), #Remove,                                                           \
            [port, proto](model::Zone& z) { return core::remove_port(z.field, port, proto); });   \
  }                                                                                               \
  void ConfigZoneAdaptor::Query(sdbus::Result<bool>&& result, std::string port,                   \
                                std::string proto) {                                              \
    read(std::move(result), #Query,                                                               \
         [port, proto](const model::Zone& z) { return core::has_port(z.field, port, proto); });   \
  }

FWCTL_PORT_LIST(getPorts, setPorts, addPort, removePort, queryPort, ports)
FWCTL_PORT_LIST(getSourcePorts, setSourcePorts, addSourcePort, removeSourcePort, querySourcePort,
                source_ports)
#undef FWCTL_PORT_LIST

#define FWCTL_FLAG(Get, Set, Add, Remove, Query, field, what)                      \
  void ConfigZoneAdaptor::Get(sdbus::Result<bool>&& result) {                      \
    read(std::move(result), #Get, [](const model::Zone& z) { return z.field; });   \
  }                                                                                \
  void ConfigZoneAdaptor::Set(sdbus::Result<>&& result, bool on) {                 \
    replace(std::move(result), #Set, [on](model::Zone& z) {                        \
      z.field = on;                                                                \
      return ok();                                                                 \
    });                                                                            \
  }                                                                                \
  void ConfigZoneAdaptor::Add(sdbus::Result<>&& result) {                          \
    replace(std::move(result), #Add,                                               \
            [](model::Zone& z) { return core::set_flag(z.field, true, what); });   \
  }                                                                                \
  void ConfigZoneAdaptor::Remove(sdbus::Result<>&& result) {                       \
    replace(std::move(result), #Remove,                                            \
            [](model::Zone& z) { return core::set_flag(z.field, false, what); });  \
  }                                                                                \
  void ConfigZoneAdaptor::Query(sdbus::Result<bool>&& result) {                    \
    read(std::move(result), #Query, [](const model::Zone& z) { return z.field; }); \
  }

FWCTL_FLAG(getIcmpBlockInversion, setIcmpBlockInversion, addIcmpBlockInversion,
           removeIcmpBlockInversion, queryIcmpBlockInversion, icmp_block_inversion,
           "icmp-block-inversion")
FWCTL_FLAG(getMasquerade, setMasquerade, addMasquerade, removeMasquerade, queryMasquerade,
           masquerade, "masquerade")
#undef FWCTL_FLAG

void ConfigZoneAdaptor::getForwardPorts(sdbus::Result<Forwards>&& result) {
  read(std::move(result), "getForwardPorts",
       [](const model::Zone& z) { return forward_tuples(z.forward_ports); });
}
void ConfigZoneAdaptor::setForwardPorts(sdbus::Result<>&& result, Forwards ports) {
  replace(std::move(result), "setForwardPorts", [ports](model::Zone& z) {
    z.forward_ports = unique(forward_ports(ports));
    return ok();
  });
}
void ConfigZoneAdaptor::addForwardPort(sdbus::Result<>&& result, std::string port,
                                       std::string protocol, std::string toport,
                                       std::string toaddr) {
  auto fwd = forward(port, protocol, toport, toaddr);
  replace(std::move(result), "addForwardPort",
          [fwd](model::Zone& z) { return core::add_forward_port(z.forward_ports, fwd); });
}
void ConfigZoneAdaptor::removeForwardPort(sdbus::Result<>&& result, std::string port,
                                          std::string protocol, std::string toport,
                                          std::string toaddr) {
  auto fwd = forward(port, protocol, toport, toaddr);
  replace(std::move(result), "removeForwardPort",
          [fwd](model::Zone& z) { return core::remove_forward_port(z.forward_ports, fwd); });
}
void ConfigZoneAdaptor::queryForwardPort(sdbus::Result<bool>&& result, std::string port,
                                         std::string protocol, std::string toport,
                                         std::string toaddr) {
  auto fwd = forward(port, protocol, toport, toaddr);
  read(std::move(result), "queryForwardPort",
       [fwd](const model::Zone& z) { return core::has_forward_port(z.forward_ports, fwd); });
}

void ConfigZoneAdaptor::getSources(sdbus::Result<Strings>&& result) {
  read(std::move(result), "getSources",
       [](const model::Zone& z) { return core::source_strings(z.sources); });
}
void ConfigZoneAdaptor::setSources(sdbus::Result<>&& result, Strings sources) {
  replace(std::move(result), "setSources", [sources](model::Zone& z) {
    z.sources.clear();
    for (const auto& s : unique(sources)) z.sources.push_back(core::zone_source(s));
    return ok();
  });
}
void ConfigZoneAdaptor::addSource(sdbus::Result<>&& result, std::string source) {
  replace(std::move(result), "addSource",
          [source](model::Zone& z) { return core::add_source(z.sources, source); });
}
void ConfigZoneAdaptor::removeSource(sdbus::Result<>&& result, std::string source) {
  replace(std::move(result), "removeSource",
          [source](model::Zone& z) { return core::remove_source(z.sources, source); });
}
void ConfigZoneAdaptor::querySource(sdbus::Result<bool>&& result, std::string source) {
  read(std::move(result), "querySource", [source](const model::Zone& z) {
    return has_name(core::source_strings(z.sources), source);
  });
}

void ConfigZoneAdaptor::getRichRules(sdbus::Result<Strings>&& result) {
  read(std::move(result), "getRichRules",
       [](const model::Zone& z) { return permanent_zone_tuple(z).get<12>(); });
}
void ConfigZoneAdaptor::setRichRules(sdbus::Result<>&& result, Strings rules) {
  Dict dict{{"rules_str", sdbus::Variant(rules)}};
  replace(std::move(result), "setRichRules",
          [dict](model::Zone& z) { return apply_zone_dict(z, dict); });
}
void ConfigZoneAdaptor::addRichRule(sdbus::Result<>&& result, std::string rule) {
  replace(std::move(result), "addRichRule",
          [rule](model::Zone& z) { return core::add_rich_rule(z.rules, rule); });
}
void ConfigZoneAdaptor::removeRichRule(sdbus::Result<>&& result, std::string rule) {
  replace(std::move(result), "removeRichRule",
          [rule](model::Zone& z) { return core::remove_rich_rule(z.rules, rule); });
}
void ConfigZoneAdaptor::queryRichRule(sdbus::Result<bool>&& result, std::string rule) {
  read(std::move(result), "queryRichRule",
       [rule](const model::Zone& z) { return value_or_throw(core::has_rich_rule(z.rules, rule)); });
}

}  // namespace fwctl::bus
