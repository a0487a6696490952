#include "model/direct.hpp"

#include <algorithm>
#include <map>

namespace fwctl::model {
namespace {

// Inserts `item` after the last entry of its group (same_group), or at the end when the group
// is new: firewalld's dict-of-lists order.
template <typename T, typename Same>
bool add_grouped(std::vector<T>& items, const T& item, Same same_group) {
  if (std::find(items.begin(), items.end(), item) != items.end()) return false;
  auto last = std::find_if(items.rbegin(), items.rend(),
                           [&](const T& other) { return same_group(other, item); });
  items.insert(last == items.rend() ? items.end() : last.base(), item);
  return true;
}

template <typename T>
bool remove_item(std::vector<T>& items, const T& item) {
  auto it = std::find(items.begin(), items.end(), item);
  if (it == items.end()) return false;
  items.erase(it);
  return true;
}

template <typename T>
bool has_item(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

struct Tables {
  std::vector<std::string> names;  // firewalld's BUILT_IN_CHAINS key order
  std::map<std::string, std::vector<std::string>> builtin;
};

const Tables& ip_tables() {
  static const Tables tables{
      {"security", "raw", "mangle", "nat", "filter"},
      {{"security", {"INPUT", "OUTPUT", "FORWARD"}},
       {"raw", {"PREROUTING", "OUTPUT"}},
       {"mangle", {"PREROUTING", "POSTROUTING", "INPUT", "OUTPUT", "FORWARD"}},
       {"nat", {"PREROUTING", "POSTROUTING", "OUTPUT"}},
       {"filter", {"INPUT", "OUTPUT", "FORWARD"}}}};
  return tables;
}

const Tables& eb_tables() {
  static const Tables tables{{"broute", "nat", "filter"},
                             {{"broute", {"BROUTING"}},
                              {"nat", {"PREROUTING", "POSTROUTING", "OUTPUT"}},
                              {"filter", {"INPUT", "OUTPUT", "FORWARD"}}}};
  return tables;
}

const Tables& tables_of(const std::string& ipv) { return ipv == "eb" ? eb_tables() : ip_tables(); }

bool shell_safe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

std::string joined_reprs(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += python_repr(items[i]);
  }
  return out;
}

}  // namespace

bool DirectConfig::add(const DirectChain& chain) {
  return add_grouped(chains, chain, [](const DirectChain& a, const DirectChain& b) {
    return a.ipv == b.ipv && a.table == b.table;
  });
}

bool DirectConfig::add(const DirectRule& rule) {
  return add_grouped(rules, rule, [](const DirectRule& a, const DirectRule& b) {
    return a.ipv == b.ipv && a.table == b.table && a.chain == b.chain;
  });
}

bool DirectConfig::add(const DirectPassthrough& passthrough) {
  return add_grouped(
      passthroughs, passthrough,
      [](const DirectPassthrough& a, const DirectPassthrough& b) { return a.ipv == b.ipv; });
}

bool DirectConfig::remove(const DirectChain& chain) { return remove_item(chains, chain); }
bool DirectConfig::remove(const DirectRule& rule) { return remove_item(rules, rule); }
bool DirectConfig::remove(const DirectPassthrough& p) { return remove_item(passthroughs, p); }
bool DirectConfig::has(const DirectChain& chain) const { return has_item(chains, chain); }
bool DirectConfig::has(const DirectRule& rule) const { return has_item(rules, rule); }
bool DirectConfig::has(const DirectPassthrough& p) const { return has_item(passthroughs, p); }

Status check_ipv(const std::string& ipv) {
  if (ipv == "ipv4" || ipv == "ipv6" || ipv == "eb") return ok();
  return fail(Code::INVALID_IPV, "'" + ipv + "' not in '['ipv4', 'ipv6', 'eb']'");
}

Status check_ipv_table(const std::string& ipv, const std::string& table) {
  if (Status st = check_ipv(ipv); !st) return st;
  const Tables& tables = tables_of(ipv);
  if (tables.builtin.count(table)) return ok();
  return fail(Code::INVALID_TABLE,
              "'" + table + "' not in 'dict_keys(" + python_list_repr(tables.names) + ")'");
}

bool is_builtin_chain(const std::string& ipv, const std::string& table, const std::string& chain) {
  const Tables& tables = tables_of(ipv);
  auto it = tables.builtin.find(table);
  return it != tables.builtin.end() &&
         std::find(it->second.begin(), it->second.end(), chain) != it->second.end();
}

const std::vector<std::string>& direct_tables(const std::string& ipv) {
  return tables_of(ipv).names;
}

Result<std::vector<std::string>> split_args(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\\') {
      if (++i == text.size()) return fail(Code::INVALID_VALUE, "No escaped character");
      word += text[i];
      in_word = true;
    } else if (c == '\'' || c == '"') {
      in_word = true;
      for (++i;; ++i) {
        if (i == text.size()) return fail(Code::INVALID_VALUE, "No closing quotation");
        if (text[i] == c) break;
        // Inside double quotes a backslash escapes only '"' and '\'.
        if (c == '"' && text[i] == '\\' && i + 1 < text.size() &&
            (text[i + 1] == '"' || text[i + 1] == '\\')) {
          ++i;
        }
        word += text[i];
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::string join_args(const std::vector<std::string>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ' ';
    const std::string& a = args[i];
    if (!a.empty() && std::all_of(a.begin(), a.end(), shell_safe)) {
      out += a;
      continue;
    }
    out += '\'';
    for (char c : a) out += c == '\'' ? std::string("'\"'\"'") : std::string(1, c);
    out += '\'';
  }
  return out;
}

std::string python_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  char quote = has_single && text.find('"') == std::string_view::npos ? '"' : '\'';
  static const char* hex = "0123456789abcdef";
  std::string out(1, quote);
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '\\' || ch == quote) {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

std::string python_list_repr(const std::vector<std::string>& items) {
  return "[" + joined_reprs(items) + "]";
}

std::string python_tuple_repr(const std::vector<std::string>& items) {
  return "(" + joined_reprs(items) + (items.size() == 1 ? ",)" : ")");
}

}  // namespace fwctl::model
