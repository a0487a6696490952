#pragma once
// `fwctl --why`: the path one packet takes through a compiled ruleset, and the rule that decides.
//
// A pure function over the IR: it walks the base chains of table inet firewalld that the packet
// meets (prerouting, then input or forward; or output, then postrouting; by priority), follows
// jump/goto/return, and stops at the first accept, drop or reject. It interprets the expressions
// the compiler emits (meta iifname/oifname/nfproto/l4proto/pkttype/mark, ip/ip6 saddr/daddr with
// prefixes, ranges and sets, tcp/udp sport/dport, icmp/icmpv6 type, ct state/status, fib as
// "the reverse path is fine"); a match it cannot decide ends the walk with Outcome::Unknown and
// says which, rather than guessing. The packet is the first of a new connection (ct state new).
// A rate limit is taken as not yet reached (the path says so).

#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"

namespace fwctl::compiler {

enum class Direction { Incoming, Forwarded, Outgoing };

struct Packet {
  std::string family;    // ipv4 or ipv6
  std::string protocol;  // tcp, udp, icmp, icmpv6
  std::string saddr;     // empty: not given (a rule matching on it cannot be decided)
  std::string daddr;
  int sport = -1;  // -1: not given
  int dport = -1;
  std::string icmp_type;  // firewalld's ICMP type name: echo-request, neighbour-solicitation, ...
  int icmp_code = 0;
  std::string iif;  // incoming and forwarded
  std::string oif;  // outgoing and forwarded
  Direction direction = Direction::Incoming;
};

// `PROTO [SRC][:SPORT] -> [DST][:DPORT] [ICMPTYPE] [in IF] [out IF]`; IPv6 addresses with a
// port in brackets ([2001:db8::1]:22). "in" alone is incoming, "out" alone outgoing, both
// forwarded. The family comes from the addresses (icmp/icmpv6 imply it). INVALID_RULE otherwise.
Result<Packet> parse_packet(const std::string& text);
std::string to_text(const Packet& packet);

enum class Outcome { Accept, Drop, Reject, Unknown };

// One matched rule on the way (a jump, goto, log, nat or verdict), or a chain left by falling off
// its end (rule == nullptr).
struct WhyStep {
  std::string chain;
  const Rule* rule = nullptr;
  std::string note;  // what happened, e.g. "no rule matches: back to filter_IN_public"
};

struct WhyResult {
  Outcome outcome = Outcome::Unknown;
  std::vector<WhyStep> path;
  std::string zone;         // the zone the packet is dispatched to ("" when none)
  std::string zone_reason;  // "interface eth0", "source 10.0.0.0/8", "the default zone"
  std::string deciding_chain;
  const Rule* deciding = nullptr;  // nullptr: a chain policy, or Unknown
  std::string reason;              // in firewalld's words: "zone public, service ssh: accept"
};

// The ruleset must outlive the result (it points at its rules).
WhyResult why(const Ruleset& ruleset, const Packet& packet);

// The report fwctl --why prints.
std::string to_text(const WhyResult& result);

}  // namespace fwctl::compiler
