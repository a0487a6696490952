#pragma once
// The nft IR: what the compiler produces and the netlink backend consumes.
//
// Plain values with operator==. Expressions stay structured (a selector, an operator, a value)
// so the backend can turn each one into nftnl expressions; to_text() renders them exactly as
// `nft list ruleset` (nftables 1.0.6) prints them, which is what the golden tests compare.
//
// Values are kept in their canonical printed form (addresses normalised, marks as 0x%08x):
// the compiler canonicalises, the printer never rewrites. Anonymous set elements are stored in
// the order nft prints them (ascending by value), because nft sorts on output.
//
// Rules hold what nft *shows*: implicit protocol dependencies are not in the IR (no
// `meta l4proto tcp` before `tcp dport 22`, no `meta nfproto ipv4` before `ip saddr ...`), so
// the netlink backend must add them exactly as nft's evaluator does.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace fwctl::compiler {

// How a literal is printed and how the backend must encode it.
enum class ValueKind {
  Integer,  // 22, 546: a number in the selector's byte order
  Range,    // 8080-8090
  String,   // "lo": printed quoted (interface names, helper names)
  Symbol,   // established, echo-request, tcp: a name of the selector's datatype
  Address,  // 10.0.0.1, fe80::1, 00:11:22:33:44:55
  Prefix,   // 10.0.0.0/8
  Hex,      // 0x00000002 (marks)
  Bool,     // fib ... missing / exists
};

struct Value {
  ValueKind kind = ValueKind::Integer;
  std::string text;  // printed form; for Bool "missing" or "exists"
  bool operator==(const Value&) const = default;
};

// Left-hand sides. A match with several selectors is a concatenation (`a . b . c`).
struct Meta {
  std::string key;  // iifname, oifname, l4proto, nfproto, mark, pkttype
  bool operator==(const Meta&) const = default;
};
struct Payload {
  std::string protocol;  // ip, ip6, ether, tcp, udp, sctp, dccp, icmp, icmpv6, th
  std::string field;     // saddr, daddr, sport, dport, type, code, flags
  bool operator==(const Payload&) const = default;
};
struct Ct {
  Ct() = default;
  explicit Ct(std::string k, std::string d = {}) : key(std::move(k)), dir(std::move(d)) {}
  std::string key;  // state, status, proto-dst
  std::string dir;  // empty, or "original" / "reply" (proto-dst needs one)
  bool operator==(const Ct&) const = default;
};
struct Fib {
  std::vector<std::string> flags;  // in nft's print order: saddr|daddr, mark, iif|oif
  std::string result;              // oif, oifname, type
  bool operator==(const Fib&) const = default;
};
using Selector = std::variant<Meta, Payload, Ct, Fib>;

struct SetRef {
  std::string name;  // a named set of the table: @name
  bool operator==(const SetRef&) const = default;
};
struct AnonSet {
  std::vector<Value> elements;
  bool operator==(const AnonSet&) const = default;
};
using Rhs = std::variant<Value, AnonSet, SetRef>;

enum class Op {
  Eq,   // printed implicitly
  Neq,  // !=
  Has,  // flag test (ct status dnat, tcp flags syn): printed implicitly
};

struct Match {
  std::vector<Selector> left;
  Op op = Op::Eq;
  Rhs right;
  bool operator==(const Match&) const = default;
};

// Statements.
enum class VerdictKind { Accept, Drop, Return, Jump, Goto };
struct Verdict {
  VerdictKind kind = VerdictKind::Accept;
  std::string target;  // chain for Jump/Goto
  bool operator==(const Verdict&) const = default;
};
struct Reject {
  std::string type;  // "" (plain reject), icmpx, icmp, icmpv6, "tcp reset"
  std::string code;  // admin-prohibited, ...; empty for "" and "tcp reset"
  bool operator==(const Reject&) const = default;
};
struct Limit {
  Limit() = default;
  Limit(unsigned r, std::string u, unsigned b = kDefaultBurst)
      : rate(r), unit(std::move(u)), burst(b) {}
  // nft's burst when none is given, which `nft list` does not print.
  static constexpr unsigned kDefaultBurst = 5;
  unsigned rate = 0;
  std::string unit;                // second, minute, hour, day
  unsigned burst = kDefaultBurst;  // packets (a rich rule's burst, firewalld 2.2)
  bool operator==(const Limit&) const = default;
};
struct Log {
  std::string prefix;             // empty: none
  std::string level;              // empty: none; "audit" for audit
  std::optional<unsigned> group;  // nflog
  std::optional<unsigned> queue_threshold;
  bool operator==(const Log&) const = default;
};
struct Masquerade {
  bool operator==(const Masquerade&) const = default;
};
struct Dnat {
  std::string family;  // ip or ip6
  std::string addr;    // canonical address
  std::string port;    // empty, "8443" or "8000-8010"
  bool operator==(const Dnat&) const = default;
};
struct Redirect {
  std::string port;
  bool operator==(const Redirect&) const = default;
};
struct CtHelperSet {
  std::string name;  // a ct helper object of the table
  bool operator==(const CtHelperSet&) const = default;
};
struct MarkSet {
  std::string value;  // 0x%08x
  std::string mask;   // empty, or 0x%08x: mark = (mark & mask) ^ value
  bool operator==(const MarkSet&) const = default;
};
struct TcpMssSet {
  std::string value;  // empty: clamp to the route MTU (rt mtu)
  bool operator==(const TcpMssSet&) const = default;
};
struct Counter {
  bool operator==(const Counter&) const = default;
};
// flow add @NAME: the connection goes into a flowtable of the table (NftablesFlowtable).
struct FlowAdd {
  std::string flowtable;
  bool operator==(const FlowAdd&) const = default;
};
// meta nftrace set 1: only in fwctl --trace's own chains, never in a compiled ruleset.
struct NftraceSet {
  bool operator==(const NftraceSet&) const = default;
};
using Statement = std::variant<Match, Verdict, Reject, Limit, Log, Masquerade, Dnat, Redirect,
                               CtHelperSet, MarkSet, TcpMssSet, Counter, FlowAdd, NftraceSet>;

// Where a rule comes from in firewalld's words ("zone public, service ssh, port 22/tcp"), for
// `fwctl --why`. Not part of a rule's identity: it never takes part in equality (the kernel diff
// and the goldens see the same rules as before) and to_text() does not print it.
struct Origin {
  std::string text;
  bool operator==(const Origin&) const { return true; }
};

struct Rule {
  std::vector<Statement> stmts;
  Origin origin = {};
  bool operator==(const Rule&) const = default;
};

struct BaseHook {
  std::string type;  // filter, nat
  std::string hook;  // prerouting, input, forward, output, postrouting
  int priority = 0;
  std::string policy = "accept";
  bool operator==(const BaseHook&) const = default;
};

struct Chain {
  std::string name;
  std::optional<BaseHook> base;
  std::vector<Rule> rules;
  bool operator==(const Chain&) const = default;
};

// A named set. Each element is one value or a concatenation of values.
struct Set {
  std::string name;
  std::vector<std::string> type;  // ipv4_addr; or ipv4_addr, inet_proto, inet_service
  std::vector<std::string> flags;
  std::vector<std::vector<Value>> elements;  // in nft's print order
  bool operator==(const Set&) const = default;
};

// `ct helper NAME { type "ftp" protocol tcp; l3proto inet; }`
struct CtHelper {
  std::string name;
  std::string type;
  std::string protocol;
  std::string l3proto = "inet";
  bool operator==(const CtHelper&) const = default;
};

// `flowtable NAME { hook ingress priority filter + 10; devices = { eth0, eth1 }; }`
struct Flowtable {
  std::string name;
  std::string hook = "ingress";
  int priority = 0;
  std::vector<std::string> devices;
  bool operator==(const Flowtable&) const = default;
};

struct Table {
  std::string family = "inet";
  std::string name;
  std::vector<CtHelper> ct_helpers;
  std::vector<Set> sets;
  std::vector<Chain> chains;
  // "owner", "persist" (NftablesTableOwner): sent with the message that creates the table.
  std::vector<std::string> flags;
  std::vector<Flowtable> flowtables;
  bool operator==(const Table&) const = default;

  const Chain* find_chain(const std::string& chain_name) const;
};

struct Ruleset {
  std::vector<Table> tables;
  bool operator==(const Ruleset&) const = default;
};

// Printing, exactly as `nft list ruleset` does.
std::string to_text(const Value& value);
std::string to_text(const Selector& selector);
std::string to_text(const Statement& stmt);
std::string to_text(const Rule& rule);
std::string to_text(const BaseHook& hook);
std::string to_text(const Chain& chain);  // the "\tchain NAME {...}\n" block
std::string to_text(const Set& set);
std::string to_text(const CtHelper& helper);
std::string to_text(const Flowtable& flowtable);
std::string to_text(const Table& table);
std::string to_text(const Ruleset& ruleset);

}  // namespace fwctl::compiler
