#pragma once
// firewalld 2.5's configuration watcher: notices files of the configuration trees changing
// behind the daemon's back (an editor, a package, scp) and, once things have been quiet for a
// while, says once that the change is not in force and which command applies it.
//
// inotify watches each kind's directory (zones, services, ...) of every tree, and the system
// tree itself for firewalld.conf and direct.xml, as firewalld 2.5 does. Only an existing .xml or
// .conf file counts (editor backups and removals do not, as in firewalld). The daemon drops the
// events of its own writes (discard()) and re-arms the watcher after a reload (rearm()).
//
//   auto watcher = ConfigWatcher::open({"/usr/lib/firewalld", "/etc/firewalld"});
//   poll on watcher->fd(); readable: watcher->take(now)
//   at watcher->deadline(): if (auto file = watcher->due(now)) log it

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::sys {

class ConfigWatcher {
 public:
  using Clock = std::chrono::steady_clock;
  // firewalld's Watcher(callback, 5): the report waits for 5 s without another change.
  static constexpr std::chrono::seconds kQuiet{5};

  // Watches the trees given (the system tree last); a directory that does not exist is skipped.
  // COMMAND_FAILED when inotify cannot be set up.
  static Result<std::unique_ptr<ConfigWatcher>> open(const std::vector<std::string>& trees,
                                                     Clock::duration quiet = kQuiet);
  ~ConfigWatcher();
  ConfigWatcher(const ConfigWatcher&) = delete;
  ConfigWatcher& operator=(const ConfigWatcher&) = delete;

  int fd() const { return fd_; }
  // Reads the pending events: a change of a watched file (re)starts the quiet period.
  void take(Clock::time_point now);
  // Reads and drops the pending events (the daemon's own writes).
  void discard();
  // When the quiet period after the last change ends, while a change waits to be reported.
  std::optional<Clock::time_point> deadline() const;
  // The changed file, once its quiet period is over; then nothing until rearm().
  std::optional<std::string> due(Clock::time_point now);
  // After a reload the files are in force again: forget what is pending, report the next change.
  void rearm();

  // Whether a change of `path` counts (firewalld's on_disk_config_changed filter).
  static bool counts(const std::string& path, bool in_tree_root);

 private:
  ConfigWatcher(int fd, Clock::duration quiet) : fd_(fd), quiet_(quiet) {}
  void read_events(std::optional<Clock::time_point> now);

  int fd_;
  Clock::duration quiet_;
  std::map<int, std::pair<std::string, bool>> dirs_;  // watch descriptor -> (directory, tree root)
  std::optional<std::string> changed_;
  Clock::time_point last_change_{};
  bool reported_ = false;
};

}  // namespace fwctl::sys
