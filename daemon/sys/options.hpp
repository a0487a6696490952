#pragma once
// fwctld's command line: firewalld's daemon options (man firewalld).

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::sys {

enum class LogTarget { Mixed, Syslog, File, Console };

struct DaemonOptions {
  bool nofork = false;
  bool nopid = false;
  // fwctl's own: firewalld 2.5's config watcher (sys/config_watcher.hpp). Off unless asked for,
  // so that a daemon started as firewalld 1.3.3 is started logs only 1.3.3's lines.
  bool watch_config = false;
  std::string system_config = "/etc/firewalld";
  std::string default_config = "/usr/lib/firewalld";
  std::string log_file = "/var/log/firewalld";
  LogTarget log_target = LogTarget::Mixed;
  int debug = 0;  // --debug alone means 1, --debug=N sets N (0..10)
  bool help = false;
};

// Parses argv[1..]. Accepts both "--opt value" and "--opt=value" as python's argparse does.
// Fails with INVALID_OPTION naming the offending argument.
Result<DaemonOptions> parse_daemon_options(const std::vector<std::string>& args);

// Makes --default-config, --system-config and --log-file absolute, relative to `cwd`, and
// normal ("/a/b/../c/" is "/a/c").
void make_paths_absolute(DaemonOptions& options, const std::filesystem::path& cwd);

// The usage text printed for --help and after an option error.
std::string daemon_usage();

}  // namespace fwctl::sys
