// Firewall's direct interface and lockdown members (see the block in firewall.hpp).
#include <filesystem>

#include "config/atomic_file.hpp"
#include "config/direct_xml.hpp"
#include "config/lockdown_whitelist_xml.hpp"
#include "core/direct_settings.hpp"
#include "core/firewall.hpp"

namespace fwctl::core {
namespace {

std::string direct_file(const config::Paths& paths) { return paths.system_dir + "/direct.xml"; }

std::string whitelist_file(const config::Paths& paths) {
  return paths.system_dir + "/lockdown-whitelist.xml";
}

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

// What of `runtime` is not in `permanent`: the runtime-only entries a reload keeps.
model::DirectConfig runtime_only(const model::DirectConfig& runtime,
                                 const model::DirectConfig& permanent) {
  model::DirectConfig out;
  for (const auto& c : runtime.chains) {
    if (!permanent.has(c)) out.add(c);
  }
  for (const auto& r : runtime.rules) {
    if (!permanent.has(r)) out.add(r);
  }
  for (const auto& p : runtime.passthroughs) {
    if (!permanent.has(p)) out.add(p);
  }
  return out;
}

// `error` as firewalld logs a file it failed to load and went on without: at ERROR, as
// "Failed to load direct rules file 'PATH': CODE: detail" for `what` "direct rules file".
Error load_failure(Error error, const std::string& what, const std::string& path) {
  error.log_level = Error::LogLevel::Error;
  error.log_text = "Failed to load " + what + " '" + path + "': " + error.message();
  return error;
}

}  // namespace

// firewalld's _start_load_direct_rules and _start_load_lockdown_whitelist: a file that fails to
// read is logged and what came before the failure is used.
void Firewall::load_direct_lockdown() {
  permanent_direct_ = {};
  if (auto text = read_if_present(direct_file(paths_), warnings_)) {
    auto parsed = config::parse_direct(*text, direct_file(paths_));
    permanent_direct_ = std::move(parsed.config);
    for (auto& w : parsed.warnings) warnings_.push_back(std::move(w));
    if (parsed.error) {
      warnings_.push_back(load_failure(std::move(*parsed.error), "direct rules file",
                                       direct_file(paths_)));
    }
  }
  bool enabled = lockdown_from_conf(runtime_.conf.lockdown);
  permanent_whitelist_ = {};
  if (auto text = read_if_present(whitelist_file(paths_), warnings_)) {
    auto parsed = config::parse_lockdown_whitelist(*text, whitelist_file(paths_));
    permanent_whitelist_ = std::move(parsed.whitelist);
    // firewalld logs a broken whitelist as an error only when lockdown is on.
    if (parsed.error && enabled) {
      warnings_.push_back(load_failure(std::move(*parsed.error), "lockdown whitelist",
                                       whitelist_file(paths_)));
    }
  }
  lockdown_.reset(enabled, permanent_whitelist_);
}

// firewalld's _start_apply_direct_rules, then (reload with FlushAllOnReload=no) the runtime-only
// entries put back as reload's set_config does, whether the permanent ones went in or not.
Status Firewall::apply_direct(bool keep_runtime) {
  model::DirectConfig kept;
  if (keep_runtime) kept = runtime_only(direct_.config(), permanent_direct_);
  direct_.clear(warnings_);
  load_direct_lockdown();
  Status applied = direct_.apply_all(permanent_direct_, warnings_);
  if (keep_runtime) direct_.apply(kept, warnings_);
  if (applied) return ok();
  // "since direct rules are easy to make syntax errors lets highlight the cause"
  Error error = applied.error();
  error.detail = "Direct: " + error.detail;
  return Unexpected{std::move(error)};
}

// firewalld's check_on_disk_config for direct.xml and lockdown-whitelist.xml: each file that
// exists is read and its entries checked; the first problem comes back as "'FILE': detail".
Status Firewall::check_direct_lockdown_files() const {
  auto located = [](const std::string& path, Error error) {
    error.detail = "'" + path + "': " + error.detail;
    error.file.clear();
    error.line = 0;
    return Unexpected{std::move(error)};
  };
  std::vector<Error> unreadable;
  std::string direct_path = direct_file(paths_);
  if (auto text = read_if_present(direct_path, unreadable)) {
    auto parsed = config::parse_direct(*text, direct_path);
    if (parsed.error) return located(direct_path, *parsed.error);
    auto checked = checked_direct(parsed.config);
    if (!checked) return located(direct_path, checked.error());
  }
  std::string whitelist_path = whitelist_file(paths_);
  if (auto text = read_if_present(whitelist_path, unreadable)) {
    auto parsed = config::parse_lockdown_whitelist(*text, whitelist_path);
    if (parsed.error) return located(whitelist_path, *parsed.error);
    auto checked = model::checked_whitelist(parsed.whitelist);
    if (!checked) return located(whitelist_path, checked.error());
  }
  if (!unreadable.empty()) return Unexpected{unreadable.front()};
  return ok();
}

void Firewall::stop_direct() {
  std::vector<Error> ignored;  // at exit nobody is left to tell
  direct_.clear(ignored);
}

Status Firewall::set_permanent_direct(const model::DirectConfig& config) {
  auto checked = checked_direct(config);
  if (!checked) return Unexpected{checked.error()};
  if (Status st = config::save_file(direct_file(paths_), config::format_direct(*checked)); !st) {
    return st;
  }
  permanent_direct_ = std::move(*checked);
  return ok();
}

Status Firewall::set_permanent_whitelist(const model::LockdownWhitelist& whitelist) {
  auto checked = model::checked_whitelist(whitelist);
  if (!checked) return Unexpected{checked.error()};
  std::string text = config::format_lockdown_whitelist(*checked);
  if (Status st = config::save_file(whitelist_file(paths_), text); !st) return st;
  permanent_whitelist_ = std::move(*checked);
  return ok();
}

}  // namespace fwctl::core
