// The panic table of firewalld 1.3.3 (nftables.py, build_set_policy_rules("PANIC")).

#include "compiler/panic.hpp"

#include <algorithm>

namespace fwctl::compiler {
namespace {

// "raw" is nft's -300; firewalld puts its own chains at raw + 10 (NFT_HOOK_OFFSET) and panic
// one below them, so that it sees every packet first, before conntrack, mangle and nat.
constexpr int kPanicPriority = -300 + 10 - 1;

// chain raw_HOOK { type filter hook HOOK priority raw + 9; policy drop; }
Chain drop_chain(const std::string& hook) {
  return Chain{"raw_" + hook, BaseHook{"filter", hook, kPanicPriority, "drop"}, {}};
}

}  // namespace

Table panic_table() {
  Table table;
  table.family = kPanicTableFamily;
  table.name = kPanicTableName;
  // Only the two hooks every packet of the host passes first: incoming and forwarded packets
  // at prerouting, locally generated ones at output.
  table.chains = {drop_chain("prerouting"), drop_chain("output")};
  return table;
}

bool is_panic_table(const Table& table) {
  return table.family == kPanicTableFamily && table.name == kPanicTableName;
}

Ruleset with_panic(Ruleset ruleset) {
  if (std::none_of(ruleset.tables.begin(), ruleset.tables.end(), is_panic_table)) {
    ruleset.tables.push_back(panic_table());
  }
  return ruleset;
}

Ruleset without_panic(Ruleset ruleset) {
  std::erase_if(ruleset.tables, is_panic_table);
  return ruleset;
}

}  // namespace fwctl::compiler
