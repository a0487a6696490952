#include "bus.hpp"

namespace fwctl::cli {

Bus::Bus() : connection_(sdbus::createSystemBusConnection()) {}

bool Bus::running() {
  if (!dbus_)
    dbus_ = sdbus::createProxy(*connection_, "org.freedesktop.DBus", "/org/freedesktop/DBus");
  bool has_owner = false;
  dbus_->callMethod("NameHasOwner")
      .onInterface("org.freedesktop.DBus")
      .withArguments(std::string(proxy::kBusName))
      .storeResultsTo(has_owner);
  return has_owner;
}

sdbus::Variant Bus::property(const std::string& path, const std::string& interface,
                             const std::string& name) {
  auto p = sdbus::createProxy(*connection_, proxy::kBusName, path);
  sdbus::Variant value = p->getProperty(name).onInterface(interface);
  return value;
}

void Bus::set_property(const std::string& path, const std::string& interface,
                       const std::string& name, const sdbus::Variant& value) {
  auto p = sdbus::createProxy(*connection_, proxy::kBusName, path);
  p->setProperty(name).onInterface(interface).toValue(value);
}

}  // namespace fwctl::cli
