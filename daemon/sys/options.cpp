#include "sys/options.hpp"

#include <charconv>
#include <optional>

namespace fwctl::sys {
namespace {

std::optional<LogTarget> parse_log_target(const std::string& s) {
  if (s == "mixed") return LogTarget::Mixed;
  if (s == "syslog") return LogTarget::Syslog;
  if (s == "file") return LogTarget::File;
  if (s == "console") return LogTarget::Console;
  return std::nullopt;
}

// Splits "--name=value" into name and value; value is nullopt for a bare "--name".
std::pair<std::string, std::optional<std::string>> split_option(const std::string& arg) {
  auto eq = arg.find('=');
  if (eq == std::string::npos) return {arg, std::nullopt};
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

Status set_debug(DaemonOptions& opts, const std::optional<std::string>& value) {
  if (!value) {
    opts.debug = 1;
    return ok();
  }
  int level = -1;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), level);
  if (ec != std::errc() || end != value->data() + value->size() || level < 0 || level > 10)
    return fail(Code::INVALID_OPTION, "--debug=" + *value);
  opts.debug = level;
  return ok();
}

}  // namespace

Result<DaemonOptions> parse_daemon_options(const std::vector<std::string>& args) {
  DaemonOptions opts;
  for (size_t i = 0; i < args.size(); ++i) {
    // Not a structured binding: clang 14 cannot capture one in a lambda (a C++20 feature).
    auto split = split_option(args[i]);
    const std::string& name = split.first;
    const std::optional<std::string>& value = split.second;
    auto take_value = [&]() -> std::optional<std::string> {
      if (value) return value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    if (name == "--nofork" && !value) {
      opts.nofork = true;
    } else if (name == "--nopid" && !value) {
      opts.nopid = true;
    } else if (name == "--watch-config" && !value) {
      opts.watch_config = true;
    } else if (name == "--debug-gc" && !value) {
      // firewalld's python garbage collector report: nothing to report here, accepted so that
      // a command line written for firewalld starts fwctld.
    } else if (name == "-h" || name == "--help") {
      opts.help = true;
    } else if (name == "--debug" || name == "-d") {
      if (auto s = set_debug(opts, value); !s) return s;
    } else if (name == "--system-config" || name == "--default-config" || name == "--log-file") {
      auto v = take_value();
      if (!v || v->empty()) return fail(Code::INVALID_OPTION, name + " needs a value");
      (name == "--system-config"    ? opts.system_config
       : name == "--default-config" ? opts.default_config
                                    : opts.log_file) = *v;
    } else if (name == "--log-target") {
      auto v = take_value();
      auto target = v ? parse_log_target(*v) : std::nullopt;
      if (!target) return fail(Code::INVALID_OPTION, "--log-target " + v.value_or(""));
      opts.log_target = *target;
    } else {
      return fail(Code::INVALID_OPTION, args[i]);
    }
  }
  return opts;
}

void make_paths_absolute(DaemonOptions& options, const std::filesystem::path& cwd) {
  for (std::string* path : {&options.default_config, &options.system_config, &options.log_file}) {
    auto normal = (cwd / *path).lexically_normal();  // an absolute *path replaces cwd
    if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
    *path = normal.string();
  }
}

std::string daemon_usage() {
  return "usage: fwctld [-h] [--debug [level]] [--debug-gc] [--nofork] [--nopid]\n"
         "              [--system-config path] [--default-config path]\n"
         "              [--log-target {mixed,syslog,file,console}] [--log-file path]\n";
}

}  // namespace fwctl::sys
