#pragma once
// The permanent configuration on disk as fwctl --offline and firewall-offline-cmd edit it: the
// daemon's store (core::Permanent) behind the calls of config.* and its objects, with
// firewall-cmd's or firewall-offline-cmd's reactions to failures (Client). Shared by offline.cpp
// (--permanent without a daemon) and offline_cmd*.cpp (--offline, firewall-offline-cmd).

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "core/permanent.hpp"
#include "core/permanent_edit.hpp"
#include "info_format.hpp"
#include "model_settings.hpp"
#include "offline_direct.hpp"
#include "option_groups.hpp"
#include "session.hpp"
#include "show.hpp"
#include "values.hpp"
#include "zone_flags.hpp"

namespace fwctl::cli {

void run_direct(Session& s, OfflineDirect& d);
void run_whitelist(Session& s, OfflineWhitelist& w);

using Zones = std::map<std::string, model::Item<model::Zone>>;

inline void throw_if_failed(const Status& st) {
  if (!st) throw FwError{st.error().message()};
}

template <typename T>
std::vector<std::string> names(const std::map<std::string, model::Item<T>>& items) {
  std::vector<std::string> out;
  for (const auto& [name, item] : items) out.push_back(name);
  return out;
}

template <typename T>
void value_or_fail(const Result<T>& r) {
  if (!r) throw FwError{r.error().message()};
}

// firewalld's new Zone(): forwarding on until the settings say otherwise (as fwctld's addZone2).
template <typename T>
T fresh() {
  T item{};
  if constexpr (std::is_same_v<T, model::Zone>) item.forward = true;
  return item;
}

// firewall-offline-cmd's failure for an unknown item: fw.config.get_<kind>()'s text.
template <typename T>
std::string missing(const std::string& name) {
  if constexpr (std::is_same_v<T, model::Zone>) return "INVALID_ZONE: get_zone(): " + name;
  if constexpr (std::is_same_v<T, model::Service>)
    return "INVALID_SERVICE: get_service(): '" + name + "'";
  if constexpr (std::is_same_v<T, model::Policy>)
    return "INVALID_POLICY: get_policy_object(): " + name;
  if constexpr (std::is_same_v<T, model::IpSet>) return "INVALID_IPSET: " + name;
  if constexpr (std::is_same_v<T, model::Helper>) return "INVALID_HELPER: " + name;
  return "INVALID_ICMPTYPE: " + name;
}

struct Offline {
  Args& a;
  const Printer& p;
  Client& c;
  core::Permanent& store;
  Session& s;
  const config::Paths& paths;

  [[noreturn]] void list(const std::vector<std::string>& items, const char* sep = " ") const {
    p.and_exit(join(items, sep));
  }
  // The permanent item, or firewall-cmd's failure for an unknown name (INVALID_ZONE: x, ...).
  template <typename T>
  const model::Item<T>& item(const std::string& name) const {
    auto found = store.find<T>(name);
    if (!found) {
      c.handle("", c.offline_cmd() ? missing<T>(name) : found.error().message());
      throw Exit{static_cast<int>(found.error().code)};
    }
    return **found;
  }
  const model::Zone& zone(const std::string& name) const { return item<model::Zone>(name).value; }
  // config.add<Kind>(name, settings): the name checked first, then the settings taken in.
  template <typename T, typename Settings>
  void add(const std::string& name, const Settings& settings) {
    c.call([&] {
      throw_if_failed(store.check_new<T>(name));
      T value = fresh<T>();
      if constexpr (std::is_void_v<decltype(apply_settings(value, settings))>) {
        apply_settings(value, settings);
      } else {
        throw_if_failed(apply_settings(value, settings));
      }
      throw_if_failed(store.add<T>(name, std::move(value)));
    });
  }
  // config.<kind>.update(settings).
  template <typename T, typename Settings>
  void update(const std::string& name, const Settings& settings) {
    c.call([&] {
      throw_if_failed(store.edit<T>(name, [&](T& value) -> Status {
        if constexpr (std::is_void_v<decltype(apply_settings(value, settings))>) {
          apply_settings(value, settings);
          return ok();
        } else {
          return apply_settings(value, settings);
        }
      }));
    });
  }
  // --get-<kinds>, --delete-<kind>, --load-<kind>-defaults, --info-<kind>, --path-<kind>.
  template <typename T, typename Show>
  bool item_ops(const KindDests& k, Show show) {
    if (a.t(k.get_all)) s.print_list(names(store.items<T>()));
    // firewall-offline-cmd looks the item up first (fw.config.get_<kind>()).
    if (c.offline_cmd() && a.t(k.remove)) item<T>(a.str(k.remove));
    if (c.offline_cmd() && a.t(k.load_defaults)) item<T>(a.str(k.load_defaults));
    if (a.t(k.remove))
      return c.call([&] { value_or_fail(store.remove<T>(a.str(k.remove))); }), true;
    if (a.t(k.load_defaults))
      return c.call([&] { throw_if_failed(store.load_defaults<T>(a.str(k.load_defaults))); }), true;
    if (a.t(k.info)) {
      std::string name = a.str(k.info);
      show(name, to_settings(item<T>(name).value));
      throw Exit{0};
    }
    if (a.t(k.path)) {
      core::ItemFile file = core::Permanent::file_of(item<T>(a.str(k.path)));
      p.and_exit(file.path + "/" + file.filename);
    }
    return false;
  }
  // One zone edit as config.zone's add*/remove* method does it (binding check included).
  void edit(const std::string& name, const std::function<Status(model::Zone&)>& change) {
    const Zones& zones = store.items<model::Zone>();
    throw_if_failed(store.edit<model::Zone>(name, [&](model::Zone& z) {
      model::Zone old = z;
      if (Status st = change(z); !st) return st;
      return core::check_zone_bindings(zones, name, old, z);
    }));
  }

  bool general();
  bool standalone();
  bool kinds();
  // --policy-set=PREFIX --add-disable/--remove-disable (firewalld 2.4): every policy whose name
  // starts with PREFIX; false when the option is not given.
  bool policy_set();
  bool new_from_file();
  void zone_ops(const std::string& name);
  bool zone_lists(const std::string& name, const ZoneSettings& st, const FlagExecutor& flags,
                  const ValueExecutor& values);
  bool bindings(const std::string& name);
};

}  // namespace fwctl::cli
