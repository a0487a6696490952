#include "sys/command_runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace fwctl::sys {
namespace {

constexpr int kNotStarted = 255;  // runProg's status when the program cannot be run

// A memfd holding `input`, positioned at its start; -1 on failure.
int input_fd(const std::string& input) {
  int fd = memfd_create("fwctl-stdin", MFD_CLOEXEC);
  if (fd < 0) return -1;
  size_t done = 0;
  while (done < input.size()) {
    ssize_t n = ::write(fd, input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  if (::lseek(fd, 0, SEEK_SET) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return out;
    out.append(buffer, static_cast<size_t>(n));
  }
}

int wait_status(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return kNotStarted;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return -WTERMSIG(status);  // Python's returncode for a killed child
}

// Spawns `argv` with stdin `in` and stdout/stderr `out`; -1 on failure.
pid_t spawn(const std::vector<char*>& argv, int in, int out) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out, STDERR_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  char lang[] = "LANG=C";
  char* env[] = {lang, nullptr};
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), env) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return pid;
}

}  // namespace

CommandOutput ProcessRunner::run(const std::string& program, const std::vector<std::string>& args,
                                 const std::string& input) {
  std::vector<std::string> words{program};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  int in = input_fd(input);
  int pipe_fds[2];
  if (in < 0 || ::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    if (in >= 0) ::close(in);
    return {kNotStarted, {}};
  }
  pid_t pid = spawn(argv, in, pipe_fds[1]);
  ::close(in);
  ::close(pipe_fds[1]);
  if (pid < 0) {
    ::close(pipe_fds[0]);
    return {kNotStarted, {}};
  }
  CommandOutput result;
  result.output = read_all(pipe_fds[0]);
  ::close(pipe_fds[0]);
  result.status = wait_status(pid);
  return result;
}

}  // namespace fwctl::sys
