#include "model/ipset_check.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "common/lists.hpp"
#include "common/text.hpp"
#include "model/address.hpp"
#include "model/port.hpp"
#include "model/protocol.hpp"
#include "model/python_int.hpp"

namespace fwctl::model {
namespace {

constexpr std::string_view kTypes[] = {
    "hash:ip",           "hash:ip,port",   "hash:ip,port,ip", "hash:ip,port,net",
    "hash:ip,mark",      "hash:net",       "hash:net,net",    "hash:net,port",
    "hash:net,port,net", "hash:net,iface", "hash:mac",
};

constexpr std::string_view kSourceTypes[] = {
    "hash:ip",       "hash:ip,port",   "hash:ip,mark", "hash:net",
    "hash:net,port", "hash:net,iface", "hash:mac",
};

// ICMP names usable in a hash:*,port entry ("icmp:echo-request"). firewalld checks the names
// of an icmpv6 entry against this IPv4 list too, so "icmpv6:neighbour-solicitation" is refused
// while "icmpv6:ping" passes; fwctl keeps that.
constexpr std::string_view kIcmpNames[] = {
    "echo-reply",
    "pong",
    "network-unreachable",
    "host-unreachable",
    "protocol-unreachable",
    "port-unreachable",
    "fragmentation-needed",
    "source-route-failed",
    "network-unknown",
    "host-unknown",
    "network-prohibited",
    "host-prohibited",
    "TOS-network-unreachable",
    "TOS-host-unreachable",
    "communication-prohibited",
    "host-precedence-violation",
    "precedence-cutoff",
    "source-quench",
    "network-redirect",
    "host-redirect",
    "TOS-network-redirect",
    "TOS-host-redirect",
    "echo-request",
    "ping",
    "router-advertisement",
    "router-solicitation",
    "ttl-zero-during-transit",
    "ttl-zero-during-reassembly",
    "ip-header-bad",
    "required-option-missing",
    "timestamp-request",
    "timestamp-reply",
    "address-mask-request",
    "address-mask-reply",
};

// "type/code" forms usable instead of a name ("icmp:8/0", "icmpv6:128/0").
constexpr std::string_view kIcmpCodes[] = {
    "0/0",  "3/0",  "3/1",  "3/2",  "3/3",  "3/4",  "3/5",  "3/6",  "3/7",  "3/9",  "3/10",
    "3/11", "3/12", "3/13", "3/14", "3/15", "4/0",  "5/0",  "5/1",  "5/2",  "5/3",  "8/0",
    "9/0",  "10/0", "11/0", "11/1", "12/0", "12/1", "13/0", "14/0", "17/0", "18/0",
};
constexpr std::string_view kIcmpv6Codes[] = {
    "1/0", "1/1",   "1/3",   "1/4",   "2/0",   "3/0",   "3/1",   "4/0",   "4/1",
    "4/2", "128/0", "129/0", "133/0", "134/0", "135/0", "136/0", "137/0",
};

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// What every item check needs to word its error.
struct EntryContext {
  std::string_view type;
  std::string_view entry;
  bool ipv6;
  std::string family() const { return ipv6 ? "ipv6" : "ipv4"; }
  std::string for_type() const { return " for " + std::string(type) + " (" + family() + ")"; }
  bool address(std::string_view s) const { return ipv6 ? is_ipv6_address(s) : is_ipv4_address(s); }
  bool network(std::string_view s) const { return ipv6 ? is_ipv6_network(s) : is_ipv4_network(s); }
};

Unexpected bad_entry(std::string detail) { return fail(Code::INVALID_ENTRY, std::move(detail)); }

Unexpected bad_address(const EntryContext& c, std::string_view address) {
  return bad_entry("invalid address " + quoted(address) + " in " + quoted(c.entry) + c.for_type());
}

// IPv4 "a-b" ranges of plain addresses, allowed in the first two positions only.
Status check_ip_range(const EntryContext& c, std::string_view item, size_t i) {
  if (i > 1) {
    return bad_entry("invalid address " + quoted(item) + " in " + quoted(c.entry) + "[" +
                     std::to_string(i) + "]");
  }
  auto ends = split(item, '-');
  if (ends.size() != 2) {
    return bad_entry("invalid address range " + quoted(item) + " in " + quoted(c.entry) +
                     c.for_type());
  }
  for (std::string_view end : ends) {
    if (!is_ipv4_address(end)) return bad_address(c, end);
  }
  return ok();
}

Status check_ip_item(const EntryContext& c, std::string_view item, size_t i) {
  if (!c.ipv6 && item.find('-') != std::string_view::npos) return check_ip_range(c, item, i);
  // A mask is allowed on the first IPv4 address only; IPv6 "ip" items take none.
  bool valid = c.ipv6
                   ? is_ipv6_address(item)
                   : item != "0.0.0.0" && (i == 0 ? is_ipv4_network(item) : is_ipv4_address(item));
  return valid ? ok() : Status(bad_address(c, item));
}

Status check_net_item(const EntryContext& c, std::string_view item, size_t i) {
  if (item.find('-') != std::string_view::npos) {
    auto ends = split(item, '-');
    if (ends.size() != 2) {
      return bad_entry("invalid address range " + quoted(item) + " in " + quoted(c.entry) +
                       c.for_type());
    }
    if (!c.address(ends[0])) return bad_address(c, ends[0]);
    if (!c.network(ends[1])) return bad_address(c, ends[1]);
    return ok();
  }
  // A /0 network matches everything; firewalld allows it only for an IPv6 hash:net,iface.
  bool zero_allowed = c.ipv6 && i == 0 && c.type == "hash:net,iface";
  if (item.ends_with("/0") && !zero_allowed) return bad_address(c, item);
  return c.network(item) ? ok() : Status(bad_address(c, item));
}

Status check_mac_item(const EntryContext& c, std::string_view item) {
  // The kernel refuses the all-zero MAC.
  if (check_mac(item) && item != "00:00:00:00:00:00") return ok();
  return bad_entry("invalid mac address " + quoted(item) + " in " + quoted(c.entry));
}

Status check_icmp_port(const EntryContext& c, std::string_view protocol, std::string_view type) {
  bool v6 = protocol != "icmp";
  if (v6 != c.ipv6) {
    return bad_entry("invalid protocol for family " + quoted(c.family()) + " in " +
                     quoted(c.entry));
  }
  bool known = contains(kIcmpNames, type) ||
               (v6 ? contains(kIcmpv6Codes, type) : contains(kIcmpCodes, type));
  if (known) return ok();
  return bad_entry(std::string(v6 ? "invalid icmpv6 type " : "invalid icmp type ") + quoted(type) +
                   " in " + quoted(c.entry));
}

// "80", "tcp:80", "udp:1-5", "icmp:ping", "icmpv6:128/0", "gre:0".
Status check_port_item(const EntryContext& c, std::string_view item) {
  if (item.find(':') == std::string_view::npos) {
    if (check_port(item)) return ok();
    return bad_entry("invalid port " + quoted(item) + " in " + quoted(c.entry));
  }
  auto parts = split(item, ':');
  if (parts.size() != 2) return bad_entry("invalid port " + quoted(item));
  std::string_view protocol = parts[0];
  if (protocol == "icmp" || protocol == "icmpv6" || protocol == "ipv6-icmp") {
    return check_icmp_port(c, protocol, parts[1]);
  }
  bool common =
      protocol == "tcp" || protocol == "sctp" || protocol == "udp" || protocol == "udplite";
  if (!common && !check_protocol(protocol)) {
    return bad_entry("invalid protocol " + quoted(protocol) + " in " + quoted(c.entry));
  }
  if (check_port(parts[1])) return ok();
  // firewalld's message lacks the blank before "in"; keep it word for word.
  return bad_entry("invalid port " + quoted(parts[1]) + "in " + quoted(c.entry));
}

Status check_mark_item(const EntryContext& c, std::string_view item) {
  auto base = item.starts_with("0x") ? PythonIntBase::Literal : PythonIntBase::Decimal;
  auto value = parse_python_int(item, base);
  if (value && *value >= 0 && *value <= 4294967295.0L) return ok();
  return bad_entry("invalid mark " + quoted(item) + " in " + quoted(c.entry));
}

Status check_iface_item(const EntryContext& c, std::string_view item) {
  // The kernel's IFNAMSIZ applies here, one character less than checkInterface() allows.
  if (check_interface(item) && count_characters(item) <= 15) return ok();
  return bad_entry("invalid interface " + quoted(item) + " in " + quoted(c.entry));
}

Status check_item(const EntryContext& c, std::string_view flag, std::string_view item, size_t i) {
  if (flag == "ip") return check_ip_item(c, item, i);
  if (flag == "net") return check_net_item(c, item, i);
  if (flag == "mac") return check_mac_item(c, item);
  if (flag == "port") return check_port_item(c, item);
  if (flag == "mark") return check_mark_item(c, item);
  if (flag == "iface") return check_iface_item(c, item);
  return fail(Code::INVALID_IPSET, "ipset type " + quoted(c.type) + " not usable");
}

Status check_option(const IpSet& ipset, const std::string& name, const std::string& value) {
  bool numeric = name == "timeout" || name == "hashsize" || name == "maxelem";
  if (!numeric && name != "family")
    return fail(Code::INVALID_OPTION, "Unknown option " + quoted(name));
  if (ipset.type == "hash:mac" && name == "family") {
    return fail(Code::INVALID_OPTION, "Unsupported option 'family' for type 'hash:mac'");
  }
  if (value.empty())
    return fail(Code::INVALID_OPTION, "Missing mandatory value of option " + quoted(name));
  if (numeric) {
    auto number = parse_python_int(value, PythonIntBase::Decimal);
    std::string prefix = "Option " + quoted(name) + ": Value " + quoted(value);
    if (!number) return fail(Code::INVALID_VALUE, prefix + " is not an integer");
    if (*number < 0) return fail(Code::INVALID_VALUE, prefix + " is negative");
    return ok();
  }
  if (value != "inet" && value != "inet6") return fail(Code::INVALID_FAMILY, value);
  return ok();
}

}  // namespace

std::span<const std::string_view> ipset_types() { return kTypes; }

bool is_source_ipset_type(std::string_view type) { return contains(kSourceTypes, type); }

Status check_ipset_type(std::string_view type) {
  if (contains(kTypes, type)) return ok();
  return fail(Code::INVALID_TYPE, quoted(type) + " is not valid ipset type");
}

Status check_ipset_options(const IpSet& ipset) {
  for (const auto& [name, value] : ipset.options) {
    if (auto status = check_option(ipset, name, value); !status) return status;
  }
  return ok();
}

const std::string* find_ipset_option(const IpSet& ipset, std::string_view name) {
  for (const auto& [key, value] : ipset.options) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool ipset_has_timeout(const IpSet& ipset) {
  const std::string* timeout = find_ipset_option(ipset, "timeout");
  return timeout != nullptr && *timeout != "0";
}

Status check_ipset_entry(const IpSet& ipset, std::string_view entry) {
  const std::string* family = find_ipset_option(ipset, "family");
  EntryContext context{ipset.type, entry, family != nullptr && *family == "inet6"};
  std::string_view type = ipset.type;
  if (!type.starts_with("hash:")) {
    return fail(Code::INVALID_IPSET, "ipset type " + quoted(type) + " not usable");
  }
  auto flags = split(type.substr(5), ',');
  auto items = split(entry, ',');
  if (flags.size() != items.size()) {
    return bad_entry("entry " + quoted(entry) + " does not match ipset type " + quoted(type));
  }
  for (size_t i = 0; i < flags.size(); ++i) {
    if (auto status = check_item(context, flags[i], items[i], i); !status) return status;
  }
  return ok();
}

}  // namespace fwctl::model
