#pragma once
// A rich rule (firewalld.richlanguage(5)) as a value, with its parser and canonical printer.
//
// parse_rich_rule() accepts what firewalld 1.3.3 accepts and fails with firewalld's code
// (INVALID_RULE, INVALID_ADDR, INVALID_LOG_LEVEL, …). to_string() prints the canonical form that
// firewalld prints (--list-rich-rules), so parse(to_string(r)) == r and printing a parsed
// canonical string gives the same string back.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "common/result.hpp"

namespace fwctl::model {

// `limit value="3/m" [burst=10]`: the value as firewalld stores it (long units shortened:
// "3/minute" → "3/m"); burst (firewalld 2.2) empty when absent, else the packets as written, or
// as Python's int() reads them when it can ("010" → "10").
struct RichLimit {
  RichLimit() = default;
  explicit RichLimit(std::string v, std::string b = {})
      : value(std::move(v)), burst(std::move(b)) {}
  std::string value;
  std::string burst;
  bool operator==(const RichLimit&) const = default;
};

// Exactly one of address, mac, ipset is set.
struct RichSource {
  std::string address;
  std::string mac;
  std::string ipset;
  bool invert = false;
  bool operator==(const RichSource&) const = default;
};

// Exactly one of address, ipset is set.
struct RichDestination {
  std::string address;
  std::string ipset;
  bool invert = false;
  bool operator==(const RichDestination&) const = default;
};

struct RichService {
  std::string name;
  bool operator==(const RichService&) const = default;
};
struct RichPort {
  std::string port, protocol;
  bool operator==(const RichPort&) const = default;
};
struct RichSourcePort {
  std::string port, protocol;
  bool operator==(const RichSourcePort&) const = default;
};
struct RichProtocol {
  std::string value;
  bool operator==(const RichProtocol&) const = default;
};
struct RichMasquerade {
  bool operator==(const RichMasquerade&) const = default;
};
struct RichIcmpBlock {
  std::string name;
  bool operator==(const RichIcmpBlock&) const = default;
};
struct RichIcmpType {
  std::string name;
  bool operator==(const RichIcmpType&) const = default;
};
// value is "pmtu", "None", a number ≥ 536, or empty when absent (printed as a bare
// `tcp-mss-clamp`; firewalld's XML reader stores "pmtu" for a missing value instead).
struct RichTcpMssClamp {
  std::string value;
  bool operator==(const RichTcpMssClamp&) const = default;
};
struct RichForwardPort {
  std::string port, protocol, to_port, to_addr;  // to_port/to_addr empty when absent
  bool operator==(const RichForwardPort&) const = default;
};

using RichElement = std::variant<RichService, RichPort, RichProtocol, RichMasquerade, RichIcmpBlock,
                                 RichIcmpType, RichForwardPort, RichSourcePort, RichTcpMssClamp>;

// `log [prefix=…] [level=…] [limit …]`; level empty when absent.
struct RichLog {
  std::string prefix;
  std::string level;
  std::optional<RichLimit> limit;
  bool operator==(const RichLog&) const = default;
};

// `nflog [group=…] [prefix=…] [queue-size=…] [limit …]`; fields empty when absent.
struct RichNflog {
  std::string group;
  std::string prefix;
  std::string queue_size;
  std::optional<RichLimit> limit;
  bool operator==(const RichNflog&) const = default;
};

struct RichAudit {
  std::optional<RichLimit> limit;
  bool operator==(const RichAudit&) const = default;
};

enum class RichActionType { Accept, Reject, Drop, Mark };

struct RichAction {
  RichActionType type = RichActionType::Accept;
  std::string reject_type;  // `reject type=…`, empty when absent
  std::string mark_set;     // `mark set=MARK[/MASK]`, empty when absent (INVALID_MARK)
  std::optional<RichLimit> limit;
  bool operator==(const RichAction&) const = default;
};

struct RichRule {
  std::string family;  // "", "ipv4" or "ipv6"
  int priority = 0;    // -32768 … 32767
  std::optional<RichSource> source;
  std::optional<RichDestination> destination;
  std::optional<RichElement> element;
  std::optional<std::variant<RichLog, RichNflog>> log;
  std::optional<RichAudit> audit;
  std::optional<RichAction> action;

  bool operator==(const RichRule&) const = default;
};

// Parses and validates one rule string. Fails with firewalld's code and detail. The result is
// normalized as by normalize_rich_rule(). Texts on which firewalld fails with a Python
// exception rather than a firewalld error (unbalanced quotes, a missing port attribute, …) fail
// with UNKNOWN_ERROR and the exception's message, which is what firewalld's D-Bus callers see.
Result<RichRule> parse_rich_rule(std::string_view text);

// Validates a rule built another way (e.g. read from XML) with the same checks as the parser.
// It does not normalize: call normalize_rich_rule() first, as firewalld's objects do on
// construction. Whether a named service, ipset or ICMP type exists is not checked here.
Status check_rich_rule(const RichRule& rule);

// A limit as firewalld stores it: "3/minute" → "3/m" (second, minute, hour, day); anything else
// is kept as given, to be judged by the check.
RichLimit make_rich_limit(std::string_view value, std::string_view burst = {});

// The rule with firewalld's constructor normalizations applied: source MAC in upper case, every
// limit through make_rich_limit().
RichRule normalize_rich_rule(RichRule rule);

// The canonical string, e.g. `rule family="ipv4" source address="10.0.0.1" drop`.
std::string to_string(const RichRule& rule);

}  // namespace fwctl::model
