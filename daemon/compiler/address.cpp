// Address canonicalisation with inet_pton/inet_ntop, which is also what nft prints with.

#include "compiler/address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string_view>

#include "model/address.hpp"

namespace fwctl::compiler {
namespace {

constexpr size_t kMaxBytes = 16;

struct Bytes {
  int af = 0;
  std::array<uint8_t, kMaxBytes> data{};
  int bits() const { return af == AF_INET ? 32 : 128; }
};

// An IPv6 address may come in brackets ("[::1]"), which firewalld strips (normalizeIP6).
std::optional<Bytes> to_bytes(const std::string& text) {
  Bytes b;
  for (int af : {AF_INET, AF_INET6}) {
    std::string plain = af == AF_INET6 ? std::string(model::strip_ipv6_brackets(text)) : text;
    if (inet_pton(af, plain.c_str(), b.data.data()) == 1) {
      b.af = af;
      return b;
    }
  }
  return std::nullopt;
}

std::string to_string(const Bytes& b) {
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(b.af, b.data.data(), buf, sizeof buf);
  return buf;
}

void clear_host_bits(Bytes& b, int len) {
  for (int i = 0; i < b.bits() / 8; ++i) {
    int keep = std::max(0, std::min(8, len - i * 8));
    b.data[i] &= static_cast<uint8_t>(0xff00 >> keep);
  }
}

bool is_mac(const std::string& text) {
  if (text.size() != 17) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool colon = i % 3 == 2;
    if (colon ? text[i] != ':' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::optional<int> parse_len(const std::string& text, int max) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  int len = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    len = len * 10 + (c - '0');
  }
  if (len > max) return std::nullopt;
  return len;
}

// The prefix length of a dotted IPv4 mask as Python's ipaddress reads it (firewalld hands such
// sources to IPv4Network): a netmask (ones, then zeros) or else a hostmask (zeros, then ones).
std::optional<int> dotted_mask_length(const std::string& text) {
  in_addr addr{};
  if (inet_pton(AF_INET, text.c_str(), &addr) != 1) return std::nullopt;
  uint32_t mask = ntohl(addr.s_addr);
  int ones = __builtin_popcount(mask);
  uint32_t netmask = ones == 0 ? 0 : ~uint32_t{0} << (32 - ones);
  if (mask == netmask) return ones;
  if (mask == ~(~uint32_t{0} << ones)) return 32 - ones;  // hostmask: ones at the bottom
  return std::nullopt;
}

}  // namespace

std::optional<std::string> netmask_error(const std::string& text) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::string mask = text.substr(slash + 1);
  if (mask.find('.') == std::string::npos || dotted_mask_length(mask)) return std::nullopt;
  in_addr addr{};
  if (inet_pton(AF_INET, text.substr(0, slash).c_str(), &addr) != 1) return std::nullopt;
  return "'" + mask + "' is not a valid netmask";
}

std::optional<ParsedAddress> parse_address(const std::string& text) {
  if (is_mac(text)) {
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ParsedAddress{"ether", {ValueKind::Address, lower}};
  }
  auto slash = text.find('/');
  auto bytes = to_bytes(text.substr(0, slash));
  if (!bytes) return std::nullopt;
  std::string family = bytes->af == AF_INET ? "ip" : "ip6";
  int len = bytes->bits();
  if (slash != std::string::npos) {
    std::string mask = text.substr(slash + 1);
    bool dotted = bytes->af == AF_INET && mask.find('.') != std::string::npos;
    auto parsed = dotted ? dotted_mask_length(mask) : parse_len(mask, bytes->bits());
    if (!parsed) return std::nullopt;
    len = *parsed;
  }
  clear_host_bits(*bytes, len);
  // nft shows a full-length prefix as a plain address.
  if (len == bytes->bits()) return ParsedAddress{family, {ValueKind::Address, to_string(*bytes)}};
  return ParsedAddress{family, {ValueKind::Prefix, to_string(*bytes) + "/" + std::to_string(len)}};
}

std::string canonical_address(const std::string& text) {
  auto bytes = to_bytes(text);
  return bytes ? to_string(*bytes) : text;
}

bool is_ipv6_address(const std::string& text) {
  auto bytes = to_bytes(text);
  return bytes && bytes->af == AF_INET6;
}

}  // namespace fwctl::compiler
