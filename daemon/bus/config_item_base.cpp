#include "bus/config_item_base.hpp"

#include "bus/config_objects.hpp"
#include "bus/config_settings.hpp"
#include "bus/glue.hpp"
#include "core/permanent_edit.hpp"

namespace fwctl::bus {

template <typename T, typename Glue>
const T& ConfigItemAdaptor<T, Glue>::current() const {
  return value_or_throw(store_.template find<T>(name_))->value;
}

template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::change(sdbus::Result<>&& reply, const char* member, Change edit) {
  serve(std::move(reply), member, [this, edit] {
    value_or_throw(store().template edit<T>(name_, edit));
    this->emitUpdated(name_);
  });
}

template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::get_list(sdbus::Result<std::vector<std::string>>&& reply,
                                          const char* member, Names field) {
  read(std::move(reply), member, [field](const T& item) { return item.*field; });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::set_list(sdbus::Result<>&& reply, const char* member, Names field,
                                          std::vector<std::string> list) {
  change(std::move(reply), member, [field, list = std::move(list)](T& item) {
    item.*field = unique(list);
    return ok();
  });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::add_to(sdbus::Result<>&& reply, const char* member, Names field,
                                        std::string value) {
  change(std::move(reply), member,
         [field, value = std::move(value)](T& item) { return core::add_name(item.*field, value); });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::remove_from(sdbus::Result<>&& reply, const char* member,
                                             Names field, std::string value) {
  change(std::move(reply), member, [field, value = std::move(value)](T& item) {
    return core::remove_name(item.*field, value);
  });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::query_in(sdbus::Result<bool>&& reply, const char* member,
                                          Names field, std::string value) {
  read(std::move(reply), member, [field, value = std::move(value)](const T& item) {
    return core::has_name(item.*field, value);
  });
}

template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::get_list(sdbus::Result<std::vector<PortTuple>>&& reply,
                                          const char* member, PortList field) {
  read(std::move(reply), member, [field](const T& item) { return port_tuples(item.*field); });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::set_list(sdbus::Result<>&& reply, const char* member,
                                          PortList field, std::vector<PortTuple> list) {
  change(std::move(reply), member, [field, list = std::move(list)](T& item) {
    item.*field = unique(port_protos(list));
    return ok();
  });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::add_to(sdbus::Result<>&& reply, const char* member, PortList field,
                                        std::string port, std::string protocol) {
  change(std::move(reply), member, [field, port, protocol](T& item) {
    return core::add_port_entry(item.*field, {port, protocol});
  });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::remove_from(sdbus::Result<>&& reply, const char* member,
                                             PortList field, std::string port,
                                             std::string protocol) {
  change(std::move(reply), member, [field, port, protocol](T& item) {
    return core::remove_port_entry(item.*field, {port, protocol});
  });
}
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::query_in(sdbus::Result<bool>&& reply, const char* member,
                                          PortList field, std::string port, std::string protocol) {
  read(std::move(reply), member, [field, port, protocol](const T& item) {
    return core::has_port_entry(item.*field, {port, protocol});
  });
}

template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::loadDefaults(sdbus::Result<>&& result) {
  serve(std::move(result), "loadDefaults", [this] {
    value_or_throw(store().template load_defaults<T>(name_));
    this->emitUpdated(name_);
  });
}

// firewalld: the file goes, then (for services and ICMP types) the zones and policies using the
// item are updated, then Removed, then the object goes.
template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::remove(sdbus::Result<>&& result) {
  serve(std::move(result), "remove", [this] {
    std::string name = name_;
    core::Cascade cascade = value_or_throw(store().template remove<T>(name));
    for (const auto& zone : cascade.zones) objects_.updated<model::Zone>(zone);
    for (const auto& policy : cascade.policies) objects_.updated<model::Policy>(policy);
    this->emitRemoved(name);
    objects_.remove<T>(name);
  });
}

template <typename T, typename Glue>
void ConfigItemAdaptor<T, Glue>::rename(sdbus::Result<>&& result, std::string name) {
  serve(std::move(result), "rename", [this, name] {
    value_or_throw(store().template rename<T>(name_, name));
    objects_.rename<T>(name_, name);
    this->emitRenamed(name);
  });
}

// The properties are read by sd-bus directly: a missing item reads as empty.
template <typename T, typename Glue>
std::string ConfigItemAdaptor<T, Glue>::filename() {
  auto item = store_.template find<T>(name_);
  return item ? core::Permanent::file_of(**item).filename : std::string();
}
template <typename T, typename Glue>
std::string ConfigItemAdaptor<T, Glue>::path() {
  auto item = store_.template find<T>(name_);
  return item ? core::Permanent::file_of(**item).path : std::string();
}
template <typename T, typename Glue>
bool ConfigItemAdaptor<T, Glue>::default_() {
  auto item = store_.template find<T>(name_);
  return item && core::Permanent::file_of(**item).default_;
}
template <typename T, typename Glue>
bool ConfigItemAdaptor<T, Glue>::builtin() {
  auto item = store_.template find<T>(name_);
  return item && core::Permanent::file_of(**item).builtin;
}

template <typename T, typename Glue>
void ConfigInfoAdaptor<T, Glue>::getVersion(sdbus::Result<std::string>&& result) {
  this->read(std::move(result), "getVersion", [](const T& item) { return item.info.version; });
}
template <typename T, typename Glue>
void ConfigInfoAdaptor<T, Glue>::setVersion(sdbus::Result<>&& result, std::string version) {
  this->change(std::move(result), "setVersion", [version](T& item) {
    item.info.version = version;
    return ok();
  });
}
template <typename T, typename Glue>
void ConfigInfoAdaptor<T, Glue>::getShort(sdbus::Result<std::string>&& result) {
  this->read(std::move(result), "getShort", [](const T& item) { return item.info.short_; });
}
template <typename T, typename Glue>
void ConfigInfoAdaptor<T, Glue>::setShort(sdbus::Result<>&& result, std::string short_) {
  this->change(std::move(result), "setShort", [short_](T& item) {
    item.info.short_ = short_;
    return ok();
  });
}
template <typename T, typename Glue>
void ConfigInfoAdaptor<T, Glue>::getDescription(sdbus::Result<std::string>&& result) {
  this->read(std::move(result), "getDescription",
             [](const T& item) { return item.info.description; });
}
template <typename T, typename Glue>
void ConfigInfoAdaptor<T, Glue>::setDescription(sdbus::Result<>&& result, std::string description) {
  this->change(std::move(result), "setDescription", [description](T& item) {
    item.info.description = description;
    return ok();
  });
}

template class ConfigItemAdaptor<model::Zone, glue::FirewallD1_config_zone>;
template class ConfigItemAdaptor<model::Service, glue::FirewallD1_config_service>;
template class ConfigItemAdaptor<model::Policy, glue::FirewallD1_config_policy>;
template class ConfigItemAdaptor<model::IpSet, glue::FirewallD1_config_ipset>;
template class ConfigItemAdaptor<model::IcmpType, glue::FirewallD1_config_icmptype>;
template class ConfigItemAdaptor<model::Helper, glue::FirewallD1_config_helper>;
template class ConfigInfoAdaptor<model::Zone, glue::FirewallD1_config_zone>;
template class ConfigInfoAdaptor<model::Service, glue::FirewallD1_config_service>;
template class ConfigInfoAdaptor<model::IpSet, glue::FirewallD1_config_ipset>;
template class ConfigInfoAdaptor<model::IcmpType, glue::FirewallD1_config_icmptype>;
template class ConfigInfoAdaptor<model::Helper, glue::FirewallD1_config_helper>;

}  // namespace fwctl::bus
