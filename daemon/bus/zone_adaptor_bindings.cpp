// ZoneAdaptor: interfaces and sources bound to zones at runtime, with firewalld's signals.

#include "bus/error_map.hpp"
#include "bus/zone_adaptor.hpp"

namespace fwctl::bus {

void ZoneAdaptor::addInterface(sdbus::Result<std::string>&& result, std::string zone,
                               std::string interface) {
  core::Binder by = binder();
  serve(std::move(result), "addInterface", [=, this] {
    std::string name = value_or_throw(fw_.add_interface(zone, interface, by));
    emitInterfaceAdded(name, interface);
    return name;
  });
}

// Deprecated alias of changeZoneOfInterface; firewalld authorizes it under its own name.
void ZoneAdaptor::changeZone(sdbus::Result<std::string>&& result, std::string zone,
                             std::string interface) {
  core::Binder by = binder();
  serve(std::move(result), "changeZone", [=, this] {
    std::string name = value_or_throw(fw_.change_zone_of_interface(zone, interface, by));
    emitZoneOfInterfaceChanged(name, interface);
    emitZoneChanged(name, interface);
    return name;
  });
}

// firewalld signals ZoneOfInterfaceChanged and, from inside it, the deprecated ZoneChanged.
void ZoneAdaptor::changeZoneOfInterface(sdbus::Result<std::string>&& result, std::string zone,
                                        std::string interface) {
  core::Binder by = binder();
  serve(std::move(result), "changeZoneOfInterface", [=, this] {
    std::string name = value_or_throw(fw_.change_zone_of_interface(zone, interface, by));
    emitZoneOfInterfaceChanged(name, interface);
    emitZoneChanged(name, interface);
    return name;
  });
}

void ZoneAdaptor::removeInterface(sdbus::Result<std::string>&& result, std::string zone,
                                  std::string interface) {
  serve(std::move(result), "removeInterface", [=, this] {
    std::string name = value_or_throw(fw_.remove_interface(zone, interface));
    emitInterfaceRemoved(name, interface);
    return name;
  });
}

void ZoneAdaptor::addSource(sdbus::Result<std::string>&& result, std::string zone,
                            std::string source) {
  serve(std::move(result), "addSource", [=, this] {
    std::string name = value_or_throw(fw_.add_source(zone, source));
    emitSourceAdded(name, source);
    return name;
  });
}

void ZoneAdaptor::changeZoneOfSource(sdbus::Result<std::string>&& result, std::string zone,
                                     std::string source) {
  serve(std::move(result), "changeZoneOfSource", [=, this] {
    std::string name = value_or_throw(fw_.change_zone_of_source(zone, source));
    emitZoneOfSourceChanged(name, source);
    return name;
  });
}

void ZoneAdaptor::removeSource(sdbus::Result<std::string>&& result, std::string zone,
                               std::string source) {
  serve(std::move(result), "removeSource", [=, this] {
    std::string name = value_or_throw(fw_.remove_source(zone, source));
    emitSourceRemoved(name, source);
    return name;
  });
}

}  // namespace fwctl::bus
