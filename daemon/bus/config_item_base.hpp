#pragma once
// What the six per-item config interfaces (/config/zone/N, /config/service/N, ...) share: the
// item they serve, the properties name/filename/path/default/builtin, and the members every one
// of them has (loadDefaults, remove, rename; version, short, description but for policies). A
// change is firewalld's "get settings, change one thing, update": core::Permanent::edit, then the
// Updated signal.
//
// T is the model type, Glue the generated adaptor (bus/glue.hpp).

#include <functional>
#include <string>
#include <vector>

#include "bus/served.hpp"
#include "bus/settings_dict.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ConfigObjects;

template <typename T, typename Glue>
class ConfigItemAdaptor : public Glue, protected Served {
 public:
  // `name` is the item's current name, kept by `objects` (it changes on rename).
  ConfigItemAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Permanent& store,
                    ConfigObjects& objects, const std::string& name)
      : Glue(object),
        Served(object, authorizer, Glue::INTERFACE_NAME),
        store_(store),
        objects_(objects),
        name_(name) {}

 protected:
  ~ConfigItemAdaptor() = default;  // owned as the final adaptor, never through this base

  using Change = std::function<Status(T&)>;

  core::Permanent& store() { return store_; }
  // The item's permanent settings; its INVALID_* error when it is gone.
  const T& current() const;
  // Answers `reply` with read(current()).
  template <typename R, typename Read>
  void read(sdbus::Result<R>&& reply, const char* member, Read reader) {
    serve(std::move(reply), member, [this, reader] { return reader(current()); });
  }
  // edit() with `change`, then Updated.
  void change(sdbus::Result<>&& reply, const char* member, Change edit);

  // The fine-grained list members of firewalld's config objects (config_service.addPort, ...),
  // on one list field of T: get it, set it (duplicates dropped, as update does), add one
  // element (ALREADY_ENABLED), remove one (NOT_ENABLED), query one. Each change goes through
  // change(), as update does. Names compare as strings, ports as (port, protocol) pairs.
  using Names = std::vector<std::string> T::*;
  using PortList = std::vector<model::PortProto> T::*;
  void get_list(sdbus::Result<std::vector<std::string>>&& reply, const char* member, Names field);
  void set_list(sdbus::Result<>&& reply, const char* member, Names field,
                std::vector<std::string> list);
  void add_to(sdbus::Result<>&& reply, const char* member, Names field, std::string value);
  void remove_from(sdbus::Result<>&& reply, const char* member, Names field, std::string value);
  void query_in(sdbus::Result<bool>&& reply, const char* member, Names field, std::string value);
  void get_list(sdbus::Result<std::vector<PortTuple>>&& reply, const char* member, PortList field);
  void set_list(sdbus::Result<>&& reply, const char* member, PortList field,
                std::vector<PortTuple> list);
  void add_to(sdbus::Result<>&& reply, const char* member, PortList field, std::string port,
              std::string protocol);
  void remove_from(sdbus::Result<>&& reply, const char* member, PortList field, std::string port,
                   std::string protocol);
  void query_in(sdbus::Result<bool>&& reply, const char* member, PortList field, std::string port,
                std::string protocol);

  void loadDefaults(sdbus::Result<>&& result) override;
  void remove(sdbus::Result<>&& result) override;
  void rename(sdbus::Result<>&& result, std::string name) override;

  std::string name() override { return name_; }
  std::string filename() override;
  std::string path() override;
  bool default_() override;
  bool builtin() override;

  core::Permanent& store_;  // the owner of the permanent configuration
  ConfigObjects& objects_;
  const std::string& name_;
};

// The kinds with the fine-grained version/short/description members (all but policy).
template <typename T, typename Glue>
class ConfigInfoAdaptor : public ConfigItemAdaptor<T, Glue> {
 public:
  using ConfigItemAdaptor<T, Glue>::ConfigItemAdaptor;

 protected:
  ~ConfigInfoAdaptor() = default;

  void getVersion(sdbus::Result<std::string>&& result) override;
  void setVersion(sdbus::Result<>&& result, std::string version) override;
  void getShort(sdbus::Result<std::string>&& result) override;
  void setShort(sdbus::Result<>&& result, std::string short_) override;
  void getDescription(sdbus::Result<std::string>&& result) override;
  void setDescription(sdbus::Result<>&& result, std::string description) override;
};

}  // namespace fwctl::bus
