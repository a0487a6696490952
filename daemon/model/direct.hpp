#pragma once
// The direct configuration (firewalld.direct(5)): chains, rules and passthroughs handed to
// iptables, ip6tables and ebtables as they are. The same shape serves the permanent one
// (direct.xml) and the runtime one.
//
// Order is firewalld's: its dictionaries group entries by key ((ipv, table) for chains,
// (ipv, table, chain) for rules, ipv for passthroughs) in the order each key first appeared, and
// keep insertion order inside a group; a group that empties is forgotten. add_* reproduces that,
// so that getAllRules and the written file list entries as firewalld does.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace fwctl::model {

struct DirectChain {
  std::string ipv, table, chain;
  bool operator==(const DirectChain&) const = default;
};

struct DirectRule {
  std::string ipv, table, chain;
  int priority = 0;
  std::vector<std::string> args;
  bool operator==(const DirectRule&) const = default;
};

struct DirectPassthrough {
  std::string ipv;
  std::vector<std::string> args;
  bool operator==(const DirectPassthrough&) const = default;
};

struct DirectConfig {
  std::vector<DirectChain> chains;
  std::vector<DirectRule> rules;
  std::vector<DirectPassthrough> passthroughs;

  // Each adds in firewalld's grouped order; false (nothing added) when already there.
  bool add(const DirectChain& chain);
  bool add(const DirectRule& rule);
  bool add(const DirectPassthrough& passthrough);
  // Each removes; false when it was not there.
  bool remove(const DirectChain& chain);
  bool remove(const DirectRule& rule);
  bool remove(const DirectPassthrough& passthrough);
  bool has(const DirectChain& chain) const;
  bool has(const DirectRule& rule) const;
  bool has(const DirectPassthrough& passthrough) const;
  bool empty() const { return chains.empty() && rules.empty() && passthroughs.empty(); }
  bool operator==(const DirectConfig&) const = default;
};

// INVALID_IPV "'ipv5' not in '['ipv4', 'ipv6', 'eb']'".
Status check_ipv(const std::string& ipv);
// check_ipv, then INVALID_TABLE "'foo' not in 'dict_keys(['security', 'raw', 'mangle', 'nat',
// 'filter'])'" (ebtables: broute, nat, filter).
Status check_ipv_table(const std::string& ipv, const std::string& table);
// True when `chain` is a built-in chain of `table` for `ipv` (INPUT, PREROUTING, ...).
bool is_builtin_chain(const std::string& ipv, const std::string& table, const std::string& chain);
// The tables of `ipv`, in firewalld's order (what get_available_tables probes).
const std::vector<std::string>& direct_tables(const std::string& ipv);

// Python's shlex.split() (POSIX mode, no comments): how direct.xml's text becomes arguments.
// INVALID_VALUE "No closing quotation" / "No escaped character" where shlex raises.
Result<std::vector<std::string>> split_args(std::string_view text);
// " ".join(shlex.quote(a) for a in args): how arguments become direct.xml's text.
std::string join_args(const std::vector<std::string>& args);

// Python's repr() of a str, a list of str and a tuple of str: firewalld's messages print them.
std::string python_repr(std::string_view text);
std::string python_list_repr(const std::vector<std::string>& items);
std::string python_tuple_repr(const std::vector<std::string>& items);

}  // namespace fwctl::model
