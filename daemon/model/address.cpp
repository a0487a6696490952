#include "model/address.hpp"

#include <arpa/inet.h>

#include <string>

#include "model/python_int.hpp"

namespace fwctl::model {
namespace {

bool inet_pton_accepts(int af, std::string_view s) {
  // Python hands inet_pton a C string; an embedded NUL makes it raise, which firewalld does not
  // catch, so such text is never a valid address.
  if (s.find('\0') != std::string_view::npos) return false;
  unsigned char buffer[16];
  return ::inet_pton(af, std::string(s).c_str(), buffer) == 1;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

struct AddressAndMask {
  std::string_view address;
  std::string_view mask;  // empty when there is no '/'
  bool valid_split = true;
};

// Splits at the first '/'. "a/" and "/m" are invalid, as in checkIPnMask.
AddressAndMask split_mask(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return {s, {}, true};
  AddressAndMask parts{s.substr(0, slash), s.substr(slash + 1), true};
  parts.valid_split = !parts.address.empty() && !parts.mask.empty();
  return parts;
}

bool is_prefix_length(std::string_view mask, int max) {
  auto value = parse_python_int(mask, PythonIntBase::Decimal);
  return value && *value >= 0 && *value <= max;
}

}  // namespace

bool is_ipv4_address(std::string_view s) { return inet_pton_accepts(AF_INET, s); }

std::string_view strip_ipv6_brackets(std::string_view s) {
  while (!s.empty() && (s.front() == '[' || s.front() == ']')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '[' || s.back() == ']')) s.remove_suffix(1);
  return s;
}

bool is_ipv6_address(std::string_view s) {
  return inet_pton_accepts(AF_INET6, strip_ipv6_brackets(s));
}

bool is_ipv4_network(std::string_view s) {
  AddressAndMask parts = split_mask(s);
  if (!parts.valid_split || !is_ipv4_address(parts.address)) return false;
  if (parts.mask.empty()) return true;
  if (parts.mask.find('.') != std::string_view::npos) return is_ipv4_address(parts.mask);
  return is_prefix_length(parts.mask, 32);
}

bool is_ipv6_network(std::string_view s) {
  AddressAndMask parts = split_mask(s);
  if (!parts.valid_split || !is_ipv6_address(parts.address)) return false;
  return parts.mask.empty() || is_prefix_length(parts.mask, 128);
}

Status check_address(std::string_view family, std::string_view address) {
  bool valid = (family == "ipv4" && is_ipv4_network(address)) ||
               (family == "ipv6" && is_ipv6_network(address));
  if (valid) return ok();
  return fail(Code::INVALID_ADDR,
              "'" + std::string(address) + "' is not valid " + std::string(family) + " address");
}

Status check_mac(std::string_view mac) {
  bool valid = mac.size() == 17;
  for (size_t i = 0; valid && i < mac.size(); ++i) {
    valid = i % 3 == 2 ? mac[i] == ':' : is_hex(mac[i]);
  }
  if (valid) return ok();
  return fail(Code::INVALID_MAC, std::string(mac));
}

size_t count_characters(std::string_view s) {
  size_t count = 0;
  for (char c : s) {
    // Every byte except a UTF-8 continuation byte (10xxxxxx) starts a character.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

Status check_interface(std::string_view name) {
  // The forbidden characters are limits of old iptables that firewalld still enforces.
  bool valid = !name.empty() && count_characters(name) <= 16 &&
               name.find_first_of(" /!*") == std::string_view::npos;
  if (valid) return ok();
  return fail(Code::INVALID_INTERFACE, std::string(name));
}

}  // namespace fwctl::model
