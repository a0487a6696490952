#include "config/firewalld_conf_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <set>
#include <vector>

#include "common/text.hpp"
#include "config/atomic_file.hpp"
#include "model/direct.hpp"
#include "model/python_int.hpp"

namespace fwctl::config {
namespace {

using Conf = model::FirewalldConf;

enum class Check {
  NonEmpty,
  Integer,
  Boolean,
  RpFilter,
  LogDenied,
  AutomaticHelpers,
  Backend,
  ReloadPolicy,
  Flowtable
};
enum class Append { Always, Never, WhenSet };

// One key of firewalld 1.3.3's valid_keys, in its order (the order of appended keys).
struct Key {
  std::string_view name;
  std::string Conf::*field;
  Check check;
  std::string_view fallback;  // what firewalld's read() uses for a missing or invalid value
  Append append;
};

constexpr Append kAlways = Append::Always;
constexpr Append kNever = Append::Never;  // deprecated in 1.3.3

// firewalld 1.3.3's keys, then the 2.x keys fwctl takes (in 2.x's order), which are appended to
// a file only when they hold a value other than their default, so that a 1.3.3 file stays as
// 1.3.3 writes it.
const std::array<Key, 18> kKeys = {{
    {"DefaultZone", &Conf::default_zone, Check::NonEmpty, "public", kAlways},
    {"MinimalMark", &Conf::minimal_mark, Check::Integer, "100", kNever},
    {"CleanupOnExit", &Conf::cleanup_on_exit, Check::Boolean, "yes", kAlways},
    {"CleanupModulesOnExit", &Conf::cleanup_modules_on_exit, Check::Boolean, "no", kAlways},
    {"Lockdown", &Conf::lockdown, Check::Boolean, "no", kAlways},
    {"IPv6_rpfilter", &Conf::ipv6_rpfilter, Check::RpFilter, "yes", kAlways},
    {"IndividualCalls", &Conf::individual_calls, Check::Boolean, "no", kAlways},
    {"LogDenied", &Conf::log_denied, Check::LogDenied, "off", kAlways},
    {"AutomaticHelpers", &Conf::automatic_helpers, Check::AutomaticHelpers, "no", kNever},
    {"FirewallBackend", &Conf::firewall_backend, Check::Backend, "nftables", kAlways},
    // firewalld falls back to str(True) for these two.
    {"FlushAllOnReload", &Conf::flush_all_on_reload, Check::Boolean, "True", kAlways},
    {"RFC3964_IPv4", &Conf::rfc3964_ipv4, Check::Boolean, "True", kAlways},
    {"AllowZoneDrifting", &Conf::allow_zone_drifting, Check::Boolean, "no", kNever},
    {"ReloadPolicy", &Conf::reload_policy, Check::ReloadPolicy,
     "INPUT:DROP,FORWARD:DROP,OUTPUT:DROP", Append::WhenSet},
    {"NftablesFlowtable", &Conf::nftables_flowtable, Check::Flowtable, "off", Append::WhenSet},
    {"NftablesCounters", &Conf::nftables_counters, Check::Boolean, "no", Append::WhenSet},
    // 2.x's default is yes; here no, so that the table stays as 1.3.3 makes it.
    {"NftablesTableOwner", &Conf::nftables_table_owner, Check::Boolean, "no", Append::WhenSet},
    {"StrictForwardPorts", &Conf::strict_forward_ports, Check::Boolean, "no", Append::WhenSet},
}};

const Key* find_key(std::string_view name) {
  auto it = std::find_if(kKeys.begin(), kKeys.end(), [&](const Key& k) { return k.name == name; });
  return it == kKeys.end() ? nullptr : &*it;
}

// Python's str.strip() for the ASCII whitespace it strips.
std::string_view strip(std::string_view s) {
  auto blank = [](char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// Lines as Python's text files give them (universal newlines), without their line ends.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::vector<std::string_view> split_equals(std::string_view line) {
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0;;) {
    std::size_t eq = line.find('=', pos);
    parts.push_back(line.substr(pos, eq == std::string_view::npos ? eq : eq - pos));
    if (eq == std::string_view::npos) return parts;
    pos = eq + 1;
  }
}

bool is_valid(const Key& key, const std::string& value) {
  switch (key.check) {
    case Check::NonEmpty:
      return !value.empty();
    case Check::Integer:
      return model::parse_python_int(value, model::PythonIntBase::Decimal).has_value();
    case Check::Boolean:
      return one_of(ascii_lower(value), {"no", "false", "yes", "true"});
    case Check::RpFilter:  // 1.3.3's booleans and 2.2's modes
      return model::rpfilter_mode(value).has_value();
    case Check::LogDenied:
      return one_of(value, {"all", "unicast", "broadcast", "multicast", "off"});
    case Check::AutomaticHelpers:
      return one_of(ascii_lower(value), {"yes", "no", "system"});
    case Check::Backend:
      return one_of(ascii_lower(value), {"nftables", "iptables"});
    case Check::ReloadPolicy:
      return model::parse_reload_policy(value).has_value();
    case Check::Flowtable:
      return model::valid_flowtable(value);
  }
  return false;
}

struct Reading {
  std::string file;
  std::vector<Error> warnings;
  std::vector<std::pair<const Key*, std::string>> values;  // valid lines, in file order
  // `logged`: firewalld's log line when it is not "CODE: detail", at `level`.
  void warn(int line, Code code, std::string detail,
            Error::LogLevel level = Error::LogLevel::Warning, std::string logged = {}) {
    Error e{code, std::move(detail), file, line};
    e.log_level = level;
    e.log_text = std::move(logged);
    warnings.push_back(std::move(e));
  }
  // A line firewalld's read() logs at ERROR with no code, the text being the detail.
  void line_error(int line, Code code, std::string detail) {
    std::string logged = detail;
    warn(line, code, std::move(detail), Error::LogLevel::Error, std::move(logged));
  }
  const std::string* value_of(const Key& key) const {
    for (const auto& [k, v] : values) {
      if (k == &key) return &v;
    }
    return nullptr;
  }
};

// The line firewalld's read() logs when `key`'s value is missing or invalid: its wording differs
// by key ("is invalid" for LogDenied; the fallback as python prints it: True, nftables, '100').
std::string logged_fallback(const Key& key, const std::string& value) {
  const std::string name(key.name);
  if (key.check == Check::NonEmpty) return name + " is not set, using default value 'public'";
  if (key.check == Check::LogDenied) {
    return name + " '" + value + "' is invalid, using default value '" + std::string(key.fallback) +
           "'";
  }
  std::string fallback(key.fallback);
  if (key.check == Check::Integer || key.check == Check::ReloadPolicy ||
      key.check == Check::Flowtable) {
    fallback = "'" + fallback + "'";
  }
  if (key.check == Check::Boolean) {
    fallback = (fallback == "yes" || fallback == "True") ? "True" : "False";
  }
  return name + " '" + value + "' is not valid, using default value " + fallback;
}

void read_line(Reading& r, int number, std::string_view raw) {
  std::string_view line = strip(raw);
  if (line.empty() || line.front() == '#' || line.front() == ';') return;
  std::string quoted = "'" + std::string(line) + "'";
  std::vector<std::string_view> pair = split_equals(line);
  if (pair.size() != 2)
    return r.line_error(number, Code::INVALID_OPTION, "Invalid option definition: " + quoted);
  const Key* key = find_key(strip(pair[0]));
  std::string value(strip(pair[1]));
  if (!key) return r.line_error(number, Code::INVALID_OPTION, "Invalid option: " + quoted);
  if (value.empty()) return r.line_error(number, Code::INVALID_VALUE, "Missing value: " + quoted);
  if (r.value_of(*key)) {
    return r.line_error(number, Code::INVALID_OPTION, "Duplicate option definition: " + quoted);
  }
  r.values.emplace_back(key, std::move(value));
}

}  // namespace

Parsed<model::FirewalldConf> parse_firewalld_conf(std::string_view text, const std::string& file) {
  Reading r{file, {}, {}};
  std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) read_line(r, static_cast<int>(i) + 1, lines[i]);
  Parsed<model::FirewalldConf> parsed;
  for (const Key& key : kKeys) {
    const std::string* value = r.value_of(key);
    if (value && is_valid(key, *value)) {
      parsed.item.*key.field = *value;
      continue;
    }
    if (value || key.check == Check::NonEmpty) {
      r.warn(0, Code::INVALID_VALUE,
             std::string(key.name) + " '" + (value ? *value : "") +
                 "' is not valid, using default value '" + std::string(key.fallback) + "'",
             key.check == Check::NonEmpty ? Error::LogLevel::Error : Error::LogLevel::Warning,
             logged_fallback(key, value ? *value : ""));
    }
    parsed.item.*key.field = std::string(key.fallback);
  }
  parsed.warnings = std::move(r.warnings);
  return parsed;
}

std::string python_os_error(int err, const std::string& path) {
  return "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": " +
         model::python_repr(path);
}

Result<Parsed<model::FirewalldConf>> load_firewalld_conf(const std::string& path,
                                                         std::string* open_failure) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    // firewalld's read(): log.error("Failed to load '%s': %s"), then the fallback settings.
    std::string why = python_os_error(errno, path);
    Parsed<model::FirewalldConf> fallback;
    Error e{Code::COMMAND_FAILED, why, path, 0};
    e.log_level = Error::LogLevel::Error;
    e.log_text = "Failed to load '" + path + "': " + why;
    fallback.warnings.push_back(std::move(e));
    if (open_failure) *open_failure = why;
    return fallback;
  }
  ::close(fd);
  Result<std::string> text = read_file(path);
  if (!text) return text;
  return parse_firewalld_conf(*text, path);
}

std::optional<std::string> format_firewalld_conf(const model::FirewalldConf& conf,
                                                 std::optional<std::string_view> current) {
  std::string out;
  std::set<std::string, std::less<>> done;
  bool modified = false;
  bool empty = false;  // the last line written is blank
  for (std::string_view line : current ? split_lines(*current) : std::vector<std::string_view>{}) {
    if (line.empty()) {
      if (!empty) out += '\n';
      empty = true;
      continue;
    }
    std::vector<std::string_view> pair = split_equals(line);
    if (line.front() == '#' || pair.size() != 2) {
      empty = false;
      out.append(line).append("\n");
      continue;
    }
    std::string key(strip(pair[0]));
    if (!done.insert(key).second) {
      modified = true;  // a repeated key is dropped
      continue;
    }
    const Key* known = find_key(key);
    empty = false;
    if (known && conf.*known->field != strip(pair[1])) {
      out += key + "=" + conf.*known->field + "\n";
      modified = true;
    } else {
      out.append(line).append("\n");
    }
  }
  for (const Key& key : kKeys) {
    if (done.count(key.name) || key.append == Append::Never) continue;
    if (key.append == Append::WhenSet && conf.*key.field == key.fallback) continue;
    if (!empty) out += '\n';
    empty = true;
    out += std::string(key.name) + "=" + conf.*key.field + "\n";
    modified = true;
  }
  if (!modified) return std::nullopt;
  return out;
}

Status save_firewalld_conf(const model::FirewalldConf& conf, const std::string& path) {
  std::optional<std::string> current;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 || errno != ENOENT) {
    Result<std::string> text = read_file(path);
    if (!text) return text;
    current = std::move(*text);
  }
  std::optional<std::string> content = format_firewalld_conf(conf, current);
  if (!content) return ok();
  return save_file(path, *content, SaveOptions{0600, true});
}

}  // namespace fwctl::config
