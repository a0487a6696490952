#pragma once
// Netlink over a libmnl NETLINK_NETFILTER socket, as nftables' mnl_batch_talk() does it:
// BATCH_BEGIN, the batch's messages, BATCH_END in one sendmsg(), then the answers read back and
// matched to their message by sequence number. Like nft, it asks no acknowledgement of each
// message (a failed one is answered anyway), only of the last one, which ends the answers.
//
// Needs CAP_NET_ADMIN in the network namespace the socket is opened in.

#include <memory>

#include "nft/netlink.hpp"

struct mnl_socket;

namespace fwctl::nft {

class MnlNetlink final : public Netlink {
 public:
  // Opens and binds the socket; COMMAND_FAILED with strerror when that is refused.
  static Result<std::unique_ptr<MnlNetlink>> open();
  ~MnlNetlink() override;
  MnlNetlink(const MnlNetlink&) = delete;
  MnlNetlink& operator=(const MnlNetlink&) = delete;

  Result<std::vector<Reply>> send(const Batch& batch) override;
  // One NFT_MSG_GETRULE dump of the table (rule_counters.cpp).
  Result<std::vector<RuleCounter>> rule_counters(const std::string& table) override;
  // One NFT_MSG_GETTABLE request: ENOENT is false, the table's description true.
  Result<bool> has_table(const TableId& table) override;

 private:
  explicit MnlNetlink(mnl_socket* socket);
  Status transmit(const Batch& batch);
  Result<std::vector<Reply>> receive(const Batch& batch);
  void size_buffers(const Batch& batch);
  void drain();

  mnl_socket* socket_;
};

}  // namespace fwctl::nft
