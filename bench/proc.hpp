#pragma once
// Child processes and network namespaces for the load bench.
//
// Every child is fork+exec'd from a process that stays small, because a child's ru_maxrss
// starts at its parent's high-water mark (fork copies the page tables, exec keeps the old
// mm's peak). Every wait is bounded by a deadline, after which the child is killed.

#include <string>
#include <vector>

namespace fwctl::bench {

struct ChildRun {
  int exit_code = -1;  // exit status, or -1 when killed or not started
  double wall_s = 0;   // fork to reaped
  double user_s = 0;   // ru_utime of the child
  double sys_s = 0;    // ru_stime of the child
  long maxrss_kb = 0;  // ru_maxrss of the child
  std::string out;     // stdout (empty when redirected to a file)
  std::string err;     // stderr
};

// Runs argv (argv[0] a path or a name looked up in PATH). With `netns`, the child joins the
// named namespace (/run/netns/NAME) before exec. With `stdout_file`, stdout goes to that file.
// Kills the child after `timeout_s`.
ChildRun run_child(const std::vector<std::string>& argv, const std::string& netns = {},
                   const std::string& stdout_file = {}, double timeout_s = 600);

// `ip netns add NAME` / `ip netns del NAME`; false (with the message on stderr) on failure.
bool netns_add(const std::string& name);
bool netns_del(const std::string& name);

// Joins /run/netns/NAME in the calling (single-threaded) process.
bool netns_enter(const std::string& name, std::string& error);

// Monotonic seconds.
double now_s();

// getrusage(RUSAGE_SELF) as seconds of user and system time, and ru_maxrss in KiB.
struct SelfUsage {
  double user_s = 0;
  double sys_s = 0;
  long maxrss_kb = 0;
};
SelfUsage self_usage();

// The current resident set (VmRSS of /proc/self/status) in KiB, 0 if unreadable.
long current_rss_kb();

}  // namespace fwctl::bench
