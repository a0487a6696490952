#include "sys/daemonize.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace fwctl::sys {
namespace {

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The byte the daemon wrote, or `silent` at end of file (the daemon died first).
int wait_for_report(int fd, int silent) {
  unsigned char code = 0;
  for (;;) {
    ssize_t n = ::read(fd, &code, 1);
    if (n == 1) return code;
    if (n < 0 && errno == EINTR) continue;
    return silent;
  }
}

// Closes every inherited descriptor from 3 up except `keep` (systemd's daemon(7), step 1).
void close_inherited(int keep) {
  auto k = static_cast<unsigned>(keep);
  if (k > 3) ::close_range(3, k - 1, 0);
  ::close_range(k + 1, ~0u, 0);
}

void to_dev_null() {
  int fd = ::open("/dev/null", O_RDWR);
  if (fd < 0) return;
  for (int std_fd = 0; std_fd <= 2; ++std_fd) ::dup2(fd, std_fd);
  if (fd > 2) ::close(fd);
}

}  // namespace

StartupReport& StartupReport::operator=(StartupReport&& other) noexcept {
  if (this != &other) {
    close_fd(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

StartupReport::~StartupReport() { close_fd(fd_); }

void StartupReport::send(int exit_code) {
  if (fd_ < 0) return;
  auto byte = static_cast<unsigned char>(exit_code < 0 || exit_code > 255 ? 255 : exit_code);
  while (::write(fd_, &byte, 1) < 0 && errno == EINTR) {
  }
  close_fd(fd_);
}

Result<Detached> detach(int silent_exit_code) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return errno_error("pipe");
  pid_t first = ::fork();
  if (first < 0) {
    Unexpected err = errno_error("fork");
    ::close(fds[0]);
    ::close(fds[1]);
    return err;
  }
  if (first > 0) {
    ::close(fds[1]);
    int status = 0;
    while (::waitpid(first, &status, 0) < 0 && errno == EINTR) {
    }
    int code = wait_for_report(fds[0], silent_exit_code);
    ::close(fds[0]);
    return Detached{false, code, {}};
  }
  // The first child: a new session, then the daemon's fork. It leaves at once so that the
  // daemon is no session leader and can never acquire a controlling terminal.
  ::close(fds[0]);
  pid_t daemon = ::setsid() < 0 ? -1 : ::fork();
  if (daemon != 0) {
    if (daemon < 0) StartupReport(fds[1]).send(silent_exit_code);
    ::_exit(daemon < 0 ? silent_exit_code : 0);
  }
  // The daemon.
  if (::chdir("/") != 0) {  // so that the daemon keeps no file system busy
    StartupReport(fds[1]).send(silent_exit_code);
    ::_exit(silent_exit_code);
  }
  ::umask(::umask(077) | 022);
  to_dev_null();
  close_inherited(fds[1]);
  return Detached{true, 0, StartupReport(fds[1])};
}

}  // namespace fwctl::sys
