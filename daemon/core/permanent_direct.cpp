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

}  // namespace

std::string direct_file(const config::Paths& paths) { return paths.system_dir + "/direct.xml"; }

std::string whitelist_file(const config::Paths& paths) {
  return paths.system_dir + "/lockdown-whitelist.xml";
}

model::DirectConfig load_permanent_direct(const config::Paths& paths, std::vector<Error>& warnings) {
  auto text = read_if_present(direct_file(paths), warnings);
  if (!text) return {};
  auto parsed = config::parse_direct(*text, direct_file(paths));
  for (auto& w : parsed.warnings) warnings.push_back(std::move(w));
  if (parsed.error) warnings.push_back(std::move(*parsed.error));
  return std::move(parsed.config);
}

model::LockdownWhitelist load_permanent_whitelist(const config::Paths& paths,
                                                  std::vector<Error>& warnings, bool report_error) {
  auto text = read_if_present(whitelist_file(paths), warnings);
  if (!text) return {};
  auto parsed = config::parse_lockdown_whitelist(*text, whitelist_file(paths));
  if (parsed.error && report_error) warnings.push_back(std::move(*parsed.error));
  return std::move(parsed.whitelist);
}

Result<model::DirectConfig> save_permanent_direct(const config::Paths& paths,
                                                  const model::DirectConfig& config) {
  auto checked = checked_direct(config);
  if (!checked) return checked;
  if (Status st = config::save_file(direct_file(paths), config::format_direct(*checked)); !st)
    return Unexpected{st.error()};
  return checked;
}

Result<model::LockdownWhitelist> save_permanent_whitelist(const config::Paths& paths,
                                                          const model::LockdownWhitelist& whitelist) {
  auto checked = model::checked_whitelist(whitelist);
  if (!checked) return checked;
  std::string text = config::format_lockdown_whitelist(*checked);
  if (Status st = config::save_file(whitelist_file(paths), text); !st) return Unexpected{st.error()};
  return checked;
}

}  // namespace fwctl::core
