#pragma once
// The daemon's process plumbing: signals as a file descriptor, the pid file and systemd's
// readiness notification. (Logging: sys/log.hpp; forking: sys/daemonize.hpp.)

#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::sys {

inline constexpr const char* kPidFile = "/run/firewalld.pid";  // firewalld's (/var/run links here)

// Blocks `signals` for the process and returns a signalfd that becomes readable when one
// arrives (close it when done). COMMAND_FAILED with strerror on failure.
Result<int> open_signal_fd(const std::vector<int>& signals);
// The number of the next pending signal on `fd`, 0 when none could be read.
int read_signal(int fd);

// Writes the current pid to `path` (0644, replaced if present). COMMAND_FAILED on failure.
Status write_pid_file(const std::string& path);
// Removes `path`; not an error when it is already gone.
void remove_pid_file(const std::string& path);

// True when `path` names a live process other than this one that runs the same program (the
// same /proc/PID/comm): firewalld's "Not starting FirewallD, already running." check.
bool another_instance_running(const std::string& path);

// sd_notify(READY=1), STOPPING=1 and RELOADING=1 / READY=1 around a reload. Nothing happens when
// not started by systemd (no NOTIFY_SOCKET).
void notify_ready();
void notify_stopping();
void notify_reloading();

}  // namespace fwctl::sys
