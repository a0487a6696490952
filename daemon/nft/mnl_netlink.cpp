#include "nft/mnl_netlink.hpp"

#include <endian.h>
#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/table.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "nft/nl_objects.hpp"

namespace fwctl::nft {
namespace {

constexpr size_t kReceiveBuffer = 64 * 1024;  // one datagram: acks, and echoed rules
// The sequence number of has_table()'s request: far above any batch's (1..messages).
constexpr uint32_t kQuerySeq = 0x7fffffff;

Unexpected system_error(const char* what, int err) {
  return fail(Code::COMMAND_FAILED, std::string(what) + ": " + std::strerror(err));
}

// Raises a socket buffer to `want` bytes (the kernel doubles it) when it is smaller.
void raise_buffer(int fd, int force_option, int option, size_t want) {
  int current = 0;
  socklen_t len = sizeof(current);
  getsockopt(fd, SOL_SOCKET, option, &current, &len);
  if (static_cast<size_t>(current) >= want) return;
  int value = static_cast<int>(std::min<size_t>(want, INT32_MAX / 2));
  if (setsockopt(fd, SOL_SOCKET, force_option, &value, sizeof(value)) != 0) {
    setsockopt(fd, SOL_SOCKET, option, &value, sizeof(value));
  }
}

bool is_new_rule(const nlmsghdr* nlh) {
  return nlh->nlmsg_type == ((NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWRULE);
}

// The handle of an echoed rule: only its top-level attributes are read (the expressions, which
// nftnl_rule_nlmsg_parse() would unpack into objects, are skipped).
std::optional<uint64_t> rule_handle(const nlmsghdr* nlh) {
  std::optional<uint64_t> handle;
  auto take = [](const nlattr* attr, void* data) {
    if (mnl_attr_get_type(attr) == NFTA_RULE_HANDLE && mnl_attr_validate(attr, MNL_TYPE_U64) >= 0) {
      *static_cast<std::optional<uint64_t>*>(data) = be64toh(mnl_attr_get_u64(attr));
    }
    return MNL_CB_OK;
  };
  mnl_attr_parse(nlh, sizeof(nfgenmsg), take, &handle);
  return handle;
}

// What the kernel has said so far about one batch.
struct Answers {
  explicit Answers(size_t n) : replies(n), errors(n, 0), acked(n, false) {}
  std::vector<Reply> replies;
  std::vector<int> errors;
  std::vector<bool> acked;
  int batch_error = 0;  // an error against BATCH_BEGIN: the batch as a whole was refused

  void take(const nlmsghdr* nlh) {
    size_t n = replies.size();
    uint32_t seq = nlh->nlmsg_seq;
    bool ours = seq >= 1 && seq <= n;
    if (nlh->nlmsg_type == NLMSG_ERROR) {
      const auto* err = static_cast<const nlmsgerr*>(mnl_nlmsg_get_payload(nlh));
      if (!ours) {
        if (err->error) batch_error = -err->error;
        return;
      }
      acked[seq - 1] = true;
      errors[seq - 1] = -err->error;
    } else if (ours && is_new_rule(nlh)) {
      replies[seq - 1].handle = rule_handle(nlh);
    }
  }
  // Only the last message asks for an acknowledgement (transmit()); a failed one is answered
  // whether it asked or not, before the last one's answer.
  bool done() const { return acked.back() || batch_error != 0; }
};

}  // namespace

MnlNetlink::MnlNetlink(mnl_socket* socket) : socket_(socket) {}

MnlNetlink::~MnlNetlink() { mnl_socket_close(socket_); }

Result<std::unique_ptr<MnlNetlink>> MnlNetlink::open() {
  mnl_socket* socket = mnl_socket_open(NETLINK_NETFILTER);
  if (!socket) return system_error("netlink socket", errno);
  if (mnl_socket_bind(socket, 0, MNL_SOCKET_AUTOPID) < 0) {
    int err = errno;
    mnl_socket_close(socket);
    return system_error("netlink bind", err);
  }
  // Short acknowledgements (no copy of the request), with the kernel's extended error text.
  int on = 1;
  mnl_socket_setsockopt(socket, NETLINK_CAP_ACK, &on, sizeof(on));
  mnl_socket_setsockopt(socket, NETLINK_EXT_ACK, &on, sizeof(on));
  return std::unique_ptr<MnlNetlink>(new MnlNetlink(socket));
}

void MnlNetlink::size_buffers(const Batch& batch) {
  int fd = mnl_socket_get_fd(socket_);
  raise_buffer(fd, SO_SNDBUFFORCE, SO_SNDBUF, batch.data().size() + 64 * 1024);
  // Every answer (errors, echoed rules, the last acknowledgement) is queued before we read any.
  raise_buffer(fd, SO_RCVBUFFORCE, SO_RCVBUF, batch.size() * 2048 + 256 * 1024);
}

// The batch's messages carry no NLM_F_ACK: the kernel answers only those that fail (and the
// echoed ones), so a big batch costs no acknowledgement per message. The last message goes as
// a copy with NLM_F_ACK: the kernel sends the answers in message order once the batch is
// committed or refused, so its acknowledgement comes after every other answer.
Status MnlNetlink::transmit(const Batch& batch) {
  char begin[NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg))];
  char end[sizeof(begin)];
  nlmsghdr* b = nftnl_batch_begin(begin, 0);
  nlmsghdr* e = nftnl_batch_end(end, static_cast<uint32_t>(batch.size() + 1));
  auto last = batch.bytes(batch.size() - 1);
  std::vector<char> acked(last.begin(), last.end());
  reinterpret_cast<nlmsghdr*>(acked.data())->nlmsg_flags |= NLM_F_ACK;
  size_t before_last = batch.data().size() - last.size();
  iovec iov[4] = {{b, b->nlmsg_len},
                  {const_cast<char*>(batch.data().data()), before_last},
                  {acked.data(), acked.size()},
                  {e, e->nlmsg_len}};
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  msghdr msg{};
  msg.msg_name = &kernel;
  msg.msg_namelen = sizeof(kernel);
  msg.msg_iov = iov;
  msg.msg_iovlen = 4;
  ssize_t sent = sendmsg(mnl_socket_get_fd(socket_), &msg, 0);
  if (sent < 0) return system_error("netlink send", errno);
  return ok();
}

Result<std::vector<Reply>> MnlNetlink::receive(const Batch& batch) {
  Answers answers(batch.size());
  std::vector<char> buf(kReceiveBuffer);
  while (!answers.done()) {
    ssize_t len = mnl_socket_recvfrom(socket_, buf.data(), buf.size());
    if (len < 0 && errno == EINTR) continue;
    if (len < 0) return system_error("netlink receive", errno);
    auto* nlh = reinterpret_cast<const nlmsghdr*>(buf.data());
    int left = static_cast<int>(len);
    for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) answers.take(nlh);
  }
  for (size_t i = 0; i < answers.errors.size(); ++i) {
    if (answers.errors[i]) return Unexpected{message_error(batch, i, answers.errors[i])};
  }
  if (answers.batch_error) return system_error("batch", answers.batch_error);
  return std::move(answers.replies);
}

// Drops what an earlier, refused batch may have left unread (its late acknowledgements), so
// that sequence numbers of this batch cannot be confused with them.
void MnlNetlink::drain() {
  char buf[8192];
  while (recv(mnl_socket_get_fd(socket_), buf, sizeof(buf), MSG_DONTWAIT) > 0) {
  }
}

Result<std::vector<Reply>> MnlNetlink::send(const Batch& batch) {
  if (batch.empty()) return std::vector<Reply>{};
  drain();
  size_buffers(batch);
  if (auto s = transmit(batch); !s) return s;
  return receive(batch);
}

Result<bool> MnlNetlink::has_table(const TableId& table) {
  auto family = family_number(table.family);
  if (!family) return fail(Code::COMMAND_FAILED, "unknown table family '" + table.family + "'");
  drain();
  std::vector<char> buf(kReceiveBuffer);
  nlmsghdr* request =
      nftnl_nlmsg_build_hdr(buf.data(), NFT_MSG_GETTABLE, *family, NLM_F_ACK, kQuerySeq);
  TablePtr wanted(nftnl_table_alloc());
  nftnl_table_set_str(wanted.get(), NFTNL_TABLE_NAME, table.name.c_str());
  nftnl_table_nlmsg_build_payload(request, wanted.get());
  if (mnl_socket_sendto(socket_, request, request->nlmsg_len) < 0) {
    return system_error("netlink send", errno);
  }
  bool found = false;
  for (;;) {
    ssize_t len = mnl_socket_recvfrom(socket_, buf.data(), buf.size());
    if (len < 0 && errno == EINTR) continue;
    if (len < 0) return system_error("netlink receive", errno);
    auto* nlh = reinterpret_cast<const nlmsghdr*>(buf.data());
    int left = static_cast<int>(len);
    for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
      if (nlh->nlmsg_seq != kQuerySeq) continue;
      if (nlh->nlmsg_type != NLMSG_ERROR) {
        found = found || (nlh->nlmsg_type & 0xff) == NFT_MSG_NEWTABLE;
        continue;
      }
      int err = -static_cast<const nlmsgerr*>(mnl_nlmsg_get_payload(nlh))->error;
      if (err == ENOENT) return false;
      if (err != 0) return system_error("get table", err);
      return found;
    }
  }
}

}  // namespace fwctl::nft
