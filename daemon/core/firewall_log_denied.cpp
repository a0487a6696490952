// firewalld.conf changes made from the main D-Bus interface: setLogDenied and resetToDefaults
// (firewalld 1.3.3's fw.set_log_denied and fw_config.reset_defaults). Both only write files;
// the caller reloads, as firewalld's D-Bus methods do.

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

#include "config/firewalld_conf_file.hpp"
#include "core/firewall.hpp"
#include "core/permanent.hpp"

namespace fwctl::core {
namespace {

// The directories of the item files firewalld's reset_defaults backs up.
constexpr std::array<const char*, 6> kItemDirs = {"zones",    "policies", "ipsets",
                                                  "services", "helpers",  "icmptypes"};

// Renames every DIR/*.xml to DIR/*.xml.old.
Status back_up_items(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return ok();
  for (const auto& file : std::filesystem::directory_iterator(dir, ec)) {
    const auto& path = file.path();
    if (path.extension() != ".xml" || !file.is_regular_file(ec)) continue;
    std::filesystem::rename(path, path.string() + ".old", ec);
    if (ec) {  // firewalld logs the failed backup and removes the file
      std::filesystem::remove(path, ec);
      if (ec) return fail(Code::COMMAND_FAILED, path.string() + ": " + ec.message());
    }
  }
  if (ec) return fail(Code::COMMAND_FAILED, dir.string() + ": " + ec.message());
  return ok();
}

}  // namespace

Status Firewall::set_log_denied(const std::string& value) {
  if (Status st = check_log_denied(value); !st) return st;
  if (value == log_denied()) return fail(Code::ALREADY_SET, value);
  model::FirewalldConf conf = permanent_.conf;
  conf.log_denied = value;
  if (Status st = config::save_firewalld_conf(conf, paths_.system_dir + "/firewalld.conf"); !st) {
    return st;
  }
  permanent_.conf.log_denied = value;
  runtime_.conf.log_denied = value;
  return ok();
}

// The files on disk are what gets backed up (firewalld backs up the items it loaded from the
// system tree, which are those files unless one failed to load).
Status Firewall::reset_to_defaults() {
  for (const char* kind : kItemDirs) {
    if (Status st = back_up_items(std::filesystem::path(paths_.system_dir) / kind); !st) return st;
  }
  return config::save_firewalld_conf(model::FirewalldConf{}, paths_.system_dir + "/firewalld.conf");
}

}  // namespace fwctl::core
