#pragma once
// nftables tracing (issue 15, `fwctl --trace`): the kernel reports every rule a packet with
// nftrace set meets on the netlink group NFNLGRP_NFTRACE; TraceSocket subscribes to it and
// parses each report with libnftnl (nftnl_trace), as `nft monitor trace` does.
//
//   auto socket = nft::TraceSocket::open();     // needs CAP_NET_ADMIN in the namespace
//   while (auto event = socket->next(200)) ...  // nullopt after 200 ms without one

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/result.hpp"

struct mnl_socket;

namespace fwctl::nft {

struct TraceEvent {
  enum class Type { Rule, Return, Policy, Other };
  uint32_t id = 0;  // the same for every report about one packet
  Type type = Type::Other;
  std::string family;  // inet, ip, ip6, ...
  std::string table;
  std::string chain;
  uint64_t handle = 0;  // Rule: the rule's kernel handle
  // accept, drop, continue, return, jump, goto, queue, ... ("" when the report has none)
  std::string verdict;
  std::string jump_target;
  uint32_t iif = 0, oif = 0;  // interface indexes, 0 when none
  uint32_t nfproto = 0;       // NFPROTO_IPV4, NFPROTO_IPV6
};

class TraceSocket {
 public:
  // COMMAND_FAILED with strerror when the socket or the subscription is refused.
  static Result<std::unique_ptr<TraceSocket>> open();
  ~TraceSocket();
  TraceSocket(const TraceSocket&) = delete;
  TraceSocket& operator=(const TraceSocket&) = delete;

  // The next report, waiting at most `timeout_ms`; nullopt when none came (or a signal
  // interrupted the wait). COMMAND_FAILED when the socket fails.
  Result<std::optional<TraceEvent>> next(int timeout_ms);

 private:
  explicit TraceSocket(mnl_socket* socket) : socket_(socket) {}
  mnl_socket* socket_;
  std::string pending_;  // a datagram may hold several reports: those not handed out yet
  size_t offset_ = 0;
};

}  // namespace fwctl::nft
