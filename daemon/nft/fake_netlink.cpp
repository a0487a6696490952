#include "nft/fake_netlink.hpp"

#include <libmnl/libmnl.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>

#include "nft/batch_text.hpp"

namespace fwctl::nft {
namespace {

// "family name" of the table a message is about: its first attribute is the table's name for
// every object kind (NFTA_TABLE_NAME, NFTA_CHAIN_TABLE, NFTA_RULE_TABLE, NFTA_SET_TABLE, ...).
std::string table_of(const nlmsghdr* nlh) {
  const auto* nfg = static_cast<const nfgenmsg*>(mnl_nlmsg_get_payload(nlh));
  const auto* attr = static_cast<const nlattr*>(mnl_nlmsg_get_payload_offset(nlh, sizeof(*nfg)));
  int left = static_cast<int>(static_cast<const char*>(mnl_nlmsg_get_payload_tail(nlh)) -
                              reinterpret_cast<const char*>(attr));
  std::string name;
  if (mnl_attr_ok(attr, left) && mnl_attr_get_type(attr) == 1) name = mnl_attr_get_str(attr);
  return std::to_string(nfg->nfgen_family) + " " + name;
}

}  // namespace

Result<std::vector<Reply>> FakeNetlink::send(const Batch& batch) {
  if (batch.empty()) return std::vector<Reply>{};
  sent_.push_back(describe(batch));
  if (failure_) {
    auto [index, err] = *failure_;
    failure_.reset();
    return Unexpected{message_error(batch, index, err)};
  }
  if (refused_) {
    const auto& text = sent_.back();
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i].find(refused_->first) != std::string::npos) {
        return Unexpected{message_error(batch, i, refused_->second)};
      }
    }
  }
  std::vector<Reply> replies(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    const auto* nlh = reinterpret_cast<const nlmsghdr*>(batch.bytes(i).data());
    auto type = nlh->nlmsg_type & 0xff;
    std::string table = table_of(nlh);
    if (type == NFT_MSG_DELTABLE) handles_.erase(table);
    bool object = type == NFT_MSG_NEWCHAIN || type == NFT_MSG_NEWSET || type == NFT_MSG_NEWOBJ ||
                  type == NFT_MSG_NEWFLOWTABLE || type == NFT_MSG_NEWRULE;
    if (!object) continue;
    uint64_t handle = ++handles_[table] + skew_;
    if (type == NFT_MSG_NEWRULE && (nlh->nlmsg_flags & NLM_F_ECHO)) replies[i].handle = handle;
  }
  committed_.push_back(sent_.back());
  tables_lost_ = false;
  return replies;
}

}  // namespace fwctl::nft
