#include "config/loader.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "config/firewalld_conf_file.hpp"
#include "config/item_file.hpp"

namespace fwctl::config {
namespace {

enum class EntryType { File, Directory };

// Whether the entry is a directory, following a symbolic link as firewalld's os.path.isdir()
// does. The entry's own type (d_type) answers without a stat() unless it is a link or the
// file system does not fill it in.
bool is_directory(int dir_fd, const dirent& entry) {
  if (entry.d_type == DT_DIR) return true;
  if (entry.d_type != DT_LNK && entry.d_type != DT_UNKNOWN) return false;
  struct stat st {};
  return ::fstatat(dir_fd, entry.d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
}

// A directory of the configuration, open while its files are read: opening each file relative
// to it (openat) spares the kernel the walk of the directory's path for each of the ~300 files.
class Directory {
 public:
  explicit Directory(const std::string& path) : dir_(::opendir(path.c_str())) {}
  ~Directory() {
    if (dir_) ::closedir(dir_);
  }
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;

  int fd() const { return dir_ ? ::dirfd(dir_) : -1; }

  // The names of `type`, sorted; nothing if the path is not a directory (as in firewalld).
  // firewalld takes every *.xml name as a file, and looks into directories with other names.
  std::vector<std::string> names(EntryType type) {
    std::vector<std::string> names;
    if (!dir_) return names;
    while (const dirent* entry = ::readdir(dir_)) {
      std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      bool xml = name.ends_with(".xml");
      bool wanted = type == EntryType::File ? xml : !xml && is_directory(fd(), *entry);
      if (wanted) names.emplace_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  DIR* dir_;
};

template <typename T>
class KindLoader {
 public:
  KindLoader(std::map<std::string, model::Item<T>>& items, LoadResult& result)
      : items_(items), result_(result) {}

  // Loads every *.xml file of `dir`; `system` marks the system tree. `prefix` names the
  // directory of combined zones ("dir/").
  void load_directory(const std::string& dir, bool system, const std::string& prefix = {}) {
    Directory directory(dir);
    for (const std::string& file : directory.names(EntryType::File)) {
      std::string name = prefix + file.substr(0, file.size() - 4);
      load_file(directory.fd(), dir + "/" + file, name, system);
    }
  }

 private:
  void load_file(int dir_fd, const std::string& path, const std::string& name, bool system) {
    Result<Parsed<T>> parsed = load_item<T>(path, name, dir_fd);
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
  for (const std::string& dir : Directory(zones).names(EntryType::Directory)) {
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
