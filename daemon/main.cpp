// fwctld: the firewall daemon. A checklist, networkd style: options, log, signals, kernel,
// ruleset, bus objects, bus name, pid file, READY=1, event loop; then the exit path.
//
// Not yet: forking (without --nofork fwctld stays in the foreground, as under systemd's
// Type=notify), syslog (every log target but "file" logs to stderr), polkit.
#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <sdbus-c++/IConnection.h>
#include <string>
#include <vector>

#include "bus/bus_service.hpp"
#include "core/firewall.hpp"
#include "nft/mnl_netlink.hpp"
#include "sys/command_runner.hpp"
#include "sys/options.hpp"
#include "sys/process.hpp"

namespace {

using namespace fwctl;

constexpr int kExitFailure = static_cast<int>(Code::UNKNOWN_ERROR);  // firewalld's exit on failure

int fail(const std::string& what, const Error& error) {
  std::cerr << "ERROR: " << what << ": " << error.located_message() << std::endl;
  return kExitFailure;
}

void report_start(const core::Firewall& fw) {
  for (const auto& w : fw.warnings()) std::cerr << "WARNING: " << w.located_message() << '\n';
  if (const Error* e = fw.failure()) {
    std::cerr << "ERROR: " << e->located_message() << "\nERROR: Failed to load user "
              << "configuration. Falling back to full stock configuration." << std::endl;
  }
}

// SIGHUP reloads; SIGTERM and SIGINT end the loop.
bool handle_signal(int fd, bus::BusService& service) {
  int signo = sys::read_signal(fd);
  if (signo != SIGHUP) return signo == 0;
  sys::notify_reloading();
  if (Status st = service.reload(); !st) fail("reload", st.error());
  sys::notify_ready();
  return true;
}

int run(const sys::DaemonOptions& opts) {
  if (Status st = sys::open_log(opts); !st) return fail("log", st.error());
  if (!opts.nofork) std::cerr << "WARNING: forking is not implemented yet; staying in the foreground\n";
  auto signal_fd = sys::open_signal_fd({SIGHUP, SIGTERM, SIGINT});
  if (!signal_fd) return fail("signals", signal_fd.error());
  auto netlink = nft::MnlNetlink::open();
  if (!netlink) return fail("netlink", netlink.error());

  sys::ProcessRunner runner;  // iptables & co. for the direct interface
  core::Firewall fw({opts.default_config, opts.system_config}, **netlink);
  fw.set_command_runner(runner);
  Status started = fw.start();
  report_start(fw);
  if (!started) return fail("start", started.error());

  std::unique_ptr<sdbus::IConnection> connection;
  std::unique_ptr<bus::BusService> service;
  try {
    connection = sdbus::createSystemBusConnection();
    service = std::make_unique<bus::BusService>(*connection, fw);
  } catch (const sdbus::Error& e) {
    return fail("D-Bus", Error{Code::COMMAND_FAILED, e.what(), {}, 0});
  }
  if (Status st = service->request_name(); !st) return fail("D-Bus", st.error());
  if (!opts.nopid) {
    if (Status st = sys::write_pid_file(sys::kPidFile); !st) return fail("pid file", st.error());
  }
  sys::notify_ready();

  Status served = service->run(*signal_fd, [&] { return handle_signal(*signal_fd, *service); });
  sys::notify_stopping();
  if (!served) fail("event loop", served.error());
  if (Status st = fw.stop(); !st) fail("cleanup", st.error());
  if (!opts.nopid) sys::remove_pid_file(sys::kPidFile);
  ::close(*signal_fd);
  return served ? 0 : kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  auto opts = fwctl::sys::parse_daemon_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!opts) {
    std::cerr << fwctl::sys::daemon_usage() << "fwctld: error: " << opts.error().detail << '\n';
    return 2;
  }
  if (opts->help) {
    std::cout << fwctl::sys::daemon_usage();
    return 0;
  }
  return run(*opts);
}
