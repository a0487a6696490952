#include "model/item_name.hpp"

#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <string>

#include "model/address.hpp"

namespace fwctl::model {
namespace {

// One UTF-8 character: its bytes and its code point (0xFFFD when malformed).
struct Character {
  std::string_view bytes;
  char32_t code_point;
};

Character next_character(std::string_view s) {
  auto lead = static_cast<unsigned char>(s[0]);
  size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length > s.size()) return {s.substr(0, 1), 0xFFFD};
  if (length == 1) return {s.substr(0, 1), lead < 0x80 ? lead : char32_t{0xFFFD}};
  char32_t cp = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) return {s.substr(0, 1), 0xFFFD};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {s.substr(0, length), cp};
}

// Python's str.isalnum() for one character. Outside ASCII this asks glibc's C.UTF-8 tables,
// which agree with Python's Unicode database for letters and decimal digits.
bool is_alnum(char32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp == 0xFFFD) return false;
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
  // Without the locale, accept rather than reject names firewalld would load.
  return utf8 == locale_t{} || iswalnum_l(static_cast<wint_t>(cp), utf8) != 0;
}

std::string_view extra_characters(std::string_view kind) {
  if (kind == "zone" || kind == "policy") return "_-/";
  if (kind == "service" || kind == "icmptype") return "_-";
  if (kind == "ipset") return "_-:.";
  if (kind == "helper") return "-.";
  return "";
}

Status check_characters(std::string_view kind, std::string_view name) {
  std::string_view extra = extra_characters(kind);
  for (std::string_view rest = name; !rest.empty();) {
    Character c = next_character(rest);
    bool allowed = is_alnum(c.code_point) ||
                   (c.bytes.size() == 1 && extra.find(c.bytes[0]) != std::string_view::npos);
    if (!allowed) {
      return fail(Code::INVALID_NAME,
                  "'" + std::string(c.bytes) + "' is not allowed in '" + std::string(name) + "'");
    }
    rest.remove_prefix(c.bytes.size());
  }
  return ok();
}

// The '/' rules and the length limit of zones and policies.
Status check_combined_name(std::string_view label, std::string_view name, size_t max_length) {
  std::string prefix = std::string(label) + " '" + std::string(name) + "': ";
  if (name.front() == '/') return fail(Code::INVALID_NAME, prefix + "name can't start with '/'");
  if (name.back() == '/') return fail(Code::INVALID_NAME, prefix + "name can't end with '/'");
  if (std::count(name.begin(), name.end(), '/') > 1) {
    return fail(Code::INVALID_NAME, prefix + "name has more than one '/'");
  }
  size_t length = count_characters(name.substr(0, name.find('/')));
  if (length > max_length) {
    return fail(Code::INVALID_NAME, prefix + "name has " + std::to_string(length) +
                                        " chars, max is " + std::to_string(max_length));
  }
  return ok();
}

}  // namespace

Status check_item_name(std::string_view kind, std::string_view name) {
  if (name.empty()) return fail(Code::INVALID_NAME, "name can't be empty");
  if (auto status = check_characters(kind, name); !status) return status;
  if (kind == "zone") return check_combined_name("Zone", name, kMaxZoneNameLength);
  if (kind == "policy") return check_combined_name("Policy", name, kMaxPolicyNameLength);
  return ok();
}

}  // namespace fwctl::model
