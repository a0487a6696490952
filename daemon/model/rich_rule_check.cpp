#include "model/rich_rule_check.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <variant>

#include "common/lists.hpp"
#include "model/python_int.hpp"
#include "model/rich_rule_printer.hpp"
#include "model/validate.hpp"

namespace fwctl::model {
namespace {

constexpr int kPriorityMin = -32768;
constexpr int kPriorityMax = 32767;
constexpr std::size_t kMaxPrefixLength = 127;  // characters, as nftables' log prefix allows
constexpr std::size_t kMaxIpsetNameLength = 32;

// clang-format off
constexpr std::array<std::string_view, 8> kLogLevels = {
    "emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"};
constexpr std::array<std::string_view, 4> kPortProtocols = {"tcp", "udp", "sctp", "dccp"};
// The reject types firewalld accepts for each family, in its order (its error message lists them).
constexpr std::array<std::string_view, 16> kIpv4RejectTypes = {
    "icmp-host-prohibited", "host-prohib", "icmp-net-unreachable", "net-unreach",
    "icmp-host-unreachable", "host-unreach", "icmp-port-unreachable", "port-unreach",
    "icmp-proto-unreachable", "proto-unreach", "icmp-net-prohibited", "net-prohib",
    "tcp-reset", "tcp-rst", "icmp-admin-prohibited", "admin-prohib"};
constexpr std::array<std::string_view, 9> kIpv6RejectTypes = {
    "icmp6-adm-prohibited", "adm-prohibited", "icmp6-no-route", "no-route",
    "icmp6-addr-unreachable", "addr-unreach", "icmp6-port-unreachable", "port-unreach",
    "tcp-reset"};
// clang-format on

// The detail firewalld gives for a missing port: the message of its AttributeError.
constexpr std::string_view kMissingPortCrash = "'NoneType' object has no attribute 'isdigit'";

template <std::size_t N>
std::string join(const std::array<std::string_view, N>& list) {
  std::string out;
  for (auto item : list) out += (out.empty() ? "" : ", ") + std::string(item);
  return out;
}

// firewalld measures lengths in characters (Python str), not bytes.
std::size_t utf8_length(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xc0) != 0x80; });
}

bool in_range(std::string_view text, PythonIntBase base, long double lo, long double hi) {
  auto value = parse_python_int(text, base);
  return value && *value >= lo && *value <= hi;
}

bool is_uint16(std::string_view text) { return in_range(text, PythonIntBase::Literal, 0, 65535); }
bool is_uint32(std::string_view text) {
  return in_range(text, PythonIntBase::Literal, 0, 4294967295.0L);
}

bool address_matches(std::string_view family, std::string_view address) {
  if (family == "ipv4") return is_ipv4_network(address);
  if (family == "ipv6") return is_ipv6_network(address);
  return false;
}

bool single_address_matches(std::string_view family, std::string_view address) {
  if (family == "ipv4") return is_ipv4_address(address);
  if (family == "ipv6") return is_ipv6_address(address);
  return false;
}

bool element_is(const RichRule& rule, auto... tags) {
  return rule.element && (std::holds_alternative<decltype(tags)>(*rule.element) || ...);
}

// A rule must do something: match an element, or (with a source, destination or priority) an
// action, or log at a non-zero priority; an element other than the four below needs an action
// or a log.
Status check_completeness(const RichRule& rule) {
  if (!rule.element && (!rule.log || rule.priority == 0)) {
    if (!rule.action) return fail(Code::INVALID_RULE, "no element, no action");
    if (!rule.source && !rule.destination && rule.priority == 0) {
      return fail(Code::INVALID_RULE, "no element, no source, no destination");
    }
  }
  bool acts_alone =
      element_is(rule, RichIcmpBlock{}, RichForwardPort{}, RichMasquerade{}, RichTcpMssClamp{});
  if (!acts_alone && !rule.log && !rule.audit && !rule.action) {
    return fail(Code::INVALID_RULE, "no action, no log, no audit");
  }
  return ok();
}

Status check_rule_attributes(const RichRule& rule) {
  if (!rule.family.empty() && rule.family != "ipv4" && rule.family != "ipv6") {
    return fail(Code::INVALID_FAMILY, rule.family);
  }
  if (rule.family.empty()) {
    // Even a destination ipset needs a family: firewalld's check does not look inside.
    if ((rule.source && !rule.source->address.empty()) || rule.destination ||
        element_is(rule, RichForwardPort{})) {
      return fail(Code::MISSING_FAMILY);
    }
  }
  if (rule.priority < kPriorityMin || rule.priority > kPriorityMax) {
    return fail(Code::INVALID_PRIORITY, "'priority' attribute must be between " +
                                            std::to_string(kPriorityMin) + " and " +
                                            std::to_string(kPriorityMax) + ".");
  }
  return check_completeness(rule);
}

Status check_source(const RichSource& source, std::string_view family) {
  if (!source.address.empty()) {
    if (family.empty()) return fail(Code::INVALID_FAMILY);
    if (!source.mac.empty()) return fail(Code::INVALID_RULE, "address and mac");
    if (!source.ipset.empty()) return fail(Code::INVALID_RULE, "address and ipset");
    if (!address_matches(family, source.address)) return fail(Code::INVALID_ADDR, source.address);
  } else if (!source.mac.empty()) {
    if (!source.ipset.empty()) return fail(Code::INVALID_RULE, "mac and ipset");
    if (!check_mac(source.mac)) return fail(Code::INVALID_MAC, source.mac);
  } else if (!source.ipset.empty()) {
    if (utf8_length(source.ipset) > kMaxIpsetNameLength) {
      return fail(Code::INVALID_IPSET, source.ipset);
    }
  } else {
    return fail(Code::INVALID_RULE, "no address, mac and ipset");
  }
  return ok();
}

Status check_destination(const RichDestination& destination, std::string_view family) {
  if (!destination.address.empty()) {
    if (family.empty()) return fail(Code::INVALID_FAMILY);
    if (!destination.ipset.empty()) return fail(Code::INVALID_DESTINATION, "address and ipset");
    if (!address_matches(family, destination.address)) {
      return fail(Code::INVALID_ADDR, destination.address);
    }
  } else if (!destination.ipset.empty()) {
    if (utf8_length(destination.ipset) > kMaxIpsetNameLength) {
      return fail(Code::INVALID_IPSET, destination.ipset);
    }
  } else {
    return fail(Code::INVALID_RULE, "no address and ipset");
  }
  return ok();
}

// The port/protocol pair shared by port, source-port and forward-port.
Status check_port_and_protocol(const std::string& port, const std::string& protocol,
                               RichRuleOrigin origin) {
  if (port.empty() && origin == RichRuleOrigin::Parsed) {
    return fail(Code::UNKNOWN_ERROR, std::string(kMissingPortCrash));
  }
  if (!check_port(port)) return fail(Code::INVALID_PORT, port);
  if (!contains(kPortProtocols, protocol)) return fail(Code::INVALID_PROTOCOL, protocol);
  return ok();
}

Status check_forward_port(const RichForwardPort& fwd, const RichRule& rule, RichRuleOrigin origin) {
  if (auto s = check_port_and_protocol(fwd.port, fwd.protocol, origin); !s) return s;
  if (fwd.to_port.empty() && fwd.to_addr.empty()) return fail(Code::INVALID_PORT);
  if (!fwd.to_port.empty() && !check_port(fwd.to_port)) {
    return fail(Code::INVALID_PORT, fwd.to_port);
  }
  if (!fwd.to_addr.empty() && !single_address_matches(rule.family, fwd.to_addr)) {
    return fail(Code::INVALID_ADDR, fwd.to_addr);
  }
  if (rule.family.empty()) return fail(Code::INVALID_FAMILY);
  if (rule.action) return fail(Code::INVALID_RULE, "forward-port and action");
  return ok();
}

// firewalld's checkTcpMssClamp: "pmtu", "None", or a decimal number of at least 536.
bool is_tcp_mss_clamp(std::string_view value) {
  if (value == "pmtu" || value == "None") return true;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (value.empty() || !std::all_of(value.begin(), value.end(), is_digit)) return false;
  value.remove_prefix(std::min(value.find_first_not_of('0'), value.size()));
  return value.size() > 3 || (value.size() == 3 && value >= "536");
}

Status check_tcp_mss_clamp(const RichTcpMssClamp& clamp, const RichRule& rule) {
  if (rule.action) {
    return fail(Code::INVALID_RULE,
                "tcp-mss-clamp and " + to_string(*rule.action) + " are mutually exclusive");
  }
  if (!clamp.value.empty() && !is_tcp_mss_clamp(clamp.value)) {
    return fail(Code::INVALID_RULE, clamp.value);
  }
  return ok();
}

// What an element's check may look at besides the element.
struct Context {
  const RichRule& rule;
  RichRuleOrigin origin;
};

// Service and ICMP type names are only checked for presence: whether they exist is up to the
// caller, who knows the configuration.
Status check_match(const RichService& e, const Context&) {
  return e.name.empty() ? fail(Code::INVALID_SERVICE) : ok();
}

Status check_match(const RichPort& e, const Context& c) {
  return check_port_and_protocol(e.port, e.protocol, c.origin);
}

Status check_match(const RichSourcePort& e, const Context& c) {
  return check_port_and_protocol(e.port, e.protocol, c.origin);
}

Status check_match(const RichProtocol& e, const Context&) {
  return check_protocol(e.value) ? ok() : fail(Code::INVALID_PROTOCOL, e.value);
}

Status check_match(const RichMasquerade&, const Context& c) {
  if (c.rule.action) return fail(Code::INVALID_RULE, "masquerade and action");
  if (c.rule.source && !c.rule.source->mac.empty()) {
    return fail(Code::INVALID_RULE, "masquerade and mac source");
  }
  return ok();
}

Status check_match(const RichIcmpBlock& e, const Context& c) {
  if (e.name.empty()) return fail(Code::INVALID_ICMPTYPE);
  if (c.rule.action) return fail(Code::INVALID_RULE, "icmp-block and action");
  return ok();
}

Status check_match(const RichIcmpType& e, const Context&) {
  return e.name.empty() ? fail(Code::INVALID_ICMPTYPE) : ok();
}

Status check_match(const RichForwardPort& e, const Context& c) {
  return check_forward_port(e, c.rule, c.origin);
}

Status check_match(const RichTcpMssClamp& e, const Context& c) {
  return check_tcp_mss_clamp(e, c.rule);
}

Status check_prefix(const std::string& prefix) {
  if (utf8_length(prefix) > kMaxPrefixLength) {
    return fail(Code::INVALID_LOG_PREFIX, "maximum accepted length of 'prefix' is 127.");
  }
  return ok();
}

Status check_optional_limit(const std::optional<RichLimit>& limit) {
  return limit ? check_rich_limit(*limit) : ok();
}

Status check_log(const RichLog& log) {
  if (auto s = check_prefix(log.prefix); !s) return s;
  if (!log.level.empty() && !contains(kLogLevels, log.level)) {
    return fail(Code::INVALID_LOG_LEVEL, log.level);
  }
  return check_optional_limit(log.limit);
}

Status check_log(const RichNflog& nflog) {
  if (!nflog.group.empty() && !is_uint16(nflog.group)) {
    return fail(Code::INVALID_NFLOG_GROUP, "nflog 'group' must be an integer between 0 and 65535.");
  }
  if (auto s = check_prefix(nflog.prefix); !s) return s;
  if (!nflog.queue_size.empty() && !is_uint16(nflog.queue_size)) {
    return fail(Code::INVALID_NFLOG_QUEUE,
                "nflog 'queue-size' must be an integer between 0 and 65535.");
  }
  return check_optional_limit(nflog.limit);
}

// Audit records carry the verdict, so there must be one; firewalld names the Python class it
// found instead.
Status check_audit(const RichAudit& audit, const std::optional<RichAction>& action) {
  if (!action) return fail(Code::INVALID_AUDIT_TYPE, "<class 'NoneType'>");
  if (action->type == RichActionType::Mark) {
    return fail(Code::INVALID_AUDIT_TYPE, "<class 'firewall.core.rich.Rich_Mark'>");
  }
  return check_optional_limit(audit.limit);
}

Status check_reject_type(const std::string& type, std::string_view family) {
  if (type.empty()) return ok();
  if (family.empty()) {
    return fail(Code::INVALID_RULE, "When using reject type you must specify also rule family.");
  }
  bool v4 = family == "ipv4";
  if (v4 ? contains(kIpv4RejectTypes, type) : contains(kIpv6RejectTypes, type)) return ok();
  return fail(Code::INVALID_RULE, "Wrong reject type " + type + ".\nUse one of: " +
                                      (v4 ? join(kIpv4RejectTypes) : join(kIpv6RejectTypes)) + ".");
}

// MARK or MARK/MASK, each a 32-bit number in any Python literal base ("0xff").
Status check_mark(const std::string& mark) {
  if (mark.empty()) return fail(Code::INVALID_MARK, "no value set");
  auto slash = mark.find('/');
  bool valid = slash == std::string::npos
                   ? is_uint32(mark)
                   : mark.find('/', slash + 1) == std::string::npos &&
                         is_uint32(std::string_view(mark).substr(0, slash)) &&
                         is_uint32(std::string_view(mark).substr(slash + 1));
  return valid ? ok() : fail(Code::INVALID_MARK, mark);
}

Status check_action(const RichAction& action, std::string_view family) {
  if (action.type == RichActionType::Reject) {
    if (auto s = check_reject_type(action.reject_type, family); !s) return s;
  } else if (action.type == RichActionType::Mark) {
    if (auto s = check_mark(action.mark_set); !s) return s;
  }
  return check_optional_limit(action.limit);
}

Status check_logging(const RichRule& rule) {
  if (rule.log) {
    auto s = std::visit([](const auto& log) { return check_log(log); }, *rule.log);
    if (!s) return s;
  }
  if (rule.audit) return check_audit(*rule.audit, rule.action);
  return ok();
}

}  // namespace

Status check_rich_limit(const RichLimit& limit) {
  std::string_view value = limit.value;
  auto slash = value.find('/');
  if (slash == std::string_view::npos || value.find('/', slash + 1) != std::string_view::npos) {
    return fail(Code::INVALID_LIMIT, limit.value);
  }
  auto rate = parse_python_int(value.substr(0, slash), PythonIntBase::Decimal);
  std::string_view unit = value.substr(slash + 1);
  long double seconds = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 86400;
  if (!rate || *rate < 1 || (unit != "s" && unit != "m" && unit != "h" && unit != "d")) {
    return fail(Code::INVALID_LIMIT, limit.value);
  }
  // firewalld rejects a rate whose period, as a Python float, underflows to zero.
  if (static_cast<double>(10000 * seconds / *rate) == 0) {
    return fail(Code::INVALID_LIMIT, limit.value + " too fast");
  }
  // iptables cannot express 1/d, and firewalld keeps refusing it.
  if (*rate == 1 && unit == "d") return fail(Code::INVALID_LIMIT, limit.value + " too slow");
  // burst (firewalld 2.2): 1 to 10,000,000 packets.
  if (!limit.burst.empty()) {
    auto burst = parse_python_int(limit.burst, PythonIntBase::Decimal);
    if (!burst || *burst < 1 || *burst > 10'000'000) return fail(Code::INVALID_LIMIT, limit.burst);
  }
  return ok();
}

Status check_rich_rule(const RichRule& rule, RichRuleOrigin origin) {
  if (auto s = check_rule_attributes(rule); !s) return s;
  if (rule.source) {
    if (auto s = check_source(*rule.source, rule.family); !s) return s;
  }
  if (rule.destination) {
    if (auto s = check_destination(*rule.destination, rule.family); !s) return s;
  }
  if (rule.element) {
    Context context{rule, origin};
    auto s = std::visit([&](const auto& e) { return check_match(e, context); }, *rule.element);
    if (!s) return s;
  }
  if (auto s = check_logging(rule); !s) return s;
  return rule.action ? check_action(*rule.action, rule.family) : ok();
}

Status check_rich_rule(const RichRule& rule) {
  return check_rich_rule(rule, RichRuleOrigin::Built);
}

}  // namespace fwctl::model
