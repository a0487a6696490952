#include "bus/config_objects.hpp"

#include "bus/config_kind_adaptors.hpp"
#include "bus/config_zone_adaptor.hpp"

namespace fwctl::bus {
namespace {

// Per kind: the adaptor class, the object path prefix and the signal on /config.
template <typename T>
struct ObjectKind;
template <>
struct ObjectKind<model::Zone> {
  using Adaptor = ConfigZoneAdaptor;
  static constexpr const char* prefix = "/org/fedoraproject/FirewallD1/config/zone/";
  static constexpr const char* added = "ZoneAdded";
};
template <>
struct ObjectKind<model::Service> {
  using Adaptor = ConfigServiceAdaptor;
  static constexpr const char* prefix = "/org/fedoraproject/FirewallD1/config/service/";
  static constexpr const char* added = "ServiceAdded";
};
template <>
struct ObjectKind<model::Policy> {
  using Adaptor = ConfigPolicyAdaptor;
  static constexpr const char* prefix = "/org/fedoraproject/FirewallD1/config/policy/";
  static constexpr const char* added = "PolicyAdded";
};
template <>
struct ObjectKind<model::IpSet> {
  using Adaptor = ConfigIpSetAdaptor;
  static constexpr const char* prefix = "/org/fedoraproject/FirewallD1/config/ipset/";
  static constexpr const char* added = "IPSetAdded";
};
template <>
struct ObjectKind<model::IcmpType> {
  using Adaptor = ConfigIcmpTypeAdaptor;
  static constexpr const char* prefix = "/org/fedoraproject/FirewallD1/config/icmptype/";
  static constexpr const char* added = "IcmpTypeAdded";
};
template <>
struct ObjectKind<model::Helper> {
  using Adaptor = ConfigHelperAdaptor;
  static constexpr const char* prefix = "/org/fedoraproject/FirewallD1/config/helper/";
  static constexpr const char* added = "HelperAdded";
};

}  // namespace

ConfigObjects::ConfigObjects(sdbus::IConnection& connection, sdbus::IObject& config_object,
                             Authorizer& authorizer, core::Permanent& store)
    : connection_(connection),
      config_object_(config_object),
      authorizer_(authorizer),
      store_(store) {}

ConfigObjects::~ConfigObjects() {
  // Unexport before the adaptors the vtables point into go away.
  for (Table* t : {&zones_, &services_, &policies_, &ipsets_, &icmptypes_, &helpers_}) {
    for (auto& entry : t->entries) entry->object->unregister();
  }
}

template <>
ConfigObjects::Table& ConfigObjects::table<model::Zone>() {
  return zones_;
}
template <>
ConfigObjects::Table& ConfigObjects::table<model::Service>() {
  return services_;
}
template <>
ConfigObjects::Table& ConfigObjects::table<model::Policy>() {
  return policies_;
}
template <>
ConfigObjects::Table& ConfigObjects::table<model::IpSet>() {
  return ipsets_;
}
template <>
ConfigObjects::Table& ConfigObjects::table<model::IcmpType>() {
  return icmptypes_;
}
template <>
ConfigObjects::Table& ConfigObjects::table<model::Helper>() {
  return helpers_;
}

template <typename T>
const ConfigObjects::Table& ConfigObjects::table() const {
  return const_cast<ConfigObjects*>(this)->table<T>();
}

template <typename T>
ConfigObjects::Entry* ConfigObjects::find(const std::string& name) const {
  for (const auto& entry : table<T>().entries) {
    if (entry->name == name) return entry.get();
  }
  return nullptr;
}

template <typename T>
void ConfigObjects::create(const std::string& name) {
  using Adaptor = typename ObjectKind<T>::Adaptor;
  Table& t = table<T>();
  auto entry = std::make_unique<Entry>();
  entry->name = name;
  entry->interface = Adaptor::INTERFACE_NAME;
  std::string path = ObjectKind<T>::prefix + std::to_string(t.next++);
  entry->object = sdbus::createObject(connection_, path);
  entry->adaptor =
      std::make_shared<Adaptor>(*entry->object, authorizer_, store_, *this, entry->name);
  entry->object->finishRegistration();
  t.entries.push_back(std::move(entry));
  config_object_.emitSignal(ObjectKind<T>::added).onInterface(kConfigInterface).withArguments(name);
}

void ConfigObjects::rebuild() {
  for (Table* t : {&zones_, &services_, &policies_, &ipsets_, &icmptypes_, &helpers_}) {
    for (auto& entry : t->entries) {
      entry->object->unregister();  // at once: the new objects take the same paths
      removed_.push_back(std::move(entry));
    }
    t->entries.clear();
    t->next = 0;
  }
  // firewalld's order of kinds; within a kind, by name.
  const model::Config& config = store_.config();
  for (const auto& item : config.ipsets) create<model::IpSet>(item.first);
  for (const auto& item : config.icmptypes) create<model::IcmpType>(item.first);
  for (const auto& item : config.services) create<model::Service>(item.first);
  for (const auto& item : config.zones) create<model::Zone>(item.first);
  for (const auto& item : config.helpers) create<model::Helper>(item.first);
  for (const auto& item : config.policies) create<model::Policy>(item.first);
}

template <typename T>
std::string ConfigObjects::add(const std::string& name) {
  create<T>(name);
  return table<T>().entries.back()->object->getObjectPath();
}

template <typename T>
void ConfigObjects::remove(const std::string& name) {
  auto& entries = table<T>().entries;
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if ((*it)->name != name) continue;
    // Unregistered by collect(): sd-bus still holds the slot of the call being served, and
    // freeing the vtable under it crashes when sd-bus lets go of the slot.
    removed_.push_back(std::move(*it));
    entries.erase(it);
    return;
  }
}

template <typename T>
void ConfigObjects::rename(const std::string& name, const std::string& new_name) {
  if (Entry* entry = find<T>(name)) entry->name = new_name;
}

template <typename T>
void ConfigObjects::updated(const std::string& name) {
  if (Entry* entry = find<T>(name)) {
    entry->object->emitSignal("Updated").onInterface(entry->interface).withArguments(name);
  }
}

template <typename T>
std::optional<std::string> ConfigObjects::path_of(const std::string& name) const {
  if (Entry* entry = find<T>(name)) return entry->object->getObjectPath();
  return std::nullopt;
}

template <typename T>
std::vector<sdbus::ObjectPath> ConfigObjects::paths() const {
  std::vector<sdbus::ObjectPath> out;
  for (const auto& entry : table<T>().entries) out.emplace_back(entry->object->getObjectPath());
  return out;
}

bool ConfigObjects::serves(std::string_view path) const {
  for (const Table* t : {&zones_, &services_, &policies_, &ipsets_, &icmptypes_, &helpers_}) {
    for (const auto& entry : t->entries) {
      if (entry->object->getObjectPath() == path) return true;
    }
  }
  return false;
}

void ConfigObjects::collect() {
  for (auto& entry : removed_) entry->object->unregister();
  removed_.clear();
}

#define FWCTL_INSTANTIATE_OBJECTS(T)                                                       \
  template std::string ConfigObjects::add<T>(const std::string&);                          \
  template void ConfigObjects::remove<T>(const std::string&);                              \
  template void ConfigObjects::rename<T>(const std::string&, const std::string&);          \
  template void ConfigObjects::updated<T>(const std::string&);                             \
  template std::optional<std::string> ConfigObjects::path_of<T>(const std::string&) const; \
  template std::vector<sdbus::ObjectPath> ConfigObjects::paths<T>() const;
FWCTL_INSTANTIATE_OBJECTS(model::Zone)
FWCTL_INSTANTIATE_OBJECTS(model::Service)
FWCTL_INSTANTIATE_OBJECTS(model::Policy)
FWCTL_INSTANTIATE_OBJECTS(model::IpSet)
FWCTL_INSTANTIATE_OBJECTS(model::IcmpType)
FWCTL_INSTANTIATE_OBJECTS(model::Helper)
#undef FWCTL_INSTANTIATE_OBJECTS

}  // namespace fwctl::bus
