#include "core/firewall_ipset_entries.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <tuple>

namespace fwctl::core {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Python's int() of a digit string, capped so that a long one stays out of range.
int digits_value(std::string_view s) {
  int value = 0;
  for (char c : s) value = std::min(value * 10 + (c - '0'), 1000);
  return value;
}

// The number of leading one bits of `mask` when the rest are zeros; -1 otherwise.
int contiguous_ones(const std::array<unsigned char, 16>& mask, int bytes) {
  int ones = 0;
  bool zeros = false;
  for (int i = 0; i < bytes * 8; ++i) {
    bool bit = (mask[i / 8] >> (7 - i % 8)) & 1;
    if (bit && zeros) return -1;
    if (bit) ++ones;
    zeros = zeros || !bit;
  }
  return ones;
}

// ipaddress accepts an IPv4 netmask ("255.0.0.0") or hostmask ("0.255.255.255") as a prefix.
int ipv4_mask_prefix(const std::string& text) {
  std::array<unsigned char, 16> mask{};
  if (inet_pton(AF_INET, text.c_str(), mask.data()) != 1) return -1;
  int ones = contiguous_ones(mask, 4);
  if (ones >= 0) return ones;
  for (int i = 0; i < 4; ++i) mask[i] = static_cast<unsigned char>(~mask[i]);
  return contiguous_ones(mask, 4);
}

}  // namespace

std::optional<Network> parse_network(std::string_view text) {
  size_t slash = text.find('/');
  std::string address(text.substr(0, slash));
  Network net;
  if (inet_pton(AF_INET, address.c_str(), net.bytes.data()) != 1) {
    if (inet_pton(AF_INET6, address.c_str(), net.bytes.data()) != 1) return std::nullopt;
    net.v6 = true;
  }
  net.prefix = net.bits();
  if (slash != std::string_view::npos) {
    std::string_view prefix = text.substr(slash + 1);
    if (prefix.find('/') != std::string_view::npos) return std::nullopt;
    if (all_digits(prefix)) {
      net.prefix = digits_value(prefix);
    } else {
      net.prefix = net.v6 ? -1 : ipv4_mask_prefix(std::string(prefix));
    }
    if (net.prefix < 0 || net.prefix > net.bits()) return std::nullopt;
  }
  for (int i = net.prefix; i < net.bits(); ++i) {
    net.bytes[i / 8] &= static_cast<unsigned char>(~(1u << (7 - i % 8)));
  }
  return net;
}

namespace {

// Python's IPv6Address str(): hextets in lower-case hex, the longest run (the first of equal
// ones) of two or more zero hextets written "::"; never a dotted IPv4 tail.
std::string ipv6_text(const std::array<unsigned char, 16>& bytes) {
  std::array<unsigned, 8> hextets{};
  for (int i = 0; i < 8; ++i) hextets[i] = (bytes[2 * i] << 8) | bytes[2 * i + 1];
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && hextets[j] == 0) ++j;
    if (j - i > best_len) best = i, best_len = j - i;
    i = j == i ? i + 1 : j;
  }
  if (best_len < 2) best = -1;
  std::string out;
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buf, sizeof buf, "%x", hextets[i]);
    out += buf;
  }
  return out;
}

std::string to_string(const Network& net) {
  char buf[INET_ADDRSTRLEN];
  std::string address = net.v6 ? ipv6_text(net.bytes)
                               : std::string(inet_ntop(AF_INET, net.bytes.data(), buf, sizeof buf));
  return address + "/" + std::to_string(net.prefix);
}

}  // namespace

bool overlaps(const Network& a, const Network& b) {
  if (a.v6 != b.v6) return false;  // ipaddress: a network never contains the other version
  int prefix = std::min(a.prefix, b.prefix);
  for (int i = 0; i < prefix; ++i) {
    int mask = 1 << (7 - i % 8);
    if ((a.bytes[i / 8] & mask) != (b.bytes[i / 8] & mask)) return false;
  }
  return true;
}

std::string normalize_ipset_entry(std::string_view entry) {
  std::string out;
  size_t start = 0;
  for (;;) {
    size_t comma = entry.find(',', start);
    std::string_view part =
        entry.substr(start, comma == std::string_view::npos ? comma : comma - start);
    auto net = part.find('/') == std::string_view::npos ? std::nullopt : parse_network(part);
    out += net ? to_string(*net) : std::string(part);
    if (comma == std::string_view::npos) return out;
    out += ',';
    start = comma + 1;
  }
}

Status check_entry_overlaps_existing(std::string_view entry,
                                     const std::vector<std::string>& entries) {
  if (entry.find(',') != std::string_view::npos) return ok();
  auto net = parse_network(entry);
  if (!net) return ok();
  for (const auto& existing : entries) {
    auto other = parse_network(existing);
    if (other && overlaps(*net, *other)) {
      return fail(Code::INVALID_ENTRY, "Entry '" + std::string(entry) +
                                           "' overlaps with existing entry '" + existing + "'");
    }
  }
  return ok();
}

Status check_for_overlapping_entries(const std::vector<std::string>& entries) {
  std::vector<Network> nets;
  for (const auto& entry : entries) {
    auto net = parse_network(entry);
    if (!net) return ok();
    nets.push_back(*net);
  }
  // Sorted, a network is followed by the ones it contains (firewalld's argument).
  std::sort(nets.begin(), nets.end(),
            [](const auto& a, const auto& b) { return a.key() < b.key(); });
  for (size_t i = 1; i < nets.size(); ++i) {
    if (overlaps(nets[i - 1], nets[i])) {
      return fail(Code::INVALID_ENTRY, "Entry '" + to_string(nets[i - 1]) + "' overlaps entry '" +
                                           to_string(nets[i]) + "'");
    }
  }
  return ok();
}

}  // namespace fwctl::core
