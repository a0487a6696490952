#pragma once
// The per-item objects under /org/fedoraproject/FirewallD1/config, numbered as firewalld numbers
// them (server/config.py): per kind from 0 in the order the items were loaded (by name), a new
// item gets the next number, a removed one's object goes away and its number is not reused; a
// reload drops them all and numbers afresh. Creating one signals <Kind>Added on /config, as
// firewalld does (at start and on reload too). firewalld has no ObjectManager: no
// InterfacesAdded.
//
// An object removed by its own method call leaves the tables at once (it is no longer listed or
// found by name) but is unregistered and destroyed later, by collect() from the event loop,
// outside the call that removed it: sd-bus holds that call's slot until the call returns.

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IObject.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/firewall.hpp"

namespace fwctl::bus {

class Authorizer;

inline constexpr const char* kConfigInterface = "org.fedoraproject.FirewallD1.config";

class ConfigObjects {
 public:
  ConfigObjects(sdbus::IConnection& connection, sdbus::IObject& config_object,
                Authorizer& authorizer, core::Permanent& store);
  ~ConfigObjects();
  ConfigObjects(const ConfigObjects&) = delete;
  ConfigObjects& operator=(const ConfigObjects&) = delete;

  // Drops every item object and creates one per permanent item, numbered from 0.
  void rebuild();

  // T is model::Zone, Service, Policy, IpSet, IcmpType or Helper.
  // The object of a new item (the next number); signals <Kind>Added. Returns its path.
  template <typename T>
  std::string add(const std::string& name);
  // Takes the item's object out of the tables (unregistered and destroyed by collect()).
  template <typename T>
  void remove(const std::string& name);
  // The object now serves the item under `new_name`.
  template <typename T>
  void rename(const std::string& name, const std::string& new_name);
  // Signals Updated(name) on the item's object (changes made elsewhere than on the object).
  template <typename T>
  void updated(const std::string& name);
  // The item's object path; nullopt when there is none.
  template <typename T>
  std::optional<std::string> path_of(const std::string& name) const;
  // Every object path of the kind, in the order of their numbers.
  template <typename T>
  std::vector<sdbus::ObjectPath> paths() const;

  // True when `path` is the object of a current item (not of one removed).
  bool serves(std::string_view path) const;

  // Unregisters and destroys the objects removed since the last call.
  void collect();

 private:
  struct Entry {
    std::string name;
    std::string interface;
    std::unique_ptr<sdbus::IObject> object;
    std::shared_ptr<void> adaptor;
  };
  struct Table {
    std::vector<std::unique_ptr<Entry>> entries;
    int next = 0;
  };

  template <typename T>
  Table& table();
  template <typename T>
  const Table& table() const;
  template <typename T>
  Entry* find(const std::string& name) const;
  template <typename T>
  void create(const std::string& name);

  sdbus::IConnection& connection_;
  sdbus::IObject& config_object_;
  Authorizer& authorizer_;
  core::Permanent& store_;
  Table zones_, services_, policies_, ipsets_, icmptypes_, helpers_;
  std::vector<std::unique_ptr<Entry>> removed_;
};

}  // namespace fwctl::bus
