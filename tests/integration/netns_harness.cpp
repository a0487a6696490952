#include "netns_harness.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "link_ready.hpp"

extern char** environ;

namespace fwctl::integration {

Unexpected errno_failure(const std::string& what) {
  return fail(Code::COMMAND_FAILED, what + ": " + std::strerror(errno));
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

// Reads everything from `fd` until end of file.
std::string read_all(int fd) {
  std::string out;
  char buf[512];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

// Runs ARGV[0] from PATH in the calling thread's namespaces and waits for it; its stderr is
// returned in the error when it fails.
Status spawn_and_wait(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return errno_failure("pipe");
  Fd read_end(err_pipe[0]);
  Fd write_end(err_pipe[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDERR_FILENO);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return fail(Code::COMMAND_FAILED, args[0] + ": " + std::strerror(rc));
  write_end = Fd();
  std::string errors = read_all(read_end.get());
  int wstatus = 0;
  if (::waitpid(pid, &wstatus, 0) < 0) return errno_failure("waitpid");
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) return ok();
  std::string command;
  for (const auto& a : args) command += a + " ";
  return fail(Code::COMMAND_FAILED, command + "failed: " + errors);
}

}  // namespace

Result<Netns> Netns::create() {
  Result<Fd> fd = fail(Code::COMMAND_FAILED, "not run");
  std::thread worker([&] {
    if (::unshare(CLONE_NEWNET) != 0) {
      fd = errno_failure("unshare(CLONE_NEWNET)");
      return;
    }
    int raw = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    fd = raw < 0 ? Result<Fd>(errno_failure("open /proc/thread-self/ns/net")) : Fd(raw);
  });
  worker.join();
  if (!fd) return fd;
  Netns ns(std::move(*fd));
  // No duplicate address detection: IPv6 addresses become usable as soon as the kernel's
  // address work has run, which wait_ipv6_addresses_ready() waits for.
  for (const char* key : {"net/ipv6/conf/all/accept_dad", "net/ipv6/conf/default/accept_dad"}) {
    auto written = ns.write_sysctl(key, "0");
    if (!written) return written;
  }
  auto up = ns.ip({"link", "set", "lo", "up"});
  if (!up) return up;
  return ns;
}

Status Netns::ip(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{"ip"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run([&] { return spawn_and_wait(argv); });
}

Status Netns::write_sysctl(const std::string& key, const std::string& value) const {
  return run([&]() -> Status {
    // /proc/sys/net shows the namespace of the thread that opens it.
    Fd fd(::open(("/proc/sys/" + key).c_str(), O_WRONLY | O_CLOEXEC));
    if (fd.get() < 0) return errno_failure("open /proc/sys/" + key);
    if (::write(fd.get(), value.data(), value.size()) < 0) return errno_failure("write " + key);
    return ok();
  });
}

std::string Netns::path() const {
  return "/proc/" + std::to_string(::getpid()) + "/fd/" + std::to_string(fd_.get());
}

namespace {

constexpr std::chrono::milliseconds kLinkReadyTimeout{5000};

Status configure_end(const VethEnd& end) {
  for (const auto& address : end.addresses) {
    auto added = end.ns->ip({"addr", "add", address, "dev", end.name});
    if (!added) return added;
  }
  return end.ns->ip({"link", "set", end.name, "up"});
}

// `end` reaches each address of `peer` at the peer's MAC, for good.
Status pin_neighbours(const VethEnd& end, const VethEnd& peer) {
  for (const auto& address : peer.addresses) {
    std::string host = address.substr(0, address.find('/'));
    auto pinned = end.ns->ip(
        {"neigh", "replace", host, "lladdr", peer.mac, "dev", end.name, "nud", "permanent"});
    if (!pinned) return pinned;
  }
  return ok();
}

}  // namespace

Status connect_veth(const VethEnd& a, const VethEnd& b) {
  auto created = a.ns->ip({"link", "add", a.name, "address", a.mac, "type", "veth", "peer", "name",
                           b.name, "address", b.mac, "netns", b.ns->path()});
  if (!created) return created;
  auto configured = configure_end(a);
  if (!configured) return configured;
  configured = configure_end(b);
  if (!configured) return configured;
  for (auto [end, peer] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    auto pinned = pin_neighbours(*end, *peer);
    if (!pinned) return pinned;
  }
  for (const VethEnd* end : {&a, &b}) {
    auto ready = end->ns->run([&] {
      auto link = wait_link_ready(end->name, kLinkReadyTimeout);
      return link ? wait_ipv6_addresses_ready(end->name, kLinkReadyTimeout) : link;
    });
    if (!ready) return ready;
  }
  return ok();
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::Connected:
      return "connected";
    case Outcome::Refused:
      return "refused";
    case Outcome::Rejected:
      return "rejected";
    case Outcome::TimedOut:
      return "timed out";
    case Outcome::Failed:
      return "failed";
  }
  return "?";
}

namespace {

struct SockAddr {
  sockaddr_storage storage{};
  socklen_t length = 0;
  const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
  int family() const { return storage.ss_family; }
};

std::optional<SockAddr> make_sockaddr(const std::string& address, uint16_t port) {
  SockAddr sa;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&sa.storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&sa.storage);
  if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    sa.length = sizeof(sockaddr_in);
  } else if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    sa.length = sizeof(sockaddr_in6);
  } else {
    return std::nullopt;
  }
  return sa;
}

// A TCP socket created inside `ns`.
Result<Fd> tcp_socket(const Netns& ns, int family, int flags = 0) {
  return ns.run([&]() -> Result<Fd> {
    int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | flags, 0);
    if (fd < 0) return errno_failure("socket");
    return Fd(fd);
  });
}

Outcome outcome_of(int err) {
  switch (err) {
    case 0:
      return Outcome::Connected;
    case ECONNREFUSED:
      return Outcome::Refused;
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EACCES:
    case EPERM:
      return Outcome::Rejected;
    case ETIMEDOUT:
      return Outcome::TimedOut;
    default:
      return Outcome::Failed;
  }
}

// Asks the kernel to queue every ICMP error about this socket's packets on its error queue.
// TCP alone may miss one: an ICMP error that arrives while connect() still holds the socket
// (on a veth the reject can come back before connect() returns) only counts as a soft error,
// and the SYN is retried a second later.
void enable_icmp_errors(int fd, int family) {
  int on = 1;
  if (family == AF_INET6) {
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof(on));
  } else {
    ::setsockopt(fd, IPPROTO_IP, IP_RECVERR, &on, sizeof(on));
  }
}

// The errno of an ICMP error waiting on the socket's error queue; 0 when there is none.
int queued_icmp_error(int fd) {
  char control[512];
  char data[64];
  iovec iov{data, sizeof(data)};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  if (::recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0) return 0;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    bool v4 = c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_RECVERR;
    bool v6 = c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_RECVERR;
    if (!v4 && !v6) continue;
    sock_extended_err err;
    std::memcpy(&err, CMSG_DATA(c), sizeof(err));
    if (err.ee_origin == SO_EE_ORIGIN_ICMP || err.ee_origin == SO_EE_ORIGIN_ICMP6) {
      return static_cast<int>(err.ee_errno);
    }
  }
  return 0;
}

// Waits for a non-blocking connect to finish and returns its errno (0 when connected).
int wait_connected(int fd, std::chrono::milliseconds timeout) {
  pollfd pfd{fd, POLLOUT, 0};
  int ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (ready == 0) return ETIMEDOUT;
  if (ready < 0) return errno;
  if (int icmp = queued_icmp_error(fd)) return icmp;
  int err = 0;
  socklen_t len = sizeof(err);
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return errno;
  return err;
}

}  // namespace

Outcome connect_from(const Netns& ns, const std::string& address, uint16_t port,
                     const std::string& source, std::chrono::milliseconds timeout) {
  auto target = make_sockaddr(address, port);
  if (!target) return Outcome::Failed;
  auto sock = tcp_socket(ns, target->family(), SOCK_NONBLOCK);
  if (!sock) return Outcome::Failed;
  enable_icmp_errors(sock->get(), target->family());
  if (!source.empty()) {
    auto local = make_sockaddr(source, 0);
    if (!local || ::bind(sock->get(), local->get(), local->length) != 0) return Outcome::Failed;
  }
  if (::connect(sock->get(), target->get(), target->length) == 0) return Outcome::Connected;
  if (errno != EINPROGRESS) return outcome_of(errno);
  return outcome_of(wait_connected(sock->get(), timeout));
}

Result<Listener> Listener::open(const Netns& ns, uint16_t port) {
  auto sock = tcp_socket(ns, AF_INET6);
  if (!sock) return sock;
  int on = 1;
  int off = 0;
  ::setsockopt(sock->get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  ::setsockopt(sock->get(), IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
  auto any = make_sockaddr("::", port);
  if (::bind(sock->get(), any->get(), any->length) != 0) return errno_failure("bind");
  if (::listen(sock->get(), 16) != 0) return errno_failure("listen");
  return Listener(std::move(*sock));
}

namespace {

std::string address_text(const sockaddr_in6& peer) {
  char text[INET6_ADDRSTRLEN] = {};
  if (IN6_IS_ADDR_V4MAPPED(&peer.sin6_addr)) {
    ::inet_ntop(AF_INET, &peer.sin6_addr.s6_addr[12], text, sizeof(text));
  } else {
    ::inet_ntop(AF_INET6, &peer.sin6_addr, text, sizeof(text));
  }
  return text;
}

}  // namespace

Result<std::string> Listener::accept_peer(std::chrono::milliseconds timeout) const {
  pollfd pfd{fd_.get(), POLLIN, 0};
  int ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (ready < 0) return errno_failure("poll");
  if (ready == 0) return fail(Code::COMMAND_FAILED, "no connection to accept");
  sockaddr_in6 peer{};
  socklen_t len = sizeof(peer);
  Fd conn(::accept4(fd_.get(), reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC));
  if (conn.get() < 0) return errno_failure("accept");
  return address_text(peer);
}

namespace {

Status wire_lab(const Lab& lab) {
  // Locally administered MACs; each pair is alone on its link.
  auto inside =
      connect_veth({&lab.router, "in0", "02:00:0a:c8:01:01", {"10.200.1.1/24", "fd00:200:1::1/64"}},
                   {&lab.client,
                    "eth0",
                    "02:00:0a:c8:01:02",
                    {"10.200.1.2/24", "10.200.1.3/24", "fd00:200:1::2/64"}});
  if (!inside) return inside;
  auto outside = connect_veth({&lab.router, "out0", "02:00:0a:c8:02:01", {"10.200.2.1/24"}},
                              {&lab.backend, "eth0", "02:00:0a:c8:02:02", {"10.200.2.2/24"}});
  if (!outside) return outside;
  auto route4 = lab.client.ip({"route", "add", "default", "via", Lab::kRouterInside});
  if (!route4) return route4;
  auto route6 = lab.client.ip({"-6", "route", "add", "default", "via", Lab::kRouterInside6});
  if (!route6) return route6;
  return lab.router.write_sysctl("net/ipv4/ip_forward", "1");
}

}  // namespace

Result<Lab> Lab::create() {
  auto client = Netns::create();
  if (!client) return client;
  auto router = Netns::create();
  if (!router) return router;
  auto backend = Netns::create();
  if (!backend) return backend;
  Lab lab{std::move(*client), std::move(*router), std::move(*backend)};
  auto wired = wire_lab(lab);
  if (!wired) return wired;
  return lab;
}

Status Lab::route_backend_to_client() const {
  return backend.ip({"route", "add", "10.200.1.0/24", "via", kRouterOutside});
}

}  // namespace fwctl::integration
