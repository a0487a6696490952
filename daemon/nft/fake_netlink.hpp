#pragma once
// A Netlink for unit tests: records every batch as describe() text, accepts it like a kernel
// would (all or nothing), and fails one chosen message on request.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nft/netlink.hpp"

namespace fwctl::nft {

class FakeNetlink final : public Netlink {
 public:
  // The next send() fails with errno `err` at message `index` (0-based), like the kernel
  // refusing that message: nothing of that batch is committed.
  void fail_at(size_t index, int err) { failure_ = {index, err}; }
  // Every later send() of a batch with a message whose describe() text contains `text` fails
  // with errno `err` at the first such message, as a kernel refusing that change each time.
  void refuse_containing(std::string text, int err) { refused_ = {std::move(text), err}; }

  // The kernel's tables are gone (another program flushed the ruleset): has_table() says no
  // until a batch is accepted.
  void lose_tables() { tables_lost_ = true; }
  Result<bool> has_table(const TableId&) override { return !tables_lost_; }

  // Handles as the kernel gives them: every chain, set, object, flowtable and rule of a table
  // takes the table's next handle, from 1 for a table the batch creates (after deleting it);
  // rules sent with echo report theirs.
  Result<std::vector<Reply>> send(const Batch& batch) override;
  // Every handle given from now on is off by `skew` from the kernel's numbering (a kernel that
  // numbers differently from what fwctl predicts).
  void skew_handles(uint64_t skew) { skew_ = skew; }

  // What rule_counters() answers, whatever the table.
  void set_counters(std::vector<RuleCounter> counters) { counters_ = std::move(counters); }
  Result<std::vector<RuleCounter>> rule_counters(const std::string&) override { return counters_; }

  // Every batch sent, including refused ones.
  const std::vector<std::vector<std::string>>& sent() const { return sent_; }
  // Only the batches that were accepted: what a kernel would have applied.
  const std::vector<std::vector<std::string>>& committed() const { return committed_; }

 private:
  std::optional<std::pair<size_t, int>> failure_;
  std::optional<std::pair<std::string, int>> refused_;
  std::vector<std::vector<std::string>> sent_;
  std::vector<std::vector<std::string>> committed_;
  std::map<std::string, uint64_t> handles_;  // "family table" -> its last handle given
  uint64_t skew_ = 0;
  std::vector<RuleCounter> counters_;
  bool tables_lost_ = false;
};

}  // namespace fwctl::nft
