#pragma once
// The compiler: configuration + runtime bindings -> the nft IR of firewalld 1.3.3's table.
//
// Pure and deterministic: no I/O, and the same input gives the same Ruleset. The result is
// what firewalld 1.3.3 leaves in the kernel after a (re)load of the same configuration, rule
// for rule and in the same order, so that `nft list ruleset` reads the same.
//
// Fails with firewalld's code when the configuration refers to something that does not exist
// (INVALID_ZONE, INVALID_SERVICE, INVALID_ICMPTYPE, INVALID_IPSET, INVALID_HELPER) or holds a
// value the kernel cannot take (INVALID_ADDR, INVALID_RULE). The configuration is expected to
// have passed model validation; the compiler does not repeat it.

#include <set>
#include <string>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "compiler/ir.hpp"
#include "model/config.hpp"

namespace fwctl::compiler {

inline constexpr const char* kTableName = "firewalld";
// NftablesFlowtable's flowtable, as firewalld 2.x names and hooks it (NFT_HOOK_OFFSET).
inline constexpr const char* kFlowtableName = "fastpath";
inline constexpr int kFlowtablePriority = 10;

// `duplicated`, when given, receives the names of the chains of table inet firewalld where a
// rule was left out as equal to one already there (TableBuilder::duplicated()).
Result<Ruleset> compile(const model::Config& config, const RuntimeBindings& bindings,
                        std::set<std::string>* duplicated = nullptr);

}  // namespace fwctl::compiler
