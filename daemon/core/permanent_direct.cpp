#include "core/permanent_direct.hpp"

#include <filesystem>
#include <optional>

#include "config/atomic_file.hpp"
#include "config/direct_xml.hpp"
#include "config/lockdown_whitelist_xml.hpp"
#include "core/direct_settings.hpp"

namespace fwctl::core {
namespace {

// The content of `path`, or nothing when there is no such file; a file that cannot be read is
// reported in `warnings`.
std::optional<std::string> read_if_present(const std::string& path, std::vector<Error>& warnings) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  auto text = config::read_file(path);
  if (!text) {
    warnings.push_back(text.error());
    return std::nullopt;
  }
  return std::move(*text);
}

// `error` as firewalld logs a file it failed to load and went on without: at ERROR, as
// "Failed to load direct rules file 'PATH': CODE: detail" for `what` "direct rules file".
Error load_failure(Error error, const std::string& what, const std::string& path) {
  error.log_level = Error::LogLevel::Error;
  error.log_text = "Failed to load " + what + " '" + path + "': " + error.message();
  return error;
}

}  // namespace

std::string direct_file(const config::Paths& paths) { return paths.system_dir + "/direct.xml"; }

std::string whitelist_file(const config::Paths& paths) {
  return paths.system_dir + "/lockdown-whitelist.xml";
}

model::DirectConfig load_permanent_direct(const config::Paths& paths,
                                          std::vector<Error>& warnings) {
  auto text = read_if_present(direct_file(paths), warnings);
  if (!text) return {};
  auto parsed = config::parse_direct(*text, direct_file(paths));
  for (auto& w : parsed.warnings) warnings.push_back(std::move(w));
  if (parsed.error) {
    warnings.push_back(
        load_failure(std::move(*parsed.error), "direct rules file", direct_file(paths)));
  }
  return std::move(parsed.config);
}

model::LockdownWhitelist load_permanent_whitelist(const config::Paths& paths,
                                                  std::vector<Error>& warnings, bool report_error) {
  auto text = read_if_present(whitelist_file(paths), warnings);
  if (!text) return {};
  auto parsed = config::parse_lockdown_whitelist(*text, whitelist_file(paths));
  // firewalld logs a broken whitelist as an error only when lockdown is on.
  if (parsed.error && report_error) {
    warnings.push_back(
        load_failure(std::move(*parsed.error), "lockdown whitelist", whitelist_file(paths)));
  }
  return std::move(parsed.whitelist);
}

// firewalld's check_on_disk_config for direct.xml and lockdown-whitelist.xml.
Status check_direct_lockdown_files_in(const config::Paths& paths) {
  auto located = [](const std::string& path, Error error) {
    error.detail = "'" + path + "': " + error.detail;
    error.file.clear();
    error.line = 0;
    return Unexpected{std::move(error)};
  };
  std::vector<Error> unreadable;
  std::string direct_path = direct_file(paths);
  if (auto text = read_if_present(direct_path, unreadable)) {
    auto parsed = config::parse_direct(*text, direct_path);
    if (parsed.error) return located(direct_path, *parsed.error);
    auto checked = checked_direct(parsed.config);
    if (!checked) return located(direct_path, checked.error());
  }
  std::string whitelist_path = whitelist_file(paths);
  if (auto text = read_if_present(whitelist_path, unreadable)) {
    auto parsed = config::parse_lockdown_whitelist(*text, whitelist_path);
    if (parsed.error) return located(whitelist_path, *parsed.error);
    auto checked = model::checked_whitelist(parsed.whitelist);
    if (!checked) return located(whitelist_path, checked.error());
  }
  if (!unreadable.empty()) return Unexpected{unreadable.front()};
  return ok();
}

Result<model::DirectConfig> save_permanent_direct(const config::Paths& paths,
                                                  const model::DirectConfig& config) {
  auto checked = checked_direct(config);
  if (!checked) return checked;
  if (Status st = config::save_file(direct_file(paths), config::format_direct(*checked)); !st)
    return st;
  return checked;
}

Result<model::LockdownWhitelist> save_permanent_whitelist(
    const config::Paths& paths, const model::LockdownWhitelist& whitelist) {
  auto checked = model::checked_whitelist(whitelist);
  if (!checked) return checked;
  std::string text = config::format_lockdown_whitelist(*checked);
  if (Status st = config::save_file(whitelist_file(paths), text); !st) return st;
  return checked;
}

}  // namespace fwctl::core
