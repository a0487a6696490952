#pragma once
// The matches of `fwctl --why` (why.hpp): one Match of the IR against one packet (internal).

#include <string>

#include "compiler/ir.hpp"
#include "compiler/why.hpp"

namespace fwctl::compiler {

enum class Tri { No, Yes, Unknown };

// What the packet is where it is being looked at.
struct WhyContext {
  Packet packet;  // as rewritten by NAT on the way
  const Table& table;
  std::string hook;   // prerouting, input, forward, output, postrouting
  bool dnat = false;  // a dnat/redirect rule of nat_PREROUTING matched (ct status dnat)
  bool forward_after_dnat = false;  // an incoming packet sent to another address: forwarded
  std::string mark = "0x00000000";
};

// Yes, No, or Unknown with `why` saying what could not be decided.
Tri eval_match(const Match& match, const WhyContext& ctx, std::string& why);

// Whether `address` (canonical v4 or v6) lies in `spec`: an address, a prefix or a range a-b.
// Unknown when either does not parse.
Tri address_in(const std::string& address, const std::string& spec);

}  // namespace fwctl::compiler
