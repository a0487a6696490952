// The firewalld 2.x values of firewalld.conf that need more than a word: ReloadPolicy and
// NftablesFlowtable.

#include "model/firewalld_conf.hpp"

#include <algorithm>

#include "model/address.hpp"

namespace fwctl::model {
namespace {

// Python's str.strip() for the blanks a firewalld.conf value can hold.
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_verdict(const std::string& upper) {
  return upper == "ACCEPT" || upper == "REJECT" || upper == "DROP";
}

std::string upper(std::string_view s) {
  std::string out = ascii_lower(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

// One "CHAIN:VERDICT" item into `policy`; false when it is not one.
bool take_item(std::string_view item, ReloadPolicy& policy) {
  size_t sep = item.find_first_of(":=");
  if (sep == std::string_view::npos) return false;
  std::string_view rest = item.substr(sep + 1);
  if (rest.find_first_of(":=") != std::string_view::npos) return false;  // split(":", 2) != 2
  std::string chain = upper(trim(item.substr(0, sep)));
  std::string verdict = upper(trim(rest));
  if (!is_verdict(verdict)) return false;
  if (chain == "INPUT") {
    policy.input = verdict;
  } else if (chain == "FORWARD") {
    policy.forward = verdict;
  } else if (chain == "OUTPUT") {
    policy.output = verdict;
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::optional<ReloadPolicy> parse_reload_policy(std::string_view value) {
  ReloadPolicy policy;
  value = trim(value);
  if (std::string all = upper(value); is_verdict(all)) {
    policy.input = policy.forward = policy.output = all;
    return policy;
  }
  bool valid = true;  // like 2.x, every item is looked at; one bad item spoils the value
  for (size_t pos = 0; pos <= value.size();) {
    size_t end = value.find_first_of(",;", pos);
    if (end == std::string_view::npos) end = value.size();
    std::string_view item = trim(value.substr(pos, end - pos));
    if (!item.empty() && !take_item(item, policy)) valid = false;
    pos = end + 1;
  }
  if (!valid) return std::nullopt;
  return policy;
}

std::string to_string(const ReloadPolicy& policy) {
  return "INPUT:" + policy.input + ",FORWARD:" + policy.forward + ",OUTPUT:" + policy.output;
}

std::vector<std::string> flowtable_devices(std::string_view value) {
  std::vector<std::string> out;
  if (value == "off") return out;
  for (size_t pos = 0; pos < value.size();) {
    size_t start = value.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos) break;
    size_t end = std::min(value.find_first_of(" \t", start), value.size());
    out.emplace_back(value.substr(start, end - start));
    pos = end;
  }
  return out;
}

bool valid_flowtable(std::string_view value) {
  if (value == "off") return true;
  auto devices = flowtable_devices(value);
  for (const auto& device : devices) {
    if (!check_interface(device)) return false;
  }
  return !devices.empty();
}

}  // namespace fwctl::model
