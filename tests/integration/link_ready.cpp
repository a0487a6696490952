#include "link_ready.hpp"

#include <libmnl/libmnl.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

extern "C" unsigned int if_nametoindex(const char* ifname);

namespace fwctl::integration {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct SocketCloser {
  void operator()(mnl_socket* s) const { mnl_socket_close(s); }
};
using SocketPtr = std::unique_ptr<mnl_socket, SocketCloser>;

Unexpected netlink_failure(const std::string& what) {
  return fail(Code::COMMAND_FAILED, what + ": " + std::strerror(errno));
}

// A question to rtnetlink, asked again after every notification of `groups` until each
// message of the answer passes `ready`.
struct Query {
  unsigned groups = 0;
  std::function<void(nlmsghdr*)> build;  // fills in type, flags and payload
  std::function<bool(const nlmsghdr*)> ready;
};

struct Answer {
  bool complete = false;  // the answer to our request has been read in full
  bool ready = true;      // every message of it passed
  bool changed = false;   // a notification came meanwhile
};

class Waiter {
 public:
  Waiter(mnl_socket* nl, const Query& query, Clock::time_point deadline)
      : nl_(nl), query_(query), deadline_(deadline) {}

  // Asks once and reads the whole answer (and notifications that come with it).
  Result<Answer> ask() {
    std::vector<char> buf(MNL_SOCKET_BUFFER_SIZE);
    nlmsghdr* nlh = mnl_nlmsg_put_header(buf.data());
    nlh->nlmsg_seq = ++seq_;
    query_.build(nlh);
    if (mnl_socket_sendto(nl_, nlh, nlh->nlmsg_len) < 0) return netlink_failure("send");
    Answer answer;
    while (!answer.complete) {
      auto got = read(answer);
      if (!got) return got;
    }
    return answer;
  }

  // Reads one datagram within the deadline into `answer`.
  Status read(Answer& answer) {
    auto left = std::chrono::duration_cast<milliseconds>(deadline_ - Clock::now());
    pollfd pfd{mnl_socket_get_fd(nl_), POLLIN, 0};
    int n = ::poll(&pfd, 1, static_cast<int>(std::max(left, milliseconds(0)).count()));
    if (n < 0) return netlink_failure("poll");
    if (n == 0) return fail(Code::COMMAND_FAILED, "timed out");
    std::vector<char> buf(MNL_SOCKET_BUFFER_SIZE);
    ssize_t len = mnl_socket_recvfrom(nl_, buf.data(), buf.size());
    if (len < 0) return netlink_failure("recv");
    auto* nlh = reinterpret_cast<const nlmsghdr*>(buf.data());
    for (int rest = static_cast<int>(len); mnl_nlmsg_ok(nlh, rest);
         nlh = mnl_nlmsg_next(nlh, &rest)) {
      take(nlh, answer);
    }
    return ok();
  }

 private:
  void take(const nlmsghdr* nlh, Answer& answer) const {
    if (nlh->nlmsg_seq != seq_) {
      answer.changed = true;
    } else if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR) {
      answer.ready = answer.ready && nlh->nlmsg_type == NLMSG_DONE;
      answer.complete = true;
    } else {
      answer.ready = answer.ready && query_.ready(nlh);
      if (!(nlh->nlmsg_flags & NLM_F_MULTI)) answer.complete = true;
    }
  }

  mnl_socket* nl_;
  const Query& query_;
  Clock::time_point deadline_;
  unsigned seq_ = 0;
};

Status wait_for(const Query& query, milliseconds timeout, const std::string& what) {
  SocketPtr nl(mnl_socket_open(NETLINK_ROUTE));
  if (!nl) return netlink_failure("mnl_socket_open");
  // Subscribed before the first question, so that no change between answer and wait is lost.
  if (mnl_socket_bind(nl.get(), query.groups, MNL_SOCKET_AUTOPID) < 0) {
    return netlink_failure("mnl_socket_bind");
  }
  Waiter waiter(nl.get(), query, Clock::now() + timeout);
  for (;;) {
    auto answer = waiter.ask();
    if (!answer) return fail(Code::COMMAND_FAILED, what + ": " + answer.error().message());
    if (answer->ready) return ok();
    Answer notification;
    while (!answer->changed && !notification.changed) {
      auto got = waiter.read(notification);
      if (!got) return fail(Code::COMMAND_FAILED, what + ": " + got.error().message());
    }
  }
}

struct LinkAttrs {
  std::string ifname;
  std::string qdisc;
};

int on_link_attr(const nlattr* attr, void* data) {
  auto* attrs = static_cast<LinkAttrs*>(data);
  if (mnl_attr_get_type(attr) == IFLA_IFNAME) attrs->ifname = mnl_attr_get_str(attr);
  if (mnl_attr_get_type(attr) == IFLA_QDISC) attrs->qdisc = mnl_attr_get_str(attr);
  return MNL_CB_OK;
}

bool link_ready(const nlmsghdr* nlh) {
  if (nlh->nlmsg_type != RTM_NEWLINK) return false;
  const auto* ifm = static_cast<const ifinfomsg*>(mnl_nlmsg_get_payload(nlh));
  LinkAttrs attrs;
  mnl_attr_parse(nlh, sizeof(*ifm), on_link_attr, &attrs);
  bool carrier = (ifm->ifi_flags & IFF_LOWER_UP) != 0;
  return carrier && !attrs.qdisc.empty() && attrs.qdisc != "noop";
}

}  // namespace

Status wait_link_ready(const std::string& name, milliseconds timeout) {
  Query query;
  query.groups = RTMGRP_LINK;
  query.build = [&](nlmsghdr* nlh) {
    nlh->nlmsg_type = RTM_GETLINK;
    nlh->nlmsg_flags = NLM_F_REQUEST;
    auto* ifm = static_cast<ifinfomsg*>(mnl_nlmsg_put_extra_header(nlh, sizeof(ifinfomsg)));
    ifm->ifi_family = AF_UNSPEC;
    mnl_attr_put_strz(nlh, IFLA_IFNAME, name.c_str());
  };
  query.ready = link_ready;
  return wait_for(query, timeout, "link " + name + " not ready");
}

Status wait_ipv6_addresses_ready(const std::string& name, milliseconds timeout) {
  unsigned index = if_nametoindex(name.c_str());
  if (index == 0) return netlink_failure("if_nametoindex " + name);
  Query query;
  query.groups = RTMGRP_IPV6_IFADDR;
  query.build = [](nlmsghdr* nlh) {
    nlh->nlmsg_type = RTM_GETADDR;
    nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    auto* ifa = static_cast<ifaddrmsg*>(mnl_nlmsg_put_extra_header(nlh, sizeof(ifaddrmsg)));
    ifa->ifa_family = AF_INET6;
  };
  query.ready = [index](const nlmsghdr* nlh) {
    const auto* ifa = static_cast<const ifaddrmsg*>(mnl_nlmsg_get_payload(nlh));
    return ifa->ifa_index != index || (ifa->ifa_flags & IFA_F_TENTATIVE) == 0;
  };
  return wait_for(query, timeout, "IPv6 addresses of " + name + " not ready");
}

}  // namespace fwctl::integration
