#pragma once
// Packets and bytes per zone or policy element, from the kernel's rule counters (issue 15,
// `fwctl --list-all --counters`). The compiler put a counter on every rule when NftablesCounters
// is on (compiler.cpp, add_counters) and an origin on every rule ("zone public, service ssh,
// port 22/tcp", compiler/ir.hpp); KernelRuleset knows each rule's kernel handle. One rule dump
// (nft::Netlink::rule_counters) joined on (chain, handle) gives each rule's count, summed per
// origin.
//
//   core::Counters counters(fw);
//   counters.of_zone("public");   // [{"service ssh, port 22/tcp", 12, 720}, ...]
//   counters.zero();              // from now on counted from 0
//
// Counters are not added on demand: with NftablesCounters=no (the default, as in firewalld)
// the rules have none, and reading is NOT_ENABLED. Zeroing keeps the values read as a baseline
// (the kernel of Debian 12 cannot reset rule counters); a table created anew since (reload,
// restore) makes the baseline void, as its counters started over.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "core/firewall.hpp"

namespace fwctl::core {

struct ElementCount {
  std::string element;  // the origin after "zone NAME, " or "policy NAME, "
  uint64_t packets = 0;
  uint64_t bytes = 0;
  bool operator==(const ElementCount&) const = default;
};

// Every rule fwctl put in table inet firewalld with its kernel handle, its origin and its nft
// text, for `fwctl --trace`, which sees kernel handles only (getRuleOrigins on D-Bus).
struct RuleOrigin {
  std::string chain;
  uint64_t handle = 0;
  std::string origin;
  std::string text;
};
std::vector<RuleOrigin> rule_origins(const KernelRuleset& kernel);

class Counters {
 public:
  explicit Counters(Firewall& firewall) : fw_(firewall) {}

  // The elements of `zone` ("" = the default zone) or of `policy`, in rule order, each
  // summed over its rules. INVALID_ZONE / INVALID_POLICY, NOT_ENABLED when NftablesCounters
  // is off, COMMAND_FAILED when the kernel cannot be read.
  Result<std::vector<ElementCount>> of_zone(const std::string& zone);
  Result<std::vector<ElementCount>> of_policy(const std::string& policy);
  // Counts from 0 from now on, every rule of the table. NOT_ENABLED as above.
  Status zero();

 private:
  using Key = std::pair<std::string, uint64_t>;  // chain, handle
  using Count = std::pair<uint64_t, uint64_t>;   // packets, bytes
  Result<std::map<Key, Count>> read();
  Result<std::vector<ElementCount>> of(const std::string& owner);

  Firewall& fw_;
  std::map<Key, Count> baseline_;
  uint64_t baseline_replacements_ = 0;
};

}  // namespace fwctl::core
