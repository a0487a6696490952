// Table-level printing: chains, sets, ct helpers and tables as `nft list ruleset` lays them out.

#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler/ir.hpp"

namespace fwctl::compiler {
namespace {

struct StdPriority {
  const char* name;
  int level;
  const char* only_hook;  // nullptr: valid for every hook
};

// nft's standard priority names for the ip/ip6/inet families; dstnat and srcnat exist only on
// their own hooks, which is why nat OUTPUT at -90 prints as a plain number.
constexpr StdPriority kStdPriorities[] = {
    {"raw", -300, nullptr}, {"mangle", -150, nullptr}, {"dstnat", -100, "prerouting"},
    {"filter", 0, nullptr}, {"security", 50, nullptr}, {"srcnat", 100, "postrouting"},
};

// nft names a priority within 10 of a standard one relative to that name.
std::string priority_text(const std::string& hook, int priority) {
  for (const auto& std_prio : kStdPriorities) {
    if (std_prio.only_hook && hook != std_prio.only_hook) continue;
    int offset = priority - std_prio.level;
    if (std::abs(offset) > 10) continue;
    if (offset == 0) return std_prio.name;
    return std::string(std_prio.name) + (offset > 0 ? " + " : " - ") +
           std::to_string(std::abs(offset));
  }
  return std::to_string(priority);
}

std::string element_text(const std::vector<Value>& element) {
  std::string out;
  for (size_t i = 0; i < element.size(); ++i) out += (i ? " . " : "") + to_text(element[i]);
  return out;
}

// How many elements of a named set nft prints on one line: its calculate_delim() in
// src/expression.c keys this on the datatype of the set's key. A concatenation, an IPv6
// address, an interface name or a MAC address gets a line of its own.
size_t elements_per_line(const std::vector<std::string>& type) {
  static constexpr std::string_view kFivePerLine[] = {
      "nf_proto", "integer",      "arp_op", "inet_proto",  "inet_service",
      "tcp_flag", "dccp_pkttype", "mark",   "iface_index", "classid",
      "uid",      "gid",          "ct_dir"};
  static constexpr std::string_view kTwoPerLine[] = {"ipv4_addr", "ct_state", "ct_status",
                                                     "pkt_type"};
  if (type.size() != 1) return 1;
  for (const auto& name : kFivePerLine) {
    if (type[0] == name) return 5;
  }
  for (const auto& name : kTwoPerLine) {
    if (type[0] == name) return 2;
  }
  return 1;
}

// elements = { a, b,
//              c }
std::string elements_text(const Set& set) {
  const size_t per_line = elements_per_line(set.type);
  std::string out = "\t\telements = { ";
  for (size_t i = 0; i < set.elements.size(); ++i) {
    if (i) out += i % per_line ? ", " : ",\n\t\t\t     ";
    out += element_text(set.elements[i]);
  }
  return out + " }\n";
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

}  // namespace

const Chain* Table::find_chain(const std::string& chain_name) const {
  for (const auto& chain : chains) {
    if (chain.name == chain_name) return &chain;
  }
  return nullptr;
}

// type filter hook prerouting priority mangle + 10; policy accept;
std::string to_text(const BaseHook& hook) {
  return "type " + hook.type + " hook " + hook.hook + " priority " +
         priority_text(hook.hook, hook.priority) + "; policy " + hook.policy + ";";
}

std::string to_text(const Chain& chain) {
  std::string out = "\tchain " + chain.name + " {\n";
  if (chain.base) out += "\t\t" + to_text(*chain.base) + "\n";
  for (const auto& rule : chain.rules) out += "\t\t" + to_text(rule) + "\n";
  return out + "\t}\n";
}

std::string to_text(const Set& set) {
  std::string out = "\tset " + set.name + " {\n";
  out += "\t\ttype " + join(set.type, " . ") + "\n";
  if (!set.flags.empty()) out += "\t\tflags " + join(set.flags, ",") + "\n";
  if (!set.elements.empty()) out += elements_text(set);
  return out + "\t}\n";
}

std::string to_text(const CtHelper& helper) {
  return "\tct helper " + helper.name + " {\n\t\ttype \"" + helper.type + "\" protocol " +
         helper.protocol + "\n\t\tl3proto " + helper.l3proto + "\n\t}\n";
}

// flowtable fastpath {
//         hook ingress priority filter + 10
//         devices = { eth0, eth1 }
// }
std::string to_text(const Flowtable& flowtable) {
  std::string out = "\tflowtable " + flowtable.name + " {\n";
  out += "\t\thook " + flowtable.hook + " priority " + priority_text("", flowtable.priority) + "\n";
  if (!flowtable.devices.empty()) {
    out += "\t\tdevices = { " + join(flowtable.devices, ", ") + " }\n";
  }
  return out + "\t}\n";
}

// Flags, then objects, sets, flowtables and chains, each block separated by an empty line.
// (nft adds "# progname NAME" to the first line of an owned table, which the IR cannot know.)
std::string to_text(const Table& table) {
  std::vector<std::string> blocks;
  if (!table.flags.empty()) blocks.push_back("\tflags " + join(table.flags, ",") + "\n");
  for (const auto& h : table.ct_helpers) blocks.push_back(to_text(h));
  for (const auto& s : table.sets) blocks.push_back(to_text(s));
  for (const auto& f : table.flowtables) blocks.push_back(to_text(f));
  for (const auto& c : table.chains) blocks.push_back(to_text(c));
  return "table " + table.family + " " + table.name + " {\n" + join(blocks, "\n") + "}\n";
}

std::string to_text(const Ruleset& ruleset) {
  std::string out;
  for (const auto& table : ruleset.tables) out += to_text(table);
  return out;
}

}  // namespace fwctl::compiler
