// fwctld: the firewall daemon. A checklist, networkd style: options, fork, log, signals, bus
// connection, kernel, ruleset, bus objects, bus name, pid file, READY=1 and the start-up report
// to the process that forked us, event loop; then the exit path.
//
// Not yet: polkit.
#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IProxy.h>
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bus/bus_service.hpp"
#include "bus/systemd_job.hpp"
#include "core/firewall.hpp"
#include "nft/mnl_netlink.hpp"
#include "sys/command_runner.hpp"
#include "sys/daemonize.hpp"
#include "sys/log.hpp"
#include "sys/options.hpp"
#include "sys/process.hpp"

namespace {

using namespace fwctl;
namespace log = sys::log;

constexpr int kExitFailure = static_cast<int>(Code::UNKNOWN_ERROR);  // firewalld's exit on failure

int fail(const std::string& what, const Error& error) {
  log::error(what + ": " + error.located_message());
  return kExitFailure;
}

void report_start(const core::Firewall& fw) {
  for (const auto& w : fw.warnings()) log::problem(w);
  if (const Error* e = fw.failure()) {
    // firewalld's start(): this line, the fallback, then the original error re-raised and
    // logged by its handle_exceptions as "CODE: detail".
    log::error("Failed to load user configuration. Falling back to full stock configuration.");
    Error failure = *e;
    failure.log_level = Error::LogLevel::Error;
    log::problem(failure);
  }
}

// --debug: what is in the kernel after a start or a reload, one line.
void debug_applied(const core::Firewall& fw, const char* event) {
  if (!log::debug_enabled(1)) return;
  size_t chains = 0, rules = 0, sets = 0, elements = 0;
  std::string tables;
  for (const auto& table : fw.kernel().ruleset().tables) {
    tables += (tables.empty() ? "" : ", ") + table.family + " " + table.name;
    chains += table.chains.size();
    for (const auto& chain : table.chains) rules += chain.rules.size();
    sets += table.sets.size();
    for (const auto& set : table.sets) elements += set.elements.size();
  }
  log::debug(1, std::string(event) + ": state " + core::to_string(fw.state()) + ", default zone " +
                    fw.default_zone() + ", table " + tables + ": " + std::to_string(chains) +
                    " chains, " + std::to_string(rules) + " rules, " + std::to_string(sets) +
                    " sets with " + std::to_string(elements) + " elements");
}

// Whether firewalld's bus name already has an owner (firewalld, or fwctld started with --nopid,
// which skips the pid file check): then its ruleset must be left alone.
Result<bool> bus_name_owned(sdbus::IConnection& connection) {
  try {
    auto dbus = sdbus::createProxy(connection, "org.freedesktop.DBus", "/org/freedesktop/DBus");
    bool owned = false;
    dbus->callMethod("NameHasOwner")
        .onInterface("org.freedesktop.DBus")
        .withArguments(std::string(bus::kBusName))
        .storeResultsTo(owned);
    return owned;
  } catch (const sdbus::Error& e) {
    return fwctl::fail(Code::COMMAND_FAILED, e.what());
  }
}

// SIGHUP reloads; SIGTERM and SIGINT end the loop.
bool handle_signal(int fd, bus::BusService& service, const core::Firewall& fw) {
  int signo = sys::read_signal(fd);
  if (signo != SIGHUP) {
    if (signo != 0) log::debug(1, std::string("Stopping on signal ") + ::strsignal(signo));
    return signo == 0;
  }
  sys::notify_reloading();
  if (Status st = service.reload(); !st) {
    fail("reload", st.error());
  } else {
    debug_applied(fw, "Reloaded");
  }
  sys::notify_ready();
  return true;
}

// Start-up until the bus name is owned, then the event loop. `report` is told the outcome of
// start-up as soon as it is known.
int run(const sys::DaemonOptions& opts, sys::StartupReport& report) {
  auto signal_fd = sys::open_signal_fd({SIGHUP, SIGTERM, SIGINT});
  if (!signal_fd) return fail("signals", signal_fd.error());
  // The bus first: without one, or with another firewall on it, fail before touching the kernel.
  std::unique_ptr<sdbus::IConnection> connection;
  try {
    connection = sdbus::createSystemBusConnection();
  } catch (const sdbus::Error& e) {
    return fail("D-Bus", Error{Code::COMMAND_FAILED, e.what(), {}, 0});
  }
  auto owned = bus_name_owned(*connection);
  if (!owned) return fail("D-Bus", owned.error());
  if (*owned) {
    return fail(
        "D-Bus",
        Error{Code::COMMAND_FAILED, std::string(bus::kBusName) + " is already owned", {}, 0});
  }
  auto netlink = nft::MnlNetlink::open();
  if (!netlink) return fail("netlink", netlink.error());

  sys::ProcessRunner runner;  // iptables & co. for the direct interface
  core::Firewall fw({opts.default_config, opts.system_config}, **netlink);
  log::debug(1, "Loading " + opts.default_config + " and " + opts.system_config);

  fw.set_command_runner(runner);
  fw.set_sysctl_dir("/proc/sys");  // IP forwarding for masquerade and forward ports
  Status started = fw.start();
  report_start(fw);
  if (!started) return fail("start", started.error());
  debug_applied(fw, "Started");

  std::unique_ptr<bus::BusService> service;
  try {
    service = std::make_unique<bus::BusService>(*connection, fw);
  } catch (const sdbus::Error& e) {
    return fail("D-Bus", Error{Code::COMMAND_FAILED, e.what(), {}, 0});
  }
  if (opts.watch_config) {
    Status watching = service->watch_config({opts.default_config, opts.system_config});
    if (!watching) log::warning("Config watcher: " + watching.error().detail);
  }
  if (Status st = service->request_name(); !st) return fail("D-Bus", st.error());
  if (!opts.nopid) {
    if (Status st = sys::write_pid_file(sys::kPidFile); !st) return fail("pid file", st.error());
  }
  sys::notify_ready();
  report.send(0);
  log::info(std::string("fwctld running: state ") + core::to_string(fw.state()) +
            ", default zone " + fw.default_zone());

  Status served = service->run(*signal_fd, [&] { return handle_signal(*signal_fd, *service, fw); });
  sys::notify_stopping();
  if (!served) {
    // The bus went away (dbus-daemon died or restarted). A daemon without its bus is half
    // alive: nobody can change or ask it anything. Exit with failure for systemd to restart
    // us (Restart=on-failure), leaving the ruleset in the kernel as firewalld does (libdbus
    // _exit()s it): the next start replaces the table in one batch, so the host is never
    // without its firewall.
    fail("event loop", served.error());
    log::warning("the ruleset stays in the kernel until fwctld starts again");
    if (!opts.nopid) sys::remove_pid_file(sys::kPidFile);
    ::close(*signal_fd);
    return kExitFailure;
  }
  if (bus::systemd_restarts_us(*connection)) {
    // The fwctld systemd starts next replaces the table in one batch: no moment without it.
    log::info("Restarted by systemd: the ruleset stays until the next start replaces it");
  } else if (Status st = fw.stop(); !st) {
    fail("cleanup", st.error());
  }
  if (!opts.nopid) sys::remove_pid_file(sys::kPidFile);
  ::close(*signal_fd);
  return 0;
}

}  // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): an exception out of main is a bug; terminate says it
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
  if (!opts->nopid && fwctl::sys::another_instance_running(fwctl::sys::kPidFile)) {
    log::fatal("Not starting FirewallD, already running.");
    return 1;
  }
  fwctl::sys::StartupReport report;
  if (!opts->nofork) {
    // The daemon works in "/": paths given relative to where fwctld was started must not move.
    fwctl::sys::make_paths_absolute(*opts, std::filesystem::current_path());
    auto detached = fwctl::sys::detach(kExitFailure);
    if (!detached) return fail("fork", detached.error());
    if (!detached->in_daemon) return detached->exit_code;
    report = std::move(detached->report);
  }
  if (fwctl::Status st = log::configure(*opts); !st) log::error(st.error().detail);
  int code = run(*opts, report);
  report.send(code);
  return code;
}
