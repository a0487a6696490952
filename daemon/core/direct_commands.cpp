#include "core/direct_commands.hpp"

#include <algorithm>
#include <map>

namespace fwctl::core::direct {
namespace {

bool has_whitespace(const std::string& s) {
  return s.find_first_of(" \t\n\r\x0b\x0c") != std::string::npos;
}

// -A/--append, -I/--insert, -N/--new-chain and what removes them, in firewalld's dict order.
const std::vector<std::pair<std::string, std::string>>& reversals() {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"-A", "-D"}, {"--append", "--delete"},         {"-I", "-D"}, {"--insert", "--delete"},
      {"-N", "-X"}, {"--new-chain", "--delete-chain"}};
  return table;
}

bool is_int(const std::string& s) {
  size_t i = s.find_first_not_of(" \t");
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > digits && s.find_first_not_of(" \t", i) == std::string::npos;
}

}  // namespace

const Tool& tool(const std::string& ipv) {
  static const Tool ip4{
      "/usr/sbin/iptables", "-w10", "/usr/sbin/iptables-restore", {"-w", "-n"}, false};
  static const Tool ip6{
      "/usr/sbin/ip6tables", "-w10", "/usr/sbin/ip6tables-restore", {"-w", "-n"}, false};
  static const Tool eb{
      "/usr/sbin/ebtables", "--concurrent", "/usr/sbin/ebtables-restore", {"--noflush"}, true};
  if (ipv == "ipv6") return ip6;
  return ipv == "eb" ? eb : ip4;
}

std::string restore_input(const Tool& tool, const std::vector<Args>& commands) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> lines;
  std::string table = "filter";
  for (Args rule : commands) {
    if (!tool.eb) table = "filter";
    for (const char* option : {"-t", "--table"}) {
      auto it = std::find(rule.begin(), rule.end(), option);
      if (it == rule.end() || it + 1 == rule.end()) continue;
      table = *(it + 1);
      rule.erase(it, it + 2);
    }
    std::string line;
    for (const auto& word : rule) {
      if (!line.empty()) line += ' ';
      bool quoted = !word.empty() && word.front() == '"' && word.back() == '"';
      line += has_whitespace(word) && !quoted ? '"' + word + '"' : word;
    }
    if (!lines.count(table)) order.push_back(table);
    lines[table].push_back(std::move(line));
  }
  std::string out;
  for (const auto& name : order) {
    out += "*" + name + "\n";
    for (const auto& line : lines[name]) out += line + "\n";
    if (!tool.eb) out += "COMMIT\n";
  }
  return out;
}

std::vector<Args> split_addresses(const Args& args) {
  std::vector<Args> rules{args};
  for (const auto& opts : {std::vector<std::string>{"-s", "--source"},
                           std::vector<std::string>{"-d", "--destination"}}) {
    std::vector<Args> out;
    for (const auto& rule : rules) {
      bool processed = false;
      for (const auto& opt : opts) {
        auto it = std::find(rule.begin(), rule.end(), opt);
        if (it == rule.end() || it + 1 == rule.end()) continue;
        size_t at = static_cast<size_t>(it - rule.begin()) + 1;
        if (rule[at].find(',') == std::string::npos) continue;
        processed = true;
        size_t start = 0;
        for (;;) {
          size_t comma = rule[at].find(',', start);
          Args copy = rule;
          copy[at] = rule[at].substr(start, comma - start);
          out.push_back(std::move(copy));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
      if (!processed) out.push_back(rule);
    }
    rules = std::move(out);
  }
  return rules;
}

Status check_passthrough(const Args& args) {
  static const std::vector<std::string> not_allowed = {
      "-C", "--check",      "-D", "--delete",      "-R", "--replace", "-L", "--list",
      "-S", "--list-rules", "-F", "--flush",       "-Z", "--zero",    "-X", "--delete-chain",
      "-P", "--policy",     "-E", "--rename-chain"};
  for (const auto& arg : args) {
    if (std::find(not_allowed.begin(), not_allowed.end(), arg) != not_allowed.end()) {
      return fail(Code::INVALID_PASSTHROUGH, "arg '" + arg + "' is not allowed");
    }
  }
  for (const auto& [add, remove] : reversals()) {
    if (std::find(args.begin(), args.end(), add) != args.end()) return ok();
  }
  return fail(Code::INVALID_PASSTHROUGH, "no '-A', '-I' or '-N' arg");
}

Result<Args> reverse_passthrough(const Args& args) {
  Args out = args;
  for (const auto& [add, remove] : reversals()) {
    auto it = std::find(out.begin(), out.end(), add);
    if (it == out.end()) continue;
    size_t at = static_cast<size_t>(it - out.begin());
    if ((add == "-I" || add == "--insert") && at + 2 < out.size() && is_int(out[at + 2])) {
      out.erase(out.begin() + static_cast<long>(at) + 2);
    }
    out[at] = remove;
    return out;
  }
  return fail(Code::INVALID_PASSTHROUGH, "no '-A', '-I' or '-N' arg");
}

std::string utf8_replace(const std::string& bytes) {
  std::string out;
  size_t i = 0;
  auto cont = [&](size_t at) {
    return at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xC0) == 0x80;
  };
  while (i < bytes.size()) {
    auto c = static_cast<unsigned char>(bytes[i]);
    size_t n = c < 0x80                   ? 1
               : (c >= 0xC2 && c <= 0xDF) ? 2
               : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4
                                          : 0;
    bool good = n > 0;
    for (size_t k = 1; good && k < n; ++k) good = cont(i + k);
    if (good && n == 3) {
      auto c1 = static_cast<unsigned char>(bytes[i + 1]);
      good = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 > 0x9F);
    } else if (good && n == 4) {
      auto c1 = static_cast<unsigned char>(bytes[i + 1]);
      good = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 > 0x8F);
    }
    if (good) {
      out.append(bytes, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace fwctl::core::direct
