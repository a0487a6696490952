#pragma once
// One IR rule -> one nftnl_rule, expression by expression as nft 1.0.6 linearizes it, plus
// the anonymous sets its `{ ... }` matches need (added to the batch before the rule).
//
// The IR holds what nft prints; the encoder adds what nft's evaluator adds and its printer
// hides again: the protocol dependencies of selectors.hpp (once per rule, skipped when an
// earlier match of the rule already established the protocol), the flag test of a bare
// bitmask value (`ct state invalid`: bitwise and != 0), byte-aligned prefixes as shorter
// loads, and host-to-network conversions for interval lookups.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "nft/nl_objects.hpp"
#include "nft/set_encoder.hpp"
#include "nft/table_id.hpp"

namespace fwctl::nft {

struct AnonymousSet {
  SetSpec spec;
  std::vector<Element> elements;
};

struct EncodedRule {
  RulePtr rule;
  std::vector<AnonymousSet> sets;  // to add (with their elements) before the rule
};

struct RuleEnv {
  uint32_t* next_set_id = nullptr;  // ids for anonymous sets, unique within the batch
  // Whether the named set NAME has flags interval; lookups into one convert host-order data.
  std::function<bool(const std::string&)> interval_set;
};

Result<EncodedRule> encode_rule(uint16_t family, const std::string& table, const std::string& chain,
                                const compiler::Rule& rule, const RuleEnv& env);

}  // namespace fwctl::nft
