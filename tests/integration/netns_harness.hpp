#pragma once
// Test-only network plumbing for the traffic tests: private network namespaces joined by veth
// pairs, TCP listeners inside them, and client connections out of them.
//
// A namespace is anonymous: unshare(CLONE_NEWNET) on a short-lived thread, then held only by a
// file descriptor. Nothing is named in /run/netns, so two test runs never collide, and when the
// last descriptor closes (the Netns dies, on failure too, or the process crashes) the kernel
// removes the namespace with its veth ends, addresses, routes and nft tables.
//
// Sockets belong to the namespace they were created in, whatever thread later uses them, so a
// listener is created inside its namespace and then bound, listened on and accepted from the
// test's own thread: it is ready when open() returns, and no sleep is needed anywhere.

#include <sched.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/result.hpp"

namespace fwctl::integration {

// COMMAND_FAILED "<what>: <strerror(errno)>".
Unexpected errno_failure(const std::string& what);

// Owns a file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

class Netns {
 public:
  // A fresh namespace with its loopback up and IPv6 duplicate address detection off.
  static Result<Netns> create();

  // Runs fn() on a thread that has entered this namespace and returns what fn returned (a
  // Result or Status). Whatever fn creates there (sockets, netlink sockets, child processes)
  // stays in this namespace.
  template <typename F>
  auto run(F fn) const -> decltype(fn());

  // `ip ARGS...` inside the namespace; fails with ip's stderr when it exits non-zero.
  Status ip(const std::vector<std::string>& args) const;
  // Writes `value` to /proc/sys/KEY (e.g. "net/ipv4/ip_forward") of this namespace.
  Status write_sysctl(const std::string& key, const std::string& value) const;
  // A path naming this namespace for `ip link set DEV netns PATH`.
  std::string path() const;

 private:
  explicit Netns(Fd fd) : fd_(std::move(fd)) {}
  Fd fd_;
};

template <typename F>
auto Netns::run(F fn) const -> decltype(fn()) {
  std::optional<decltype(fn())> result;
  std::thread worker([&] {
    if (setns(fd_.get(), CLONE_NEWNET) != 0) {
      result.emplace(errno_failure("setns"));
      return;
    }
    result.emplace(fn());
  });
  worker.join();
  return std::move(*result);
}

// One end of a veth pair: its namespace, interface name, MAC address and addresses
// ("10.200.1.2/24", "fd00:200:1::2/64").
struct VethEnd {
  const Netns* ns = nullptr;
  std::string name;
  std::string mac;
  std::vector<std::string> addresses;
};

// Creates the pair, moves b's end into b.ns, adds the addresses, brings both ends up and
// waits until both can carry packets (link_ready.hpp). Each end knows the other's addresses
// as permanent neighbours: no packet waits on ARP or neighbour discovery (which leaves it
// queued for as long as the exchange takes, hundreds of milliseconds on a loaded machine), so
// a packet leaves in the call that sends it.
Status connect_veth(const VethEnd& a, const VethEnd& b);

// What a TCP connect attempt came to.
enum class Outcome {
  Connected,
  Refused,   // ECONNREFUSED: a TCP reset (or ICMP port unreachable)
  Rejected,  // an ICMP error such as admin-prohibited (EHOSTUNREACH, EACCES, ENETUNREACH),
             // taken from the socket's error queue, so that it counts even when TCP itself
             // only noted it as a soft error and would retry the SYN
  TimedOut,  // no answer within the timeout: dropped
  Failed,    // anything else (a local error)
};
const char* to_string(Outcome outcome);
inline std::ostream& operator<<(std::ostream& os, Outcome o) { return os << to_string(o); }

inline constexpr std::chrono::milliseconds kConnectTimeout{1000};

// Connects from `ns` to ADDRESS:PORT, from source address `source` when given, and closes.
Outcome connect_from(const Netns& ns, const std::string& address, uint16_t port,
                     const std::string& source = {},
                     std::chrono::milliseconds timeout = kConnectTimeout);

// A TCP listener on every address of its namespace (IPv4 and IPv6).
class Listener {
 public:
  static Result<Listener> open(const Netns& ns, uint16_t port);
  // Accepts the next connection within `timeout` and returns its peer's address as text
  // ("10.200.1.2"; IPv4-mapped IPv6 peers are shown as IPv4).
  Result<std::string> accept_peer(std::chrono::milliseconds timeout = kConnectTimeout) const;

 private:
  explicit Listener(Fd fd) : fd_(std::move(fd)) {}
  Fd fd_;
};

// The three hosts of the traffic tests:
//
//   client                 router (the firewall)                     backend
//   10.200.1.2, .3   eth0 <-veth-> in0 10.200.1.1    out0 10.200.2.1 <-veth-> eth0 10.200.2.2
//   fd00:200:1::2                  fd00:200:1::1
//
// The client routes everything through the router. The backend has no route back to the
// client's network, so a connection from the client reaches it only when the router
// masquerades; tests that need the way back add it (route_backend_to_client()).
struct Lab {
  static constexpr const char* kClient = "10.200.1.2";
  static constexpr const char* kSecondClient = "10.200.1.3";
  static constexpr const char* kClient6 = "fd00:200:1::2";
  static constexpr const char* kRouterInside = "10.200.1.1";
  static constexpr const char* kRouterInside6 = "fd00:200:1::1";
  static constexpr const char* kRouterOutside = "10.200.2.1";
  static constexpr const char* kBackend = "10.200.2.2";

  Netns client;
  Netns router;
  Netns backend;

  // Everything above, with forwarding on in the router.
  static Result<Lab> create();
  Status route_backend_to_client() const;
};

}  // namespace fwctl::integration
