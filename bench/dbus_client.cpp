// D-Bus side of the daemon bench (bench/daemon_bench.sh): a small sd-bus client that measures
// fwctld or firewalld from outside, as a client sees it. The bus is DBUS_SYSTEM_BUS_ADDRESS.
//
//   fwctl_dbus_bench ready NETNS LOG TIMEOUT_S CMD [ARG...]
//       forks CMD into /run/netns/NETNS (stdout and stderr to LOG) and times fork to the first
//       answer of getDefaultZone once the daemon owns org.fedoraproject.FirewallD1. Prints
//       "pid P", then "ready_s S" or "failed WHY" (then it stops the daemon); after a start it
//       waits for the daemon to exit (the caller stops the daemon by its pid).
//   fwctl_dbus_bench rtt N FIRST_PORT
//       N round trips each of Peer.Ping, zone.queryPort, zone.addPort and zone.removePort (ports
//       FIRST_PORT.. of zone public); prints "OP.median_s", "OP.p90_s", "OP.min_s".
//   fwctl_dbus_bench flood CLIENTS TOTAL CAP_S FIRST_PORT add|remove [N,N,...]
//       CLIENTS processes, each with its own connection, make TOTAL zone.addPort (or removePort)
//       calls between them, one after another each, client c on ports FIRST_PORT + c * TOTAL /
//       CLIENTS on; stops at CAP_S. N,N,...: the calls of each client (what each added, for a
//       remove after a capped add). Prints "done", "errors", "wall_s", "per_s", "per_client".
//
// Synchronous calls only: a client waits for each answer, as firewall-cmd and fwctl do.

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr const char* kName = "org.fedoraproject.FirewallD1";
constexpr const char* kPath = "/org/fedoraproject/FirewallD1";
constexpr const char* kZone = "org.fedoraproject.FirewallD1.zone";
constexpr uint64_t kCallTimeoutUs = 120ull * 1000 * 1000;

double now_s() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

sd_bus* open_bus() {
  sd_bus* bus = nullptr;
  int r = sd_bus_open_system(&bus);
  if (r < 0) {
    std::fprintf(stderr, "bus: %s\n", std::strerror(-r));
    std::exit(1);
  }
  return bus;
}

// One zone call (zone, port, "tcp"[, timeout 0]); false with the error on stderr.
bool zone_call(sd_bus* bus, const char* method, const std::string& port) {
  sd_bus_error err = SD_BUS_ERROR_NULL;
  sd_bus_message* m = nullptr;
  sd_bus_message* reply = nullptr;
  int r = sd_bus_message_new_method_call(bus, &m, kName, kPath, kZone, method);
  if (r >= 0) r = sd_bus_message_append(m, "sss", "public", port.c_str(), "tcp");
  if (r >= 0 && std::strcmp(method, "addPort") == 0) r = sd_bus_message_append(m, "i", 0);
  if (r >= 0) r = sd_bus_call(bus, m, kCallTimeoutUs, &err, &reply);
  if (r < 0)
    std::fprintf(stderr, "%s %s: %s\n", method, port.c_str(),
                 err.message ? err.message : std::strerror(-r));
  sd_bus_error_free(&err);
  sd_bus_message_unref(reply);
  sd_bus_message_unref(m);
  return r >= 0;
}

bool ping(sd_bus* bus) {
  sd_bus_error err = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  int r =
      sd_bus_call_method(bus, kName, kPath, "org.freedesktop.DBus.Peer", "Ping", &err, &reply, "");
  if (r < 0) std::fprintf(stderr, "Ping: %s\n", err.message ? err.message : std::strerror(-r));
  sd_bus_error_free(&err);
  sd_bus_message_unref(reply);
  return r >= 0;
}

bool default_zone(sd_bus* bus, uint64_t timeout_us) {
  sd_bus_error err = SD_BUS_ERROR_NULL;
  sd_bus_message* m = nullptr;
  sd_bus_message* reply = nullptr;
  int r = sd_bus_message_new_method_call(bus, &m, kName, kPath, kName, "getDefaultZone");
  if (r >= 0) r = sd_bus_call(bus, m, timeout_us, &err, &reply);
  if (r < 0) {
    std::fprintf(stderr, "getDefaultZone: %s\n", err.message ? err.message : std::strerror(-r));
  }
  sd_bus_error_free(&err);
  sd_bus_message_unref(reply);
  sd_bus_message_unref(m);
  return r >= 0;
}

void print_stats(const char* op, std::vector<double> v) {
  if (v.empty()) return;
  std::sort(v.begin(), v.end());
  std::printf("%s.median_s %.9f\n%s.p90_s %.9f\n%s.min_s %.9f\n", op, v[v.size() / 2], op,
              v[v.size() * 9 / 10], op, v.front());
}

int rtt(int n, int first_port) {
  sd_bus* bus = open_bus();
  std::vector<double> t_ping, t_query, t_add, t_remove;
  for (int i = 0; i < n; ++i) {
    std::string port = std::to_string(first_port + i);
    double a = now_s();
    bool ok = ping(bus);
    double b = now_s();
    ok = ok && zone_call(bus, "queryPort", port);
    double c = now_s();
    ok = ok && zone_call(bus, "addPort", port);
    double d = now_s();
    ok = ok && zone_call(bus, "removePort", port);
    double e = now_s();
    if (!ok) return 1;
    if (i == 0) continue;  // the first round warms the connection and the daemon's caches
    t_ping.push_back(b - a);
    t_query.push_back(c - b);
    t_add.push_back(d - c);
    t_remove.push_back(e - d);
  }
  print_stats("ping", t_ping);
  print_stats("query", t_query);
  print_stats("add", t_add);
  print_stats("remove", t_remove);
  sd_bus_unref(bus);
  return 0;
}

// One flood client: its share of ports, each call after the previous answer, until the deadline.
// Writes "client done errors" to `out_fd`.
[[noreturn]] void flood_client(int client, int go_fd, int out_fd, const char* method, int first,
                               int count, double deadline_from_go) {
  sd_bus* bus = open_bus();
  if (!ping(bus)) _exit(1);  // connected and the daemon answers before the clock starts
  char c;
  if (read(go_fd, &c, 1) != 1) _exit(1);
  double deadline = now_s() + deadline_from_go;
  int done = 0, errors = 0;
  for (int i = 0; i < count && now_s() < deadline; ++i) {
    if (zone_call(bus, method, std::to_string(first + i))) ++done;
    else ++errors;
  }
  char buf[64];
  int len = std::snprintf(buf, sizeof buf, "%d %d %d\n", client, done, errors);
  if (write(out_fd, buf, static_cast<size_t>(len)) != len) _exit(1);
  _exit(0);
}

// COUNTS: how many calls each client makes (a remove after a capped add: what each added);
// empty: TOTAL / CLIENTS each.
int flood(int clients, int total, double cap_s, int first_port, const std::string& op,
          const std::vector<int>& counts) {
  const char* method = op == "add" ? "addPort" : "removePort";
  int go[2], out[2];
  if (pipe(go) != 0 || pipe(out) != 0) return 1;
  int share = total / clients;
  std::vector<pid_t> pids;
  for (int c = 0; c < clients; ++c) {
    int count = c < static_cast<int>(counts.size()) ? counts[static_cast<size_t>(c)] : share;
    pid_t pid = fork();
    if (pid == 0) {
      close(go[1]);
      close(out[0]);
      flood_client(c, go[0], out[1], method, first_port + c * share, count, cap_s);
    }
    pids.push_back(pid);
  }
  close(go[0]);
  close(out[1]);
  usleep(300 * 1000);  // let every client connect and ping before the start
  double t0 = now_s();
  std::string start(static_cast<size_t>(clients), 'g');
  if (write(go[1], start.data(), start.size()) != static_cast<ssize_t>(start.size())) return 1;
  int done = 0, errors = 0, reported = 0;
  std::vector<int> per_client(static_cast<size_t>(clients), 0);
  FILE* in = fdopen(out[0], "r");
  int c = 0, d = 0, e = 0;
  while (reported < clients && std::fscanf(in, "%d %d %d", &c, &d, &e) == 3) {
    if (c >= 0 && c < clients) per_client[static_cast<size_t>(c)] = d;
    done += d;
    errors += e;
    ++reported;
  }
  double wall = now_s() - t0;
  for (pid_t pid : pids) waitpid(pid, nullptr, 0);
  std::printf("done %d\nerrors %d\nclients_reported %d\nwall_s %.6f\nper_s %.1f\nper_client ", done,
              errors, reported, wall, wall > 0 ? done / wall : 0.0);
  for (int i = 0; i < clients; ++i)
    std::printf("%s%d", i ? "," : "", per_client[static_cast<size_t>(i)]);
  std::printf("\n");
  return reported == clients ? 0 : 1;
}

// Whether the name has an owner; -1 on a bus error.
int has_owner(sd_bus* bus) {
  sd_bus_error err = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  int r = sd_bus_call_method(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                             "org.freedesktop.DBus", "NameHasOwner", &err, &reply, "s", kName);
  int owned = 0;
  if (r >= 0) r = sd_bus_message_read(reply, "b", &owned);
  sd_bus_error_free(&err);
  sd_bus_message_unref(reply);
  return r < 0 ? -1 : owned;
}

pid_t spawn_in_netns(const std::string& netns, const std::string& log, char** argv) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int ns = open(("/run/netns/" + netns).c_str(), O_RDONLY | O_CLOEXEC);
  if (ns < 0 || setns(ns, CLONE_NEWNET) != 0) _exit(126);
  int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
  }
  setsid();  // the caller stops it by pid; no terminal signals
  execvp(argv[0], argv);
  _exit(127);
}

// The match's callback: a new owner of the well-known name ends the wait (every connection's
// unique name comes with a NameOwnerChanged too).
int on_owner(sd_bus_message* m, void* userdata, sd_bus_error*) {
  const char *name = nullptr, *old_owner = nullptr, *new_owner = nullptr;
  if (sd_bus_message_read(m, "sss", &name, &old_owner, &new_owner) >= 0 && name &&
      std::strcmp(name, kName) == 0 && new_owner && *new_owner)
    *static_cast<bool*>(userdata) = true;
  return 0;
}

// Stops the daemon after a failed start: SIGTERM, SIGKILL after 10 s.
void stop(pid_t pid) {
  kill(pid, SIGTERM);
  for (int i = 0; i < 1000; ++i) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return;
    usleep(10 * 1000);
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

// Times the start; prints its outcome, then stays the daemon's parent until it exits, so that
// the caller can wait for this process and no zombie is left to a pid 1 that may not reap.
int ready(const std::string& netns, const std::string& log, double timeout_s, char** argv) {
  sd_bus* bus = open_bus();
  bool owned = false;
  int r = sd_bus_match_signal(bus, nullptr, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus", "NameOwnerChanged", on_owner, &owned);
  if (r < 0 || has_owner(bus) != 0) {
    std::printf("failed the name is owned already, or no bus\n");
    return 1;
  }
  double t0 = now_s();
  pid_t pid = spawn_in_netns(netns, log, argv);
  std::printf("pid %d\n", pid);
  std::fflush(stdout);
  double deadline = t0 + timeout_s;
  while (!owned && now_s() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      std::printf("failed exited before owning the name (status %d)\n", status);
      return 1;
    }
    r = sd_bus_process(bus, nullptr);
    if (r < 0) break;
    if (r == 0) sd_bus_wait(bus, 100 * 1000);
  }
  double left = deadline - now_s();
  if (!owned) {
    std::printf("failed no bus name within %.0f s\n", timeout_s);
  } else if (left <= 0 || !default_zone(bus, static_cast<uint64_t>(left * 1e6))) {
    std::printf("failed no answer to getDefaultZone within %.0f s\n", timeout_s);
    owned = false;
  } else {
    std::printf("ready_s %.6f\n", now_s() - t0);
  }
  std::fflush(stdout);
  sd_bus_unref(bus);
  if (!owned) {
    stop(pid);
    return 1;
  }
  waitpid(pid, nullptr, 0);
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: fwctl_dbus_bench ready NETNS LOG TIMEOUT_S CMD [ARG...]\n"
               "       fwctl_dbus_bench rtt N FIRST_PORT\n"
               "       fwctl_dbus_bench flood CLIENTS TOTAL CAP_S FIRST_PORT add|remove [N,...]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string mode = argv[1];
  signal(SIGPIPE, SIG_IGN);
  if (mode == "ready" && argc >= 6) return ready(argv[2], argv[3], std::atof(argv[4]), argv + 5);
  if (mode == "rtt" && argc == 4) return rtt(std::atoi(argv[2]), std::atoi(argv[3]));
  if (mode == "flood" && (argc == 7 || argc == 8)) {
    int clients = std::atoi(argv[2]), total = std::atoi(argv[3]);
    if (clients < 1 || clients > 200 || total < clients) return usage();
    std::vector<int> counts;
    if (argc == 8) {
      std::istringstream in(argv[7]);
      std::string n;
      while (counts.size() < 200 && std::getline(in, n, ','))
        counts.push_back(std::atoi(n.c_str()));
    }
    return flood(clients, total, std::atof(argv[4]), std::atoi(argv[5]), argv[6], counts);
  }
  return usage();
}
