#include "bus/config_objects.hpp"

#include <cstdlib>
#include <cstring>

#include "bus/config_kind_adaptors.hpp"
#include "bus/config_zone_adaptor.hpp"
#include "bus/raw_bus.hpp"

namespace fwctl::bus {
namespace {

// Per kind: the adaptor class, the object path prefix and the signal on /config.
template <typename T>
struct ObjectKind;
template <>
struct ObjectKind<model::Zone> {
  using Adaptor = ConfigZoneAdaptor;
  static constexpr const char* node = "/org/fedoraproject/FirewallD1/config/zone";
  static constexpr const char* added = "ZoneAdded";
};
template <>
struct ObjectKind<model::Service> {
  using Adaptor = ConfigServiceAdaptor;
  static constexpr const char* node = "/org/fedoraproject/FirewallD1/config/service";
  static constexpr const char* added = "ServiceAdded";
};
template <>
struct ObjectKind<model::Policy> {
  using Adaptor = ConfigPolicyAdaptor;
  static constexpr const char* node = "/org/fedoraproject/FirewallD1/config/policy";
  static constexpr const char* added = "PolicyAdded";
};
template <>
struct ObjectKind<model::IpSet> {
  using Adaptor = ConfigIpSetAdaptor;
  static constexpr const char* node = "/org/fedoraproject/FirewallD1/config/ipset";
  static constexpr const char* added = "IPSetAdded";
};
template <>
struct ObjectKind<model::IcmpType> {
  using Adaptor = ConfigIcmpTypeAdaptor;
  static constexpr const char* node = "/org/fedoraproject/FirewallD1/config/icmptype";
  static constexpr const char* added = "IcmpTypeAdded";
};
template <>
struct ObjectKind<model::Helper> {
  using Adaptor = ConfigHelperAdaptor;
  static constexpr const char* node = "/org/fedoraproject/FirewallD1/config/helper";
  static constexpr const char* added = "HelperAdded";
};

}  // namespace

ConfigObjects::ConfigObjects(sdbus::IConnection& connection, sdbus::IObject& config_object,
                             Authorizer& authorizer, core::Permanent& store)
    : connection_(connection),
      config_object_(config_object),
      authorizer_(authorizer),
      store_(store),
      bus_(raw_bus_of(config_object)) {
  zones_.prefix = ObjectKind<model::Zone>::node;
  services_.prefix = ObjectKind<model::Service>::node;
  policies_.prefix = ObjectKind<model::Policy>::node;
  ipsets_.prefix = ObjectKind<model::IpSet>::node;
  icmptypes_.prefix = ObjectKind<model::IcmpType>::node;
  helpers_.prefix = ObjectKind<model::Helper>::node;
  int r = sd_bus_add_filter(bus_, &filter_, &ConfigObjects::on_message, this);
  if (r < 0) {
    sd_bus_unref(bus_);
    throw sdbus::Error(SD_BUS_ERROR_FAILED,
                       std::string("cannot filter calls to config objects: ") + std::strerror(-r));
  }
}

ConfigObjects::~ConfigObjects() {
  // Unexport before the adaptors the vtables point into go away.
  for (Table* t : tables()) {
    for (auto& entry : t->entries) {
      if (entry->object) entry->object->unregister();
    }
    sd_bus_slot_unref(t->enumerator);
  }
  collect();
  sd_bus_slot_unref(filter_);
  sd_bus_unref(bus_);
}

std::vector<ConfigObjects::Table*> ConfigObjects::tables() const {
  auto* self = const_cast<ConfigObjects*>(this);
  return {&self->zones_,  &self->services_,  &self->policies_,
          &self->ipsets_, &self->icmptypes_, &self->helpers_};
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
std::shared_ptr<void> ConfigObjects::make(ConfigObjects& self, Entry& entry) {
  using Adaptor = typename ObjectKind<T>::Adaptor;
  return std::make_shared<Adaptor>(*entry.object, self.authorizer_, self.store_, self, entry.name);
}

template <typename T>
void ConfigObjects::create(const std::string& name) {
  Table& t = table<T>();
  auto entry = std::make_unique<Entry>();
  entry->name = name;
  entry->interface = ObjectKind<T>::Adaptor::INTERFACE_NAME;
  entry->path = t.prefix + "/" + std::to_string(t.next++);
  entry->make = &ConfigObjects::make<T>;
  t.entries.push_back(std::move(entry));
  sync_enumerator(t);
  config_object_.emitSignal(ObjectKind<T>::added).onInterface(kConfigInterface).withArguments(name);
}

void ConfigObjects::materialize(Entry& entry) {
  if (entry.object) return;
  entry.object = sdbus::createObject(connection_, entry.path);
  entry.adaptor = entry.make(*this, entry);
  entry.object->finishRegistration();
}

ConfigObjects::Entry* ConfigObjects::entry_at(std::string_view path) const {
  for (Table* t : tables()) {
    if (path.size() <= t->prefix.size() || path.compare(0, t->prefix.size(), t->prefix) != 0 ||
        path[t->prefix.size()] != '/') {
      continue;
    }
    for (const auto& entry : t->entries) {
      if (entry->path == path) return entry.get();
    }
    return nullptr;
  }
  return nullptr;
}

void ConfigObjects::sync_enumerator(Table& t) {
  if (t.entries.empty() && t.enumerator) {
    t.enumerator = sd_bus_slot_unref(t.enumerator);
  } else if (!t.entries.empty() && !t.enumerator) {
    // Without it the paths still answer (the filter exports them); only Introspect of the
    // parents would miss the items not exported yet.
    sd_bus_add_node_enumerator(bus_, &t.enumerator, t.prefix.c_str(), &ConfigObjects::enumerate,
                               &t);
  }
}

// A method call for an item's path: its object is exported before sd-bus dispatches the call.
int ConfigObjects::on_message(sd_bus_message* m, void* userdata, sd_bus_error*) {
  auto* self = static_cast<ConfigObjects*>(userdata);
  if (sd_bus_message_is_method_call(m, nullptr, nullptr) <= 0) return 0;
  const char* path = sd_bus_message_get_path(m);
  if (path == nullptr) return 0;
  try {
    if (Entry* entry = self->entry_at(path)) self->materialize(*entry);
  } catch (...) {  // nothing may reach sd-bus; the call then gets sd-bus's UnknownObject
  }
  return 0;
}

// sd-bus's node enumerator: the paths of every item of the kind (sd-bus frees them).
int ConfigObjects::enumerate(sd_bus*, const char*, void* userdata, char*** nodes, sd_bus_error*) {
  const auto& entries = static_cast<Table*>(userdata)->entries;
  auto** out = static_cast<char**>(std::calloc(entries.size() + 1, sizeof(char*)));
  if (out == nullptr) return -ENOMEM;
  for (size_t i = 0; i < entries.size(); ++i) {
    out[i] = ::strdup(entries[i]->path.c_str());
    if (out[i] == nullptr) {
      for (size_t j = 0; j < i; ++j) std::free(out[j]);
      std::free(out);
      return -ENOMEM;
    }
  }
  *nodes = out;
  return 0;
}

void ConfigObjects::rebuild() {
  for (Table* t : tables()) {
    for (auto& entry : t->entries) {
      if (entry->object) entry->object->unregister();  // at once: new objects take the paths
      removed_.push_back(std::move(entry));
    }
    t->entries.clear();
    t->next = 0;
    sync_enumerator(*t);
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
  return table<T>().entries.back()->path;
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
    sync_enumerator(table<T>());
    return;
  }
}

template <typename T>
void ConfigObjects::rename(const std::string& name, const std::string& new_name) {
  if (Entry* entry = find<T>(name)) entry->name = new_name;
}

template <typename T>
void ConfigObjects::updated(const std::string& name) {
  Entry* entry = find<T>(name);
  if (!entry) return;
  if (entry->object) {
    entry->object->emitSignal("Updated").onInterface(entry->interface).withArguments(name);
    return;
  }
  // Not exported: an object without interfaces sends the signal from the path, exporting
  // nothing.
  sdbus::createObject(connection_, entry->path)
      ->emitSignal("Updated")
      .onInterface(entry->interface)
      .withArguments(name);
}

template <typename T>
std::optional<std::string> ConfigObjects::path_of(const std::string& name) const {
  if (Entry* entry = find<T>(name)) return entry->path;
  return std::nullopt;
}

template <typename T>
std::vector<sdbus::ObjectPath> ConfigObjects::paths() const {
  std::vector<sdbus::ObjectPath> out;
  for (const auto& entry : table<T>().entries) out.emplace_back(entry->path);
  return out;
}

bool ConfigObjects::serves(std::string_view path) const { return entry_at(path) != nullptr; }

void ConfigObjects::collect() {
  for (auto& entry : removed_) {
    if (entry->object) entry->object->unregister();
  }
  removed_.clear();
}

size_t ConfigObjects::exported() const {
  size_t n = 0;
  for (Table* t : tables()) {
    for (const auto& entry : t->entries) n += entry->object ? 1 : 0;
  }
  return n;
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
