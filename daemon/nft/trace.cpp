#include "nft/trace.hpp"

#include <libmnl/libmnl.h>
#include <libnftnl/trace.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace fwctl::nft {
namespace {

Unexpected trace_error(const char* what, int err) {
  return fail(Code::COMMAND_FAILED,
              std::string("nftables trace: ") + what + ": " + std::strerror(err));
}

std::string verdict_name(int32_t verdict) {
  switch (verdict) {
    case NF_ACCEPT:
      return "accept";
    case NF_DROP:
      return "drop";
    case NF_QUEUE:
      return "queue";
    case NFT_CONTINUE:
      return "continue";
    case NFT_BREAK:
      return "break";
    case NFT_JUMP:
      return "jump";
    case NFT_GOTO:
      return "goto";
    case NFT_RETURN:
      return "return";
    default:
      return "verdict " + std::to_string(verdict);
  }
}

std::string family_name(uint32_t family) {
  switch (family) {
    case NFPROTO_INET:
      return "inet";
    case NFPROTO_IPV4:
      return "ip";
    case NFPROTO_IPV6:
      return "ip6";
    case NFPROTO_BRIDGE:
      return "bridge";
    case NFPROTO_ARP:
      return "arp";
    case NFPROTO_NETDEV:
      return "netdev";
    default:
      return std::to_string(family);
  }
}

std::optional<TraceEvent> parse(const nlmsghdr* nlh) {
  if (nlh->nlmsg_type != ((NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_TRACE)) return std::nullopt;
  nftnl_trace* t = nftnl_trace_alloc();
  if (!t) std::abort();
  std::optional<TraceEvent> out;
  if (nftnl_trace_nlmsg_parse(nlh, t) >= 0) {
    TraceEvent e;
    auto str = [&](uint16_t attr) {
      return nftnl_trace_is_set(t, attr) ? std::string(nftnl_trace_get_str(t, attr)) : "";
    };
    auto u32 = [&](uint16_t attr) {
      return nftnl_trace_is_set(t, attr) ? nftnl_trace_get_u32(t, attr) : 0u;
    };
    e.id = u32(NFTNL_TRACE_ID);
    switch (u32(NFTNL_TRACE_TYPE)) {
      case NFT_TRACETYPE_RULE:
        e.type = TraceEvent::Type::Rule;
        break;
      case NFT_TRACETYPE_RETURN:
        e.type = TraceEvent::Type::Return;
        break;
      case NFT_TRACETYPE_POLICY:
        e.type = TraceEvent::Type::Policy;
        break;
      default:
        break;
    }
    e.family = family_name(u32(NFTNL_TRACE_FAMILY));
    e.table = str(NFTNL_TRACE_TABLE);
    e.chain = str(NFTNL_TRACE_CHAIN);
    if (nftnl_trace_is_set(t, NFTNL_TRACE_RULE_HANDLE))
      e.handle = nftnl_trace_get_u64(t, NFTNL_TRACE_RULE_HANDLE);
    if (nftnl_trace_is_set(t, NFTNL_TRACE_VERDICT))
      e.verdict = verdict_name(static_cast<int32_t>(u32(NFTNL_TRACE_VERDICT)));
    if (e.type == TraceEvent::Type::Policy && nftnl_trace_is_set(t, NFTNL_TRACE_POLICY))
      e.verdict = verdict_name(static_cast<int32_t>(u32(NFTNL_TRACE_POLICY)));
    e.jump_target = str(NFTNL_TRACE_JUMP_TARGET);
    e.iif = u32(NFTNL_TRACE_IIF);
    e.oif = u32(NFTNL_TRACE_OIF);
    e.nfproto = u32(NFTNL_TRACE_NFPROTO);
    out = std::move(e);
  }
  nftnl_trace_free(t);
  return out;
}

}  // namespace

Result<std::unique_ptr<TraceSocket>> TraceSocket::open() {
  mnl_socket* socket = mnl_socket_open(NETLINK_NETFILTER);
  if (!socket) return trace_error("socket", errno);
  int group = NFNLGRP_NFTRACE;
  if (mnl_socket_bind(socket, 0, MNL_SOCKET_AUTOPID) < 0 ||
      mnl_socket_setsockopt(socket, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group)) < 0) {
    int err = errno;
    mnl_socket_close(socket);
    return trace_error("subscribe", err);
  }
  return std::unique_ptr<TraceSocket>(new TraceSocket(socket));
}

TraceSocket::~TraceSocket() { mnl_socket_close(socket_); }

Result<std::optional<TraceEvent>> TraceSocket::next(int timeout_ms) {
  for (;;) {
    while (offset_ < pending_.size()) {
      auto* nlh = reinterpret_cast<const nlmsghdr*>(pending_.data() + offset_);
      int left = static_cast<int>(pending_.size() - offset_);
      if (!mnl_nlmsg_ok(nlh, left)) break;
      offset_ += NLMSG_ALIGN(nlh->nlmsg_len);
      if (auto event = parse(nlh)) return event;
    }
    pending_.clear();
    offset_ = 0;
    pollfd fd{mnl_socket_get_fd(socket_), POLLIN, 0};
    int n = ::poll(&fd, 1, timeout_ms);
    if (n < 0 && errno == EINTR) return std::optional<TraceEvent>{};
    if (n < 0) return trace_error("poll", errno);
    if (n == 0) return std::optional<TraceEvent>{};
    std::vector<char> buf(64 * 1024);
    ssize_t len = mnl_socket_recvfrom(socket_, buf.data(), buf.size());
    if (len < 0 && (errno == EINTR || errno == ENOBUFS)) continue;  // ENOBUFS: reports lost
    if (len < 0) return trace_error("receive", errno);
    pending_.assign(buf.data(), static_cast<size_t>(len));
  }
}

}  // namespace fwctl::nft
