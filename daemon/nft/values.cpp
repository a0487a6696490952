#include "nft/values.hpp"

#include <arpa/inet.h>

#include <bit>
#include <cctype>
#include <cstdlib>
#include <span>

#include "nft/symbols.hpp"

namespace fwctl::nft {
namespace {

using compiler::Value;
using compiler::ValueKind;

constexpr Datatype kTypes[] = {
    {"invalid", 0, 0, ByteOrder::Invalid},
    {"nf_proto", 2, 1, ByteOrder::Host, Symbols::NfProto},
    {"integer", 4, 4, ByteOrder::Host},
    {"ipv4_addr", 7, 4, ByteOrder::Big},
    {"ipv6_addr", 8, 16, ByteOrder::Big},
    {"ether_addr", 9, 6, ByteOrder::Big},
    {"inet_proto", 12, 1, ByteOrder::Big, Symbols::InetProto},
    {"inet_service", 13, 2, ByteOrder::Big},
    {"icmp_type", 14, 1, ByteOrder::Big, Symbols::IcmpType},
    {"tcp_flag", 15, 1, ByteOrder::Big, Symbols::TcpFlag, true},
    {"mark", 19, 4, ByteOrder::Host},
    {"iface_index", 20, 4, ByteOrder::Host},
    {"iface_type", 21, 2, ByteOrder::Host, Symbols::ArpHrd},
    {"ct_state", 26, 4, ByteOrder::Host, Symbols::CtState, true},
    {"ct_status", 28, 4, ByteOrder::Host, Symbols::CtStatus, true},
    {"icmpv6_type", 29, 1, ByteOrder::Big, Symbols::Icmpv6Type},
    {"pkttype", 31, 1, ByteOrder::Host, Symbols::PktType},
    {"icmp_code", 32, 1, ByteOrder::Big},
    {"icmpv6_code", 33, 1, ByteOrder::Big},
    {"fib_addrtype", 38, 4, ByteOrder::Host, Symbols::FibAddrType},
    {"boolean", 39, 1, ByteOrder::Host, Symbols::Boolean},
    {"ifname", 41, 16, ByteOrder::Host, Symbols::None, false, true},
};

Unexpected bad_value(const Datatype& type, const Value& value) {
  return fail(Code::INVALID_VALUE, "'" + value.text + "' is not a valid " + std::string(type.name));
}

Bytes integer_bytes(uint64_t number, uint32_t len, ByteOrder order) {
  Bytes out(len);
  bool little = order == ByteOrder::Host && std::endian::native == std::endian::little;
  for (uint32_t i = 0; i < len; ++i) {
    uint8_t byte = static_cast<uint8_t>(number >> (8 * i));
    out[little ? i : len - 1 - i] = byte;
  }
  return out;
}

std::optional<uint64_t> parse_number(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
  char* end = nullptr;
  uint64_t n = std::strtoull(text.c_str(), &end, 0);
  if (*end != '\0') return std::nullopt;
  return n;
}

Result<Bytes> encode_number(const Datatype& type, const Value& value) {
  auto n = parse_number(value.text);
  if (!n && type.symbols != Symbols::None) n = symbol_value(type.symbols, value.text);
  if (!n) return bad_value(type, value);
  if (type.len < 8 && *n >> (8 * type.len) != 0) return bad_value(type, value);
  return integer_bytes(*n, type.len, type.order);
}

// "eth0" -> 16 bytes, zero padded; "eth*" -> the 3 bytes "eth" (nft's wildcard match).
Result<Bytes> encode_text(const Datatype& type, const Value& value) {
  const std::string& s = value.text;
  bool wildcard = !s.empty() && s.back() == '*' && (s.size() < 2 || s[s.size() - 2] != '\\');
  if (wildcard) return Bytes(s.begin(), s.end() - 1);
  if (s.size() >= type.len) return bad_value(type, value);
  Bytes out(type.len, 0);
  std::copy(s.begin(), s.end(), out.begin());
  return out;
}

Result<Bytes> encode_ether(const Datatype& type, const Value& value) {
  Bytes out;
  const std::string& s = value.text;
  for (size_t i = 0; i < s.size(); i += 3) {
    if (i + 2 > s.size() || (i + 2 < s.size() && s[i + 2] != ':')) return bad_value(type, value);
    char* end = nullptr;
    std::string octet = s.substr(i, 2);
    out.push_back(static_cast<uint8_t>(std::strtoul(octet.c_str(), &end, 16)));
    if (*end != '\0') return bad_value(type, value);
  }
  if (out.size() != type.len) return bad_value(type, value);
  return out;
}

Result<Bytes> encode_address(const Datatype& type, const Value& value) {
  if (type.id == 9) return encode_ether(type, value);
  Bytes out(type.len);
  int family = type.id == 7 ? AF_INET : AF_INET6;
  if ((type.id != 7 && type.id != 8) || inet_pton(family, value.text.c_str(), out.data()) != 1) {
    return bad_value(type, value);
  }
  return out;
}

// One end of a range: an address for address types, else a number or a symbol.
Value range_end(const Datatype& type, std::string text) {
  bool address = type.id == 7 || type.id == 8 || type.id == 9;
  return {address ? ValueKind::Address : ValueKind::Integer, std::move(text)};
}

}  // namespace

std::optional<Datatype> datatype_by_name(std::string_view name) {
  for (const auto& type : kTypes) {
    if (type.name == name && type.id != 0) return type;
  }
  return std::nullopt;
}

const Datatype& datatype_by_id(uint32_t id) {
  for (const auto& type : kTypes) {
    if (type.id == id) return type;
  }
  return kTypes[0];
}

Result<Bytes> encode_value(const Datatype& type, const Value& value) {
  if (type.text || value.kind == ValueKind::String) return encode_text(type, value);
  switch (value.kind) {
    case ValueKind::Address:
      return encode_address(type, value);
    case ValueKind::Prefix:
    case ValueKind::Range:
      return bad_value(type, value);
    default:
      return encode_number(type, value);
  }
}

Result<Prefix> encode_prefix(const Datatype& type, const Value& value) {
  auto slash = value.text.find('/');
  if (slash == std::string::npos) return bad_value(type, value);
  auto address = encode_address(type, {ValueKind::Address, value.text.substr(0, slash)});
  auto bits = parse_number(value.text.substr(slash + 1));
  if (!address || !bits || *bits > 8 * type.len) return bad_value(type, value);
  return Prefix{std::move(*address), static_cast<unsigned>(*bits)};
}

Result<Interval> encode_interval(const Datatype& type, const Value& value) {
  if (value.kind == ValueKind::Prefix) {
    auto prefix = encode_prefix(type, value);
    if (!prefix) return prefix;
    Interval out{prefix->address, prefix->address};
    for (unsigned bit = prefix->bits; bit < 8 * type.len; ++bit) {
      uint8_t mask = static_cast<uint8_t>(0x80u >> (bit % 8));
      out.low[bit / 8] &= static_cast<uint8_t>(~mask);
      out.high[bit / 8] |= mask;
    }
    return out;
  }
  if (value.kind == ValueKind::Range) {
    auto dash = value.text.find('-', 1);
    if (dash == std::string::npos) return bad_value(type, value);
    auto low = encode_value(type, range_end(type, value.text.substr(0, dash)));
    auto high = encode_value(type, range_end(type, value.text.substr(dash + 1)));
    if (!low || !high) return bad_value(type, value);
    return Interval{std::move(*low), std::move(*high)};
  }
  auto single = encode_value(type, value);
  if (!single) return single;
  return Interval{*single, *single};
}

std::optional<Bytes> successor(Bytes bytes) {
  for (size_t i = bytes.size(); i-- > 0;) {
    if (++bytes[i] != 0) return bytes;
  }
  return std::nullopt;
}

std::optional<uint8_t> icmp_code(std::string_view type, std::string_view code) {
  struct Code {
    std::string_view type, name;
    uint8_t value;
  };
  static constexpr Code kCodes[] = {
      {"icmpx", "no-route", 0},          {"icmpx", "port-unreachable", 1},
      {"icmpx", "host-unreachable", 2},  {"icmpx", "admin-prohibited", 3},
      {"icmp", "net-unreachable", 0},    {"icmp", "host-unreachable", 1},
      {"icmp", "prot-unreachable", 2},   {"icmp", "port-unreachable", 3},
      {"icmp", "frag-needed", 4},        {"icmp", "net-prohibited", 9},
      {"icmp", "host-prohibited", 10},   {"icmp", "admin-prohibited", 13},
      {"icmpv6", "no-route", 0},         {"icmpv6", "admin-prohibited", 1},
      {"icmpv6", "addr-unreachable", 3}, {"icmpv6", "port-unreachable", 4},
      {"icmpv6", "policy-fail", 5},      {"icmpv6", "reject-route", 6}};
  for (const auto& c : kCodes) {
    if (c.type == type && c.name == code) return c.value;
  }
  return std::nullopt;
}

std::optional<uint32_t> log_level(std::string_view name) {
  static constexpr std::string_view kLevels[] = {"emerg",  "alert", "crit",  "err",  "warn",
                                                 "notice", "info",  "debug", "audit"};
  for (uint32_t i = 0; i < std::size(kLevels); ++i) {
    if (kLevels[i] == name) return i;
  }
  if (name == "warning") return 4;
  return std::nullopt;
}

}  // namespace fwctl::nft
