// MnlNetlink::rule_counters: one NFT_MSG_GETRULE dump of a table, as `nft list table` reads
// it, keeping of each rule its chain, handle and counter expression.

#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "nft/mnl_netlink.hpp"
#include "nft/nl_objects.hpp"

namespace fwctl::nft {
namespace {

struct Counted {
  RuleCounter counter;
  bool seen = false;
};

int take_counter(nftnl_expr* e, void* data) {
  auto* out = static_cast<Counted*>(data);
  const char* name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
  if (name && std::strcmp(name, "counter") == 0) {
    out->counter.packets += nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_PACKETS);
    out->counter.bytes += nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_BYTES);
    out->seen = true;
  }
  return MNL_CB_OK;
}

int take_rule(const nlmsghdr* nlh, void* data) {
  auto* out = static_cast<std::vector<RuleCounter>*>(data);
  RulePtr rule(nftnl_rule_alloc());
  if (nftnl_rule_nlmsg_parse(nlh, rule.get()) < 0) return MNL_CB_ERROR;
  Counted counted;
  nftnl_expr_foreach(rule.get(), take_counter, &counted);
  if (!counted.seen) return MNL_CB_OK;  // a rule without a counter
  counted.counter.chain = nftnl_rule_get_str(rule.get(), NFTNL_RULE_CHAIN);
  counted.counter.handle = nftnl_rule_get_u64(rule.get(), NFTNL_RULE_HANDLE);
  out->push_back(std::move(counted.counter));
  return MNL_CB_OK;
}

Unexpected dump_error(int err) {
  return fail(Code::COMMAND_FAILED, std::string("netlink rule dump: ") + std::strerror(err));
}

}  // namespace

Result<std::vector<RuleCounter>> MnlNetlink::rule_counters(const std::string& table) {
  drain();
  std::vector<char> buf(64 * 1024);
  // A sequence number no batch uses (batches count from 1 up).
  const auto seq = static_cast<uint32_t>(std::time(nullptr)) | 0x80000000u;
  nlmsghdr* nlh = nftnl_nlmsg_build_hdr(buf.data(), NFT_MSG_GETRULE, NFPROTO_INET, NLM_F_DUMP, seq);
  RulePtr filter(nftnl_rule_alloc());
  nftnl_rule_set_str(filter.get(), NFTNL_RULE_TABLE, table.c_str());
  nftnl_rule_nlmsg_build_payload(nlh, filter.get());
  if (mnl_socket_sendto(socket_, nlh, nlh->nlmsg_len) < 0) return dump_error(errno);
  const unsigned portid = mnl_socket_get_portid(socket_);
  std::vector<RuleCounter> out;
  for (;;) {
    ssize_t len = mnl_socket_recvfrom(socket_, buf.data(), buf.size());
    if (len < 0 && errno == EINTR) continue;
    if (len < 0) return dump_error(errno);
    int ret = mnl_cb_run(buf.data(), static_cast<size_t>(len), seq, portid, take_rule, &out);
    if (ret < 0) return dump_error(errno);
    if (ret == MNL_CB_STOP) break;
  }
  return out;
}

}  // namespace fwctl::nft
