#include "config/loader.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "config/firewalld_conf_file.hpp"
#include "config/item_file.hpp"

namespace fwctl::config {
namespace {

enum class EntryType { File, Directory };

// The names in `dir` of `type`, sorted; nothing if `dir` is not a directory (as in firewalld).
std::vector<std::string> list_directory(const std::string& dir, EntryType type) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return names;
  while (const dirent* entry = ::readdir(d)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    struct stat st {};
    bool is_dir = ::stat((dir + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    // firewalld takes every *.xml name as a file, and looks into directories with other names.
    bool xml = name.ends_with(".xml");
    if (type == EntryType::Directory ? is_dir && !xml : xml) names.push_back(name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

template <typename T>
class KindLoader {
 public:
  KindLoader(std::map<std::string, model::Item<T>>& items, LoadResult& result)
      : items_(items), result_(result) {}

  // Loads every *.xml file of `dir`; `system` marks the system tree. `prefix` names the
  // directory of combined zones ("dir/").
  void load_directory(const std::string& dir, bool system, const std::string& prefix = {}) {
    for (const std::string& file : list_directory(dir, EntryType::File)) {
      std::string name = prefix + file.substr(0, file.size() - 4);
      load_file(dir + "/" + file, name, system);
    }
  }

 private:
  void load_file(const std::string& path, const std::string& name, bool system) {
    Result<Parsed<T>> parsed = load_item<T>(path, name);
    if (!parsed) {
      result_.errors.push_back(parsed.error());
      return;
    }
    auto& warnings = parsed->warnings;
    result_.warnings.insert(result_.warnings.end(), warnings.begin(), warnings.end());
    auto it = items_.find(name);
    model::Origin origin = !system ? model::Origin::Default
                           : it != items_.end() && it->second.origin == model::Origin::Default
                               ? model::Origin::SystemOverridesDefault
                               : model::Origin::System;
    items_[name] = model::Item<T>{std::move(parsed->item), origin, path};
  }

  std::map<std::string, model::Item<T>>& items_;
  LoadResult& result_;
};

template <typename T>
void load_kind(const Paths& paths, std::string_view kind_dir,
               std::map<std::string, model::Item<T>>& items, LoadResult& result) {
  KindLoader<T> loader(items, result);
  loader.load_directory(paths.default_dir + "/" + std::string(kind_dir), false);
  loader.load_directory(paths.system_dir + "/" + std::string(kind_dir), true);
}

// Combined zones: /etc/firewalld/zones/DIR/NAME.xml is the zone "DIR/NAME" (firewalld reads
// them from the system tree only).
void load_combined_zones(const Paths& paths, LoadResult& result) {
  std::string zones = paths.system_dir + "/zones";
  KindLoader<model::Zone> loader(result.config.zones, result);
  for (const std::string& dir : list_directory(zones, EntryType::Directory)) {
    loader.load_directory(zones + "/" + dir, true, dir + "/");
  }
}

void load_conf(const Paths& paths, LoadResult& result) {
  std::string open_failure;
  Result<Parsed<model::FirewalldConf>> conf =
      load_firewalld_conf(paths.system_dir + "/firewalld.conf", &open_failure);
  if (!conf) {
    result.errors.push_back(conf.error());
    return;
  }
  result.config.conf = std::move(conf->item);
  if (!open_failure.empty()) result.conf_open_failure = std::move(open_failure);
  auto& warnings = conf->warnings;
  result.warnings.insert(result.warnings.end(), warnings.begin(), warnings.end());
}

}  // namespace

LoadResult load_config(const Paths& paths) {
  LoadResult result;
  load_conf(paths, result);
  model::Config& c = result.config;
  load_kind(paths, "ipsets", c.ipsets, result);
  load_kind(paths, "icmptypes", c.icmptypes, result);
  load_kind(paths, "helpers", c.helpers, result);
  load_kind(paths, "services", c.services, result);
  load_kind(paths, "zones", c.zones, result);
  load_combined_zones(paths, result);
  load_kind(paths, "policies", c.policies, result);
  return result;
}

}  // namespace fwctl::config
