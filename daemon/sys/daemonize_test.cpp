#include "sys/daemonize.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <unistd.h>

#include <string>

namespace fwctl::sys {
namespace {

constexpr int kSilent = 254;

// What the daemon side checks about itself, as bits of its report: the original process sees
// them as its exit code.
enum : int {
  kOtherSession = 1,     // setsid happened and the daemon is not the session leader
  kRootCwd = 2,          // chdir("/")
  kStdioDevNull = 4,     // 0, 1, 2 on /dev/null
  kInheritedClosed = 8,  // a descriptor open before detach() is closed in the daemon
  kAll = 15,
};

std::string link(const std::string& path) {
  char buf[PATH_MAX] = {};
  ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
  return n < 0 ? "" : std::string(buf, static_cast<size_t>(n));
}

int self_check(pid_t parent_session, int inherited_fd) {
  int bits = 0;
  pid_t sid = ::getsid(0);
  if (sid != parent_session && sid != ::getpid()) bits |= kOtherSession;
  if (link("/proc/self/cwd") == "/") bits |= kRootCwd;
  bool devnull = true;
  for (int fd = 0; fd <= 2; ++fd)
    devnull = devnull && link("/proc/self/fd/" + std::to_string(fd)) == "/dev/null";
  if (devnull) bits |= kStdioDevNull;
  if (::fcntl(inherited_fd, F_GETFD) < 0) bits |= kInheritedClosed;
  return bits;
}

TEST(Detach, TheOriginalProcessGetsTheDaemonsReportAfterItDetachedProperly) {
  int inherited = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  ASSERT_GE(inherited, 0);
  pid_t session = ::getsid(0);
  auto detached = detach(kSilent);
  if (detached && detached->in_daemon) {
    detached->report.send(self_check(session, inherited));
    ::_exit(0);  // never back into the test runner
  }
  ::close(inherited);
  ASSERT_TRUE(detached) << detached.error().message();
  EXPECT_EQ(detached->exit_code, kAll);
}

TEST(Detach, ADaemonEndingWithoutAReportGivesTheSilentStatus) {
  auto detached = detach(kSilent);
  if (detached && detached->in_daemon) ::_exit(0);
  ASSERT_TRUE(detached);
  EXPECT_EQ(detached->exit_code, kSilent);
}

TEST(Detach, OnlyTheFirstReportCounts) {
  auto detached = detach(kSilent);
  if (detached && detached->in_daemon) {
    detached->report.send(0);
    detached->report.send(3);
    ::_exit(0);
  }
  ASSERT_TRUE(detached);
  EXPECT_EQ(detached->exit_code, 0);
}

}  // namespace
}  // namespace fwctl::sys
