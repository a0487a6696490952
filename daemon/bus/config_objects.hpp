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
//
// Objects are exported when first used, not when numbered (issue 13: idle memory and start-up).
// sdbus-c++ keeps some 16 kB per exported object (its method tables and sd-bus vtables), 4.7 MB
// for the ~290 items of the shipped defaults, and exporting them was a third of the start-up;
// a client touches a few. An item has its number and path at once; a filter (sd_bus_add_filter,
// which sees every incoming message before sd-bus dispatches it) exports the item's object when
// a method call for its path arrives, and a node enumerator per kind lists the paths of the
// items not yet exported to sd-bus's Introspect of /config and /config/<kind>. Seen from the bus
// nothing differs: every item's path answers as before, and Updated on an item not exported yet
// is sent from its path all the same.

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IObject.h>
#include <systemd/sd-bus.h>

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

  // How many items have their object exported (tests).
  size_t exported() const;

 private:
  struct Entry;
  using Make = std::shared_ptr<void> (*)(ConfigObjects&, Entry&);
  struct Entry {
    std::string name;
    std::string interface;
    std::string path;
    Make make = nullptr;                     // exports object and adaptor
    std::unique_ptr<sdbus::IObject> object;  // null until exported
    std::shared_ptr<void> adaptor;
  };
  struct Table {
    std::string prefix;  // the kind's node, "/org/fedoraproject/FirewallD1/config/zone"
    std::vector<std::unique_ptr<Entry>> entries;
    int next = 0;
    sd_bus_slot* enumerator = nullptr;  // while the kind has items: lists their paths
  };

  template <typename T>
  Table& table();
  template <typename T>
  const Table& table() const;
  template <typename T>
  Entry* find(const std::string& name) const;
  template <typename T>
  void create(const std::string& name);
  template <typename T>
  static std::shared_ptr<void> make(ConfigObjects& self, Entry& entry);
  void materialize(Entry& entry);
  Entry* entry_at(std::string_view path) const;
  // The node enumerator of `t` is there exactly while it has items, so that Introspect of
  // /config names the kinds that have objects, as before.
  void sync_enumerator(Table& t);
  static int on_message(sd_bus_message* m, void* userdata, sd_bus_error* error);
  static int enumerate(sd_bus* bus, const char* prefix, void* userdata, char*** nodes,
                       sd_bus_error* error);
  std::vector<Table*> tables() const;

  sdbus::IConnection& connection_;
  sdbus::IObject& config_object_;
  Authorizer& authorizer_;
  core::Permanent& store_;
  Table zones_, services_, policies_, ipsets_, icmptypes_, helpers_;
  std::vector<std::unique_ptr<Entry>> removed_;
  sd_bus* bus_ = nullptr;  // referenced
  sd_bus_slot* filter_ = nullptr;
};

}  // namespace fwctl::bus
