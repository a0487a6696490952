#include "nft/fake_netlink.hpp"

#include <linux/netfilter/nf_tables.h>
#include <linux/netlink.h>

#include "nft/batch_text.hpp"

namespace fwctl::nft {

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
    bool new_rule = (nlh->nlmsg_type & 0xff) == NFT_MSG_NEWRULE;
    if (new_rule && (nlh->nlmsg_flags & NLM_F_ECHO)) replies[i].handle = next_handle_++;
  }
  committed_.push_back(sent_.back());
  tables_lost_ = false;
  return replies;
}

}  // namespace fwctl::nft
