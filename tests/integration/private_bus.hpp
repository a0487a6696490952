#pragma once
// A dbus-daemon of the test's own (no root): on a socket in a temporary directory, gone with the
// object; everything allowed unless the test gives its own policy. FWCTL_DBUS_DAEMON is the
// daemon's path (tests/integration, dbus/glue_test.cpp).
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace fwctl::testing {

class PrivateBus {
 public:
  static constexpr const char* kAllowAll =
      "<policy context=\"default\"><allow own=\"*\"/><allow send_destination=\"*\"/>"
      "<allow receive_sender=\"*\"/></policy>";

  // `tag` names the temporary directory, /tmp/TAG-XXXXXX; `policy` is the <policy>/<include>
  // part of the configuration. address() is empty when dbus-daemon refused the configuration.
  explicit PrivateBus(const std::string& tag, const std::string& policy = kAllowAll) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / (tag + "-XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    std::ofstream(dir_ / "bus.conf")
        << "<busconfig><listen>unix:path=" << (dir_ / "socket").string() << "</listen>"
        << "<auth>EXTERNAL</auth>" << policy << "</busconfig>\n";
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::string config = "--config-file=" + (dir_ / "bus.conf").string();
    std::string print = "--print-address=" + std::to_string(fds[1]);
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // no daemon left behind should the test crash
      close(fds[0]);
      execl(FWCTL_DBUS_DAEMON, "dbus-daemon", config.c_str(), "--nofork", print.c_str(), nullptr);
      _exit(127);
    }
    close(fds[1]);
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') address_ += c;
    close(fds[0]);
  }
  ~PrivateBus() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  PrivateBus(const PrivateBus&) = delete;
  PrivateBus& operator=(const PrivateBus&) = delete;
  const std::string& address() const { return address_; }

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  std::string address_;
};

}  // namespace fwctl::testing
