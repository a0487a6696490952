#pragma once
// nft datatypes and the encoding of printed IR values into the bytes the kernel compares.
//
// The type numbers are nftables' own (enum datatypes in nftables' datatype.h); the kernel
// stores them with a set and nft uses them to print the set's elements back. A value is
// encoded in its datatype's byte order: network order for addresses, ports and protocol
// header fields, host order for marks, conntrack bits and interface names.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "compiler/ir.hpp"

namespace fwctl::nft {

using Bytes = std::vector<uint8_t>;

// nftables' enum byteorder, stored in a set's user data.
enum class ByteOrder : uint32_t { Invalid = 0, Host = 1, Big = 2 };

enum class Symbols {
  None,
  CtState,
  CtStatus,
  IcmpType,
  Icmpv6Type,
  InetProto,
  NfProto,
  PktType,
  TcpFlag,
  FibAddrType,
  Boolean,
  ArpHrd
};

struct Datatype {
  std::string_view name;  // ipv4_addr, inet_service, ...
  uint32_t id = 0;        // nftables' TYPE_* number
  uint32_t len = 0;       // bytes
  ByteOrder order = ByteOrder::Big;
  Symbols symbols = Symbols::None;
  bool bitmask = false;  // ct state, ct status, tcp flags: a bare value tests a flag
  bool text = false;     // interface names: strings, padded with zeros
};

// The datatype of a named set's `type` word; nullopt when fwctl does not know it.
std::optional<Datatype> datatype_by_name(std::string_view name);
// The datatype with nftables' number `id`.
const Datatype& datatype_by_id(uint32_t id);

// One value in `type`'s representation: exactly type.len bytes, except for an interface
// name pattern ("eth*"), which yields just the bytes before the '*'.
Result<Bytes> encode_value(const Datatype& type, const compiler::Value& value);

// The closed interval a value stands for: [a, a] for a single value, the network's first and
// last address for a prefix, the two ends of a range.
struct Interval {
  Bytes low;
  Bytes high;
};
Result<Interval> encode_interval(const Datatype& type, const compiler::Value& value);

// A prefix as address bytes plus its length in bits.
struct Prefix {
  Bytes address;
  unsigned bits = 0;
};
Result<Prefix> encode_prefix(const Datatype& type, const compiler::Value& value);

// Big-endian successor of `bytes`; nullopt when it overflows (all bits set).
std::optional<Bytes> successor(Bytes bytes);

// The number for a symbol of reject's code tables: icmp, icmpv6 and icmpx codes.
std::optional<uint8_t> icmp_code(std::string_view type, std::string_view code);

// syslog levels as nft names them, plus "audit".
std::optional<uint32_t> log_level(std::string_view name);

}  // namespace fwctl::nft
