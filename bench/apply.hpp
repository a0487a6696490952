#pragma once
// The bench's one use of the netlink backend: replace table inet firewalld in the current
// network namespace with `ruleset`, in one batch (nft::replace_ruleset + MnlNetlink::send).

#include <cstddef>
#include <string>

#include "compiler/ir.hpp"

namespace fwctl::bench {

struct ApplyStats {
  double build_s = 0;              // nft::replace_ruleset(): IR -> netlink messages
  double open_s = 0;               // MnlNetlink::open()
  double send_s = 0;               // MnlNetlink::send(): one sendmsg, every ACK read
  size_t messages = 0;             // messages in the batch
  size_t bytes = 0;                // bytes of the batch
  long maxrss_after_build_kb = 0;  // the process's peak RSS once the batch is built
};

// Applies the ruleset; on failure returns false and sets `error`.
bool apply_ruleset(const compiler::Ruleset& ruleset, ApplyStats& stats, std::string& error);

}  // namespace fwctl::bench
