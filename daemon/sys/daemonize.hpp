#pragma once
// Going into the background without --nofork, firewalld's way (double fork, setsid, chdir /,
// umask |= 022, stdin/stdout/stderr on /dev/null), with one difference: the process that was
// started does not exit at once. It waits until the daemon reports that it is up (ruleset in
// the kernel, bus name owned, pid file written) or that it failed, and exits 0 or with the
// daemon's exit status. So `fwctld && firewall-cmd --state` prints "running".
//
//   auto detached = sys::detach(254);
//   if (!detached) ...                                   // no fork happened
//   if (!detached->in_daemon) return detached->exit_code;  // the original process
//   ... start up ...; detached->report.send(0);             // the daemon, once it serves

#include "common/result.hpp"

namespace fwctl::sys {

// The daemon's end of the start-up pipe. Default-constructed (--nofork) it reports nowhere.
class StartupReport {
 public:
  StartupReport() = default;
  explicit StartupReport(int fd) : fd_(fd) {}
  StartupReport(StartupReport&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  StartupReport& operator=(StartupReport&& other) noexcept;
  StartupReport(const StartupReport&) = delete;
  StartupReport& operator=(const StartupReport&) = delete;
  ~StartupReport();

  // Start-up is over: 0 when the daemon serves, otherwise the status it exits with. Only the
  // first report counts; the waiting process exits with it.
  void send(int exit_code);

 private:
  int fd_ = -1;
};

struct Detached {
  bool in_daemon = false;
  int exit_code = 0;  // the original process's status: the daemon's report
  StartupReport report;
};

// Forks the daemon off and returns in both: in the daemon with in_daemon and its report, in the
// original process (after the daemon reported) with exit_code, which is `silent_exit_code` when
// the daemon ended without reporting. The daemon keeps no other inherited file descriptor than
// 0, 1 and 2. COMMAND_FAILED when the pipe or the first fork fails.
Result<Detached> detach(int silent_exit_code);

}  // namespace fwctl::sys
