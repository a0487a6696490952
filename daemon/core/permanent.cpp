#include "core/permanent.hpp"

#include <algorithm>
#include <filesystem>

#include "config/item_file.hpp"
#include "core/permanent_kinds.hpp"
#include "model/config_check.hpp"

namespace fwctl::core {
namespace {

std::string dir_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Takes `name` out of `list`; true when it was there.
bool erase_name(std::vector<std::string>& list, const std::string& name) {
  auto it = std::remove(list.begin(), list.end(), name);
  bool found = it != list.end();
  list.erase(it, list.end());
  return found;
}

}  // namespace

template <typename T>
const std::map<std::string, model::Item<T>>& Permanent::items() const {
  return config_.*Kind<T>::member;
}

template <typename T>
Result<const model::Item<T>*> Permanent::find(const std::string& name) const {
  const auto& all = items<T>();
  auto it = all.find(name);
  if (it == all.end()) return fail(Kind<T>::unknown, name);
  return &it->second;
}

template <typename T>
ItemFile Permanent::file_of(const model::Item<T>& item) {
  ItemFile file;
  file.filename = base_of(item.path);
  file.path = dir_of(item.path);
  file.builtin = item.origin == model::Origin::Default;
  file.default_ = item.origin != model::Origin::SystemOverridesDefault;
  return file;
}

Status Permanent::refuse_if_failed() const {
  if (failed_ && failed_()) {
    return fail(Code::RUNNING_BUT_FAILED,
                "Changing permanent configuration is not allowed while firewalld is in FAILED "
                "state. The permanent configuration must be fixed and then firewalld restarted. "
                "Try `firewall-offline-cmd --check-config`.");
  }
  return ok();
}

// firewalld's import_config + full_check_config: the item's own check, then the references of
// the whole configuration with `name` taken out and `value` put in under `new_name`.
template <typename T>
Status Permanent::check_change(const std::string& name, const model::Item<T>* removed,
                               const T* value, const std::string& new_name) const {
  if (value) {
    if (Status st = Kind<T>::check(*value); !st) return st;
  }
  model::Config next = config_;
  auto& all = next.*Kind<T>::member;
  if (removed) all.erase(name);
  if (value) all[new_name] = model::Item<T>{*value, model::Origin::System, {}};
  auto problems = model::check_references(next);
  if (!problems.empty()) {
    Error first = problems.front();
    first.file.clear();
    first.line = 0;
    return Unexpected{first};
  }
  return ok();
}

template <typename T>
Status Permanent::save(const std::string& name, model::Item<T> item) {
  if (Status st = config::save_item(item.value, item.path); !st) return st;
  (config_.*Kind<T>::member)[name] = std::move(item);
  return ok();
}

template <typename T>
Status Permanent::check_new(const std::string& name) const {
  if (items<T>().count(name)) {
    return fail(Code::NAME_CONFLICT, std::string(Kind<T>::new_fn) + "(): '" + name + "'");
  }
  return model::check_item_name(Kind<T>::noun, name);
}

template <typename T>
Status Permanent::add(const std::string& name, T value) {
  if (Status st = refuse_if_failed(); !st) return st;
  if (Status st = check_new<T>(name); !st) return st;
  value.info.name = name;
  if (Status st = check_change<T>(name, nullptr, &value, name); !st) return st;
  std::string path = paths_.system_dir + "/" + Kind<T>::dir + "/" + name + ".xml";
  return save(name, model::Item<T>{std::move(value), model::Origin::System, path});
}

template <typename T>
Status Permanent::update(const std::string& name, T value) {
  if (Status st = refuse_if_failed(); !st) return st;
  auto found = find<T>(name);
  if (!found) return found;
  value.info.name = name;
  if (Status st = check_change<T>(name, *found, &value, name); !st) return st;
  return store(name, std::move(value));
}

template <typename T>
Status Permanent::store(const std::string& name, T value) {
  model::Item<T> item = items<T>().at(name);
  if (item.origin == model::Origin::Default) {
    // A default item edited becomes a system copy that overrides it.
    item.origin = model::Origin::SystemOverridesDefault;
    item.path = paths_.system_dir + "/" + Kind<T>::dir + "/" + base_of(item.path);
  }
  item.value = std::move(value);
  return save(name, std::move(item));
}

template <typename T>
Status Permanent::edit(const std::string& name, const std::function<Status(T&)>& change) {
  auto found = find<T>(name);
  if (!found) return found;
  T value = (*found)->value;
  if (Status st = change(value); !st) return st;
  return update<T>(name, std::move(value));
}

template <typename T>
Status Permanent::load_defaults(const std::string& name) {
  if (Status st = refuse_if_failed(); !st) return st;
  auto found = find<T>(name);
  if (!found) return found;
  const model::Item<T>& item = **found;
  if (item.origin == model::Origin::Default) return fail(Code::NO_DEFAULTS, name);
  if (item.origin == model::Origin::System) {
    return fail(Code::NO_DEFAULTS, "'" + name + "' not a built-in " + Kind<T>::noun);
  }
  std::string default_path = paths_.default_dir + "/" + Kind<T>::dir + "/" + base_of(item.path);
  auto loaded = config::load_item<T>(default_path, name);
  if (!loaded) return loaded;
  if (Status st = config::remove_item(item.path); !st) return st;
  (config_.*Kind<T>::member)[name] =
      model::Item<T>{std::move(loaded->item), model::Origin::Default, default_path};
  return ok();
}

template <typename T>
Result<Cascade> Permanent::remove(const std::string& name) {
  if (Status st = refuse_if_failed(); !st) return st;
  auto found = find<T>(name);
  if (!found) return found;
  if ((*found)->origin != model::Origin::System) {
    return fail(Kind<T>::builtin, builtin_detail<T>(name));
  }
  if (Status st = config::remove_item((*found)->path); !st) return st;
  (config_.*Kind<T>::member).erase(name);
  Cascade cascade;
  if constexpr (std::is_same_v<T, model::Service> || std::is_same_v<T, model::IcmpType>) {
    // firewalld takes the item out of every zone and policy using it, one update each; an
    // update that fails is logged there and the rest goes on.
    auto list_of = [](auto& item) -> std::vector<std::string>& {
      if constexpr (std::is_same_v<T, model::Service>) return item.services;
      else return item.icmp_blocks;
    };
    // firewalld checks each of these updates against the whole configuration, so the first
    // zone updated fails when a second one still names the item; removing a name cannot make a
    // zone or policy invalid, so fwctl stores them without that check.
    auto zones = config_.zones;
    for (auto& [zone, item] : zones) {
      if (erase_name(list_of(item.value), name) && store<model::Zone>(zone, item.value)) {
        cascade.zones.push_back(zone);
      }
    }
    auto policies = config_.policies;
    for (auto& [policy, item] : policies) {
      if (erase_name(list_of(item.value), name) && store<model::Policy>(policy, item.value)) {
        cascade.policies.push_back(policy);
      }
    }
  }
  return cascade;
}

template <typename T>
Status Permanent::rename(const std::string& name, const std::string& new_name) {
  if (Status st = refuse_if_failed(); !st) return st;
  auto found = find<T>(name);
  if (!found) return found;
  const model::Item<T> old = **found;
  if (old.origin != model::Origin::System) return fail(Kind<T>::builtin, builtin_detail<T>(name));
  if (Status st = check_new<T>(new_name); !st) return st;
  T value = old.value;
  value.info.name = new_name;
  if (Status st = check_change<T>(name, &old, &value, new_name); !st) return st;
  std::string path = paths_.system_dir + "/" + Kind<T>::dir + "/" + new_name + ".xml";
  if (Status st = config::save_item(value, path); !st) return st;
  if (Status st = config::remove_item(old.path); !st) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);  // the new file goes again: nothing changed
    return st;
  }
  auto& all = config_.*Kind<T>::member;
  all.erase(name);
  all[new_name] = model::Item<T>{std::move(value), model::Origin::System, path};
  return ok();
}

#define FWCTL_INSTANTIATE_PERMANENT(T)                                                      \
  template const std::map<std::string, model::Item<T>>& Permanent::items<T>() const;        \
  template Result<const model::Item<T>*> Permanent::find<T>(const std::string&) const;      \
  template ItemFile Permanent::file_of<T>(const model::Item<T>&);                           \
  template Status Permanent::check_new<T>(const std::string&) const;                        \
  template Status Permanent::add<T>(const std::string&, T);                                 \
  template Status Permanent::update<T>(const std::string&, T);                              \
  template Status Permanent::edit<T>(const std::string&, const std::function<Status(T&)>&); \
  template Status Permanent::load_defaults<T>(const std::string&);                          \
  template Result<Cascade> Permanent::remove<T>(const std::string&);                        \
  template Status Permanent::rename<T>(const std::string&, const std::string&);
FWCTL_INSTANTIATE_PERMANENT(model::Zone)
FWCTL_INSTANTIATE_PERMANENT(model::Service)
FWCTL_INSTANTIATE_PERMANENT(model::Policy)
FWCTL_INSTANTIATE_PERMANENT(model::IpSet)
FWCTL_INSTANTIATE_PERMANENT(model::IcmpType)
FWCTL_INSTANTIATE_PERMANENT(model::Helper)
#undef FWCTL_INSTANTIATE_PERMANENT

}  // namespace fwctl::core
