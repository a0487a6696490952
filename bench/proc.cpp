#include "proc.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace fwctl::bench {
namespace {

double tv_s(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

// Reads both pipes until EOF on both or the deadline, then closes them; false on timeout.
bool drain(int out_fd, int err_fd, std::string& out, std::string& err, double deadline) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* bufs[2] = {&out, &err};
  char chunk[65536];
  int open_fds = (out_fd >= 0) + (err_fd >= 0);
  // Bounded by the deadline: each pass either reads, sees EOF or waits at most until then.
  bool ok = true;
  while (open_fds > 0) {
    double left = deadline - now_s();
    if (left <= 0) {
      ok = false;
      break;
    }
    int rc = poll(fds, 2, static_cast<int>(left * 1000) + 1);
    if (rc < 0 && errno == EINTR) continue;
    if (rc < 0) {
      ok = false;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
      if (n > 0) {
        bufs[i]->append(chunk, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  return ok;
}

}  // namespace

double now_s() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

SelfUsage self_usage() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return {tv_s(ru.ru_utime), tv_s(ru.ru_stime), ru.ru_maxrss};
}

long current_rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  for (int i = 0; i < 200 && std::getline(in, line); ++i) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

bool netns_enter(const std::string& name, std::string& error) {
  std::string path = "/run/netns/" + name;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  int rc = setns(fd, CLONE_NEWNET);
  int saved = errno;
  close(fd);
  if (rc != 0) error = "setns " + path + ": " + std::strerror(saved);
  return rc == 0;
}

ChildRun run_child(const std::vector<std::string>& argv, const std::string& netns,
                   const std::string& stdout_file, double timeout_s) {
  ChildRun res;
  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if ((stdout_file.empty() && pipe2(out_pipe, O_CLOEXEC) != 0) || pipe2(err_pipe, O_CLOEXEC) != 0) {
    res.err = std::string("pipe: ") + std::strerror(errno);
    return res;
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  double start = now_s();
  pid_t pid = fork();
  if (pid == 0) {
    std::string error;
    if (!netns.empty() && !netns_enter(netns, error)) {
      dprintf(err_pipe[1], "%s\n", error.c_str());
      _exit(126);
    }
    int out_fd = out_pipe[1];
    if (!stdout_file.empty())
      out_fd = open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out_fd < 0 || dup2(out_fd, 1) < 0 || dup2(err_pipe[1], 2) < 0) _exit(126);
    execvp(args[0], args.data());
    dprintf(2, "exec %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  if (out_pipe[1] >= 0) close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid < 0) {
    res.err = std::string("fork: ") + std::strerror(errno);
    if (out_pipe[0] >= 0) close(out_pipe[0]);
    close(err_pipe[0]);
    return res;
  }
  double deadline = start + timeout_s;
  bool in_time = drain(out_pipe[0], err_pipe[0], res.out, res.err, deadline);
  if (!in_time) kill(pid, SIGKILL);
  int status = 0;
  rusage ru{};
  // Wait for the exit on a pidfd until the deadline, so that the wall time ends at the exit.
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (in_time && pidfd >= 0) {
    pollfd p{pidfd, POLLIN, 0};
    int left_ms = static_cast<int>((deadline - now_s()) * 1000);
    int r = 0;
    do {
      r = poll(&p, 1, left_ms > 0 ? left_ms : 0);
    } while (r < 0 && errno == EINTR);
    if (r == 0) {
      kill(pid, SIGKILL);
      in_time = false;
    }
  }
  if (pidfd >= 0) close(pidfd);
  while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  res.wall_s = now_s() - start;
  res.user_s = tv_s(ru.ru_utime);
  res.sys_s = tv_s(ru.ru_stime);
  res.maxrss_kb = ru.ru_maxrss;
  if (!in_time) res.err += "\n(killed after " + std::to_string(timeout_s) + " s)";
  res.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return res;
}

bool netns_add(const std::string& name) {
  auto r = run_child({"ip", "netns", "add", name}, {}, {}, 30);
  if (r.exit_code != 0) std::fprintf(stderr, "ip netns add %s: %s\n", name.c_str(), r.err.c_str());
  return r.exit_code == 0;
}

bool netns_del(const std::string& name) {
  auto r = run_child({"ip", "netns", "del", name}, {}, {}, 30);
  if (r.exit_code != 0) std::fprintf(stderr, "ip netns del %s: %s\n", name.c_str(), r.err.c_str());
  return r.exit_code == 0;
}

}  // namespace fwctl::bench
