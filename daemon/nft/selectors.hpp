#pragma once
// What each IR selector loads into a register, its datatype, and the protocol context nft's
// evaluator makes it depend on in an inet table.
//
//   ip saddr       needs `meta nfproto ipv4`
//   tcp dport      needs `meta l4proto tcp`
//   icmp type      needs `meta nfproto ipv4` and `meta l4proto icmp`
//   ether saddr    needs `meta iiftype ether`
//   th dport, meta and ct keys need nothing.

#include <cstdint>
#include <optional>

#include "common/result.hpp"
#include "compiler/ir.hpp"
#include "nft/nl_objects.hpp"
#include "nft/values.hpp"

namespace fwctl::nft {

struct Dependency {
  std::optional<uint8_t> nfproto;  // NFPROTO_IPV4 / NFPROTO_IPV6
  std::optional<uint8_t> l4proto;  // IPPROTO_*
  bool ether = false;              // meta iiftype ether
};

struct SelectorSpec {
  enum class Kind { Meta, Payload, Ct, Fib } kind = Kind::Meta;
  uint32_t key = 0;                  // meta key, ct key or fib result
  uint32_t base = 0;                 // payload base
  uint32_t offset = 0;               // payload offset in bytes
  uint32_t flags = 0;                // fib flags
  std::optional<uint8_t> ct_dir;     // IP_CT_DIR_ORIGINAL / IP_CT_DIR_REPLY
  uint32_t len = 0;                  // bytes loaded
  Datatype type;                     // what the loaded bytes are
  ByteOrder order = ByteOrder::Big;  // the byte order of the loaded data
  Dependency needs;
};

// `boolean` is the fib form `fib ... oif missing|exists`, which tests presence, not a value.
Result<SelectorSpec> selector_spec(const compiler::Selector& selector, bool boolean = false);

// Appends the expression that loads the selector into 32-bit register slot `reg`, loading
// only `len` bytes when given (a byte-aligned prefix match loads just the prefix).
void load(nftnl_rule* rule, const SelectorSpec& spec, uint32_t reg,
          std::optional<uint32_t> len = std::nullopt);

}  // namespace fwctl::nft
