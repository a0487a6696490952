#pragma once
// The seam between fwctl and the kernel: send one Batch as one nf_tables transaction.
//
// MnlNetlink (mnl_netlink.hpp) talks to the kernel; FakeNetlink (fake_netlink.hpp) records
// batches for tests and can fail one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "nft/batch.hpp"
#include "nft/table_id.hpp"

namespace fwctl::nft {

// The kernel's answer to one message of an accepted batch.
struct Reply {
  std::optional<uint64_t> handle;  // rules added with echo: the handle the kernel gave them
  bool operator==(const Reply&) const = default;
};

// One rule's counter as the kernel holds it (fwctl --counters).
struct RuleCounter {
  std::string chain;
  uint64_t handle = 0;
  uint64_t packets = 0;
  uint64_t bytes = 0;
  bool operator==(const RuleCounter&) const = default;
};

class Netlink {
 public:
  virtual ~Netlink() = default;

  // Sends `batch` and reads the kernel's answer to every message. On success returns one Reply
  // per message, in order. When the kernel rejects any message, it applies none of them, and
  // the result is COMMAND_FAILED "<origin of the first failing message>: <strerror>". An empty
  // batch is not sent and succeeds.
  virtual Result<std::vector<Reply>> send(const Batch& batch) = 0;

  // The counter of every rule of table `table` (family inet) that has one, read with one
  // rule dump; COMMAND_FAILED with strerror when the kernel refuses (ENOENT: no such table).
  // A Netlink that cannot read says so.
  virtual Result<std::vector<RuleCounter>> rule_counters(const std::string& table) {
    (void)table;
    return fail(Code::COMMAND_FAILED, "this netlink cannot read counters");
  }
  // Whether the kernel holds `table` now. After a refused change this tells a table another
  // program removed (`nft flush ruleset`) from a change the kernel refuses on its own. An
  // implementation that cannot ask answers true: the refusal then stands as it is.
  virtual Result<bool> has_table(const TableId& table) {
    (void)table;
    return true;
  }
};

}  // namespace fwctl::nft
