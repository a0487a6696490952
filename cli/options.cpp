#include "options.hpp"

#include <algorithm>
#include <map>

namespace fwctl::cli {
namespace {

using K = argparse::Kind;

// Generated from /usr/bin/firewall-cmd's parser (its _actions and _mutually_exclusive_groups),
// then fwctl's own options, which are in no group.
const std::vector<argparse::Option> kTable = {
    {{"-v", "--verbose"}, K::Flag, 0, 0},
    {{"-q", "--quiet"}, K::Flag, 0, 0},
    {{"-h", "--help"}, K::Flag, 1, 0},
    {{"-V", "--version"}, K::Flag, 1, 0},
    {{"--state"}, K::Flag, 1, 0},
    {{"--reload"}, K::Flag, 1, 0},
    {{"--complete-reload"}, K::Flag, 1, 0},
    {{"--runtime-to-permanent"}, K::Flag, 1, 0},
    {{"--reset-to-defaults"}, K::Flag, 1, 0},
    {{"--check-config"}, K::Flag, 1, 0},
    {{"--get-ipset-types"}, K::Flag, 1, 0},
    {{"--get-log-denied"}, K::Flag, 1, 0},
    {{"--set-log-denied"}, K::Value, 1, 0},
    {{"--get-automatic-helpers"}, K::Flag, 1, 0},
    {{"--set-automatic-helpers"}, K::Value, 1, 0},
    {{"--panic-on"}, K::Flag, 1, 0},
    {{"--panic-off"}, K::Flag, 1, 0},
    {{"--query-panic"}, K::Flag, 1, 0},
    {{"--lockdown-on"}, K::Flag, 1, 0},
    {{"--lockdown-off"}, K::Flag, 1, 0},
    {{"--query-lockdown"}, K::Flag, 1, 0},
    {{"--get-default-zone"}, K::Flag, 1, 0},
    {{"--set-default-zone"}, K::Value, 1, 0},
    {{"--get-zones"}, K::Flag, 1, 0},
    {{"--get-policies"}, K::Flag, 1, 0},
    {{"--get-services"}, K::Flag, 1, 0},
    {{"--get-icmptypes"}, K::Flag, 1, 0},
    {{"--get-active-zones"}, K::Flag, 1, 0},
    {{"--get-active-policies"}, K::Flag, 1, 0},
    {{"--get-zone-of-interface"}, K::Append, 1, 0},
    {{"--get-zone-of-source"}, K::Append, 1, 0},
    {{"--list-all-zones"}, K::Flag, 1, 0},
    {{"--list-all-policies"}, K::Flag, 1, 0},
    {{"--info-zone"}, K::Value, 1, 0},
    {{"--info-policy"}, K::Value, 1, 0},
    {{"--info-service"}, K::Value, 1, 0},
    {{"--info-icmptype"}, K::Value, 1, 0},
    {{"--info-ipset"}, K::Value, 1, 0},
    {{"--info-helper"}, K::Value, 1, 0},
    {{"--new-icmptype"}, K::Value, 2, 0},
    {{"--new-icmptype-from-file"}, K::Value, 2, 0},
    {{"--delete-icmptype"}, K::Value, 2, 0},
    {{"--load-icmptype-defaults"}, K::Value, 2, 0},
    {{"--new-service"}, K::Value, 2, 0},
    {{"--new-service-from-file"}, K::Value, 2, 0},
    {{"--delete-service"}, K::Value, 2, 0},
    {{"--load-service-defaults"}, K::Value, 2, 0},
    {{"--new-zone"}, K::Value, 2, 0},
    {{"--new-zone-from-file"}, K::Value, 2, 0},
    {{"--delete-zone"}, K::Value, 2, 0},
    {{"--load-zone-defaults"}, K::Value, 2, 0},
    {{"--new-policy"}, K::Value, 2, 0},
    {{"--new-policy-from-file"}, K::Value, 2, 0},
    {{"--delete-policy"}, K::Value, 2, 0},
    {{"--load-policy-defaults"}, K::Value, 2, 0},
    {{"--new-ipset"}, K::Value, 2, 0},
    {{"--new-ipset-from-file"}, K::Value, 2, 0},
    {{"--delete-ipset"}, K::Value, 2, 0},
    {{"--load-ipset-defaults"}, K::Value, 2, 0},
    {{"--new-helper"}, K::Value, 2, 0},
    {{"--new-helper-from-file"}, K::Value, 2, 0},
    {{"--delete-helper"}, K::Value, 2, 0},
    {{"--load-helper-defaults"}, K::Value, 2, 0},
    {{"--path-zone"}, K::Value, 2, 0},
    {{"--path-policy"}, K::Value, 2, 0},
    {{"--path-service"}, K::Value, 2, 0},
    {{"--path-icmptype"}, K::Value, 2, 0},
    {{"--path-ipset"}, K::Value, 2, 0},
    {{"--path-helper"}, K::Value, 2, 0},
    {{"--name"}, K::Value, -1, 0},
    {{"--list-lockdown-whitelist-commands"}, K::Flag, 3, 0},
    {{"--add-lockdown-whitelist-command"}, K::Append, 3, 0},
    {{"--remove-lockdown-whitelist-command"}, K::Append, 3, 0},
    {{"--query-lockdown-whitelist-command"}, K::Append, 3, 0},
    {{"--list-lockdown-whitelist-contexts"}, K::Flag, 3, 0},
    {{"--add-lockdown-whitelist-context"}, K::Append, 3, 0},
    {{"--remove-lockdown-whitelist-context"}, K::Append, 3, 0},
    {{"--query-lockdown-whitelist-context"}, K::Append, 3, 0},
    {{"--list-lockdown-whitelist-uids"}, K::Flag, 3, 0},
    {{"--add-lockdown-whitelist-uid"}, K::AppendInt, 3, 0},
    {{"--remove-lockdown-whitelist-uid"}, K::AppendInt, 3, 0},
    {{"--query-lockdown-whitelist-uid"}, K::AppendInt, 3, 0},
    {{"--list-lockdown-whitelist-users"}, K::Flag, 3, 0},
    {{"--add-lockdown-whitelist-user"}, K::Append, 3, 0},
    {{"--remove-lockdown-whitelist-user"}, K::Append, 3, 0},
    {{"--query-lockdown-whitelist-user"}, K::Append, 3, 0},
    {{"--permanent"}, K::Flag, -1, 0},
    {{"--zone"}, K::Value, -1, 0},
    {{"--policy"}, K::Value, -1, 0},
    {{"--policy-set"}, K::Value, -1, 0, true},  // firewalld 2.4
    {{"--timeout"}, K::Value, -1, 0},
    {{"--add-interface"}, K::Append, 4, 0},
    {{"--remove-interface"}, K::Append, 4, 0},
    {{"--query-interface"}, K::Append, 4, 0},
    {{"--change-interface", "--change-zone"}, K::Append, 4, 0},
    {{"--list-interfaces"}, K::Flag, 4, 0},
    {{"--add-source"}, K::Append, 4, 0},
    {{"--remove-source"}, K::Append, 4, 0},
    {{"--query-source"}, K::Append, 4, 0},
    {{"--change-source"}, K::Append, 4, 0},
    {{"--list-sources"}, K::Flag, 4, 0},
    {{"--add-ingress-zone"}, K::Append, 4, 0},
    {{"--remove-ingress-zone"}, K::Append, 4, 0},
    {{"--query-ingress-zone"}, K::Append, 4, 0},
    {{"--list-ingress-zones"}, K::Flag, 4, 0},
    {{"--add-egress-zone"}, K::Append, 4, 0},
    {{"--remove-egress-zone"}, K::Append, 4, 0},
    {{"--query-egress-zone"}, K::Append, 4, 0},
    {{"--list-egress-zones"}, K::Flag, 4, 0},
    {{"--add-rich-rule"}, K::Append, 4, 0},
    {{"--remove-rich-rule"}, K::Append, 4, 0},
    {{"--query-rich-rule"}, K::Append, 4, 0},
    {{"--add-service"}, K::Append, 4, 0},
    {{"--remove-service"}, K::Append, 4, 0},
    {{"--query-service"}, K::Append, 4, 0},
    {{"--add-port"}, K::Append, 4, 0},
    {{"--remove-port"}, K::Append, 4, 0},
    {{"--query-port"}, K::Append, 4, 0},
    {{"--add-protocol"}, K::Append, 4, 0},
    {{"--remove-protocol"}, K::Append, 4, 0},
    {{"--query-protocol"}, K::Append, 4, 0},
    {{"--add-source-port"}, K::Append, 4, 0},
    {{"--remove-source-port"}, K::Append, 4, 0},
    {{"--query-source-port"}, K::Append, 4, 0},
    {{"--add-forward"}, K::Flag, 4, 0},
    {{"--remove-forward"}, K::Flag, 4, 0},
    {{"--query-forward"}, K::Flag, 4, 0},
    {{"--add-masquerade"}, K::Flag, 4, 0},
    {{"--remove-masquerade"}, K::Flag, 4, 0},
    {{"--query-masquerade"}, K::Flag, 4, 0},
    // firewalld 2.4: the policy disable flag
    {{"--add-disable"}, K::Flag, 4, 0, true},
    {{"--remove-disable"}, K::Flag, 4, 0, true},
    {{"--query-disable"}, K::Flag, 4, 0, true},
    {{"--add-icmp-block"}, K::Append, 4, 0},
    {{"--remove-icmp-block"}, K::Append, 4, 0},
    {{"--query-icmp-block"}, K::Append, 4, 0},
    {{"--add-icmp-block-inversion"}, K::Flag, 4, 0},
    {{"--remove-icmp-block-inversion"}, K::Flag, 4, 0},
    {{"--query-icmp-block-inversion"}, K::Flag, 4, 0},
    {{"--add-forward-port"}, K::Append, 4, 0},
    {{"--remove-forward-port"}, K::Append, 4, 0},
    {{"--query-forward-port"}, K::Append, 4, 0},
    {{"--list-rich-rules"}, K::Flag, 4, 0},
    {{"--list-services"}, K::Flag, 4, 0},
    {{"--list-ports"}, K::Flag, 4, 0},
    {{"--list-protocols"}, K::Flag, 4, 0},
    {{"--list-icmp-blocks"}, K::Flag, 4, 0},
    {{"--list-forward-ports"}, K::Flag, 4, 0},
    {{"--list-source-ports"}, K::Flag, 4, 0},
    {{"--list-all"}, K::Flag, 4, 0},
    {{"--get-target"}, K::Flag, 4, 0},
    {{"--set-target"}, K::Value, 4, 0},
    {{"--get-priority"}, K::Flag, 4, 0},
    {{"--set-priority"}, K::Value, 4, 0},
    // firewalld 2.0: zone priorities (2.x options are matched only when spelled out)
    {{"--get-ingress-priority"}, K::Flag, 4, 0, true},
    {{"--set-ingress-priority"}, K::Value, 4, 0, true},
    {{"--get-egress-priority"}, K::Flag, 4, 0, true},
    {{"--set-egress-priority"}, K::Value, 4, 0, true},
    {{"--option"}, K::Append, -1, 0},
    {{"--type"}, K::Value, -1, 0},
    {{"--ipset"}, K::Value, -1, 0},
    {{"--get-ipsets"}, K::Flag, 5, 0},
    {{"--add-entry"}, K::Append, 5, 0},
    {{"--remove-entry"}, K::Append, 5, 0},
    {{"--query-entry"}, K::Append, 5, 0},
    {{"--get-entries"}, K::Flag, 5, 0},
    {{"--add-entries-from-file"}, K::Append, 5, 0},
    {{"--remove-entries-from-file"}, K::Append, 5, 0},
    {{"--icmptype"}, K::Value, -1, 0},
    {{"--add-destination"}, K::Append, 6, 0},
    {{"--remove-destination"}, K::Append, 6, 0},
    {{"--query-destination"}, K::Append, 6, 0},
    {{"--get-destinations"}, K::Flag, 6, 0},
    {{"--service"}, K::Value, -1, 0},
    {{"--get-ports"}, K::Flag, 7, 0},
    {{"--get-source-ports"}, K::Flag, 7, 0},
    {{"--get-protocols"}, K::Flag, 7, 0},
    {{"--add-module"}, K::Append, 7, 0},
    {{"--remove-module"}, K::Append, 7, 0},
    {{"--query-module"}, K::Append, 7, 0},
    {{"--get-modules"}, K::Flag, 7, 0},
    {{"--add-helper"}, K::Append, 7, 0},
    {{"--remove-helper"}, K::Append, 7, 0},
    {{"--query-helper"}, K::Append, 7, 0},
    {{"--get-service-helpers"}, K::Flag, 7, 0},
    {{"--add-include"}, K::Append, 7, 0},
    {{"--remove-include"}, K::Append, 7, 0},
    {{"--query-include"}, K::Append, 7, 0},
    {{"--get-includes"}, K::Flag, 7, 0},
    {{"--set-destination"}, K::Append, 7, 0},
    {{"--get-destination"}, K::Flag, 7, 0},
    {{"--set-description"}, K::Value, 7, 0},
    {{"--get-description"}, K::Flag, 7, 0},
    {{"--set-short"}, K::Value, 7, 0},
    {{"--get-short"}, K::Flag, 7, 0},
    {{"--helper"}, K::Value, -1, 0},
    {{"--family"}, K::Value, -1, 0},
    {{"--module"}, K::Value, -1, 0},
    {{"--get-helpers"}, K::Flag, 8, 0},
    {{"--set-module"}, K::Value, 8, 0},
    {{"--get-module"}, K::Flag, 8, 0},
    {{"--set-family"}, K::Star, 8, 0},
    {{"--get-family"}, K::Flag, 8, 0},
    {{"--direct"}, K::Flag, -1, 0},
    {{"--passthrough"}, K::Remainder, 9, 0},
    {{"--add-passthrough"}, K::Remainder, 9, 0},
    {{"--remove-passthrough"}, K::Remainder, 9, 0},
    {{"--query-passthrough"}, K::Remainder, 9, 0},
    {{"--get-passthroughs"}, K::NArgs, 9, 1},
    {{"--get-all-passthroughs"}, K::Flag, 9, 0},
    {{"--add-chain"}, K::NArgs, 9, 3},
    {{"--remove-chain"}, K::NArgs, 9, 3},
    {{"--query-chain"}, K::NArgs, 9, 3},
    {{"--get-all-chains"}, K::Flag, 9, 0},
    {{"--get-chains"}, K::NArgs, 9, 2},
    {{"--add-rule"}, K::Remainder, 9, 0},
    {{"--remove-rule"}, K::Remainder, 9, 0},
    {{"--remove-rules"}, K::NArgs, 9, 3},
    {{"--query-rule"}, K::Remainder, 9, 0},
    {{"--get-rules"}, K::NArgs, 9, 3},
    {{"--get-all-rules"}, K::Flag, 9, 0},
    // fwctl's own.
    {{"--offline"}, K::Flag, -1, 0},
    {{"--default-config"}, K::Value, -1, 0},
    {{"--system-config"}, K::Value, -1, 0},
    {{"--json"}, K::Flag, -1, 0},           // json_sink.hpp
    {{"--explain"}, K::Flag, -1, 0},        // explain.hpp
    {{"--why"}, K::Value, -1, 0},           // why.hpp
    {{"--confirm"}, K::Star, -1, 0},        // confirm.hpp: bare, or --confirm=TIME
    {{"--counters"}, K::Flag, -1, 0},       // counters.hpp
    {{"--zero-counters"}, K::Flag, -1, 0},  // counters.hpp
    {{"--trace"}, K::Star, -1, 0},          // trace.hpp: bare, or --trace=PACKET
    {{"--count"}, K::Value, -1, 0},         // trace.hpp
};

using Index = std::map<std::string, size_t, std::less<>>;

// The dest → position map of each table in use (there are two: firewall-cmd's and
// firewall-offline-cmd's), built once.
const Index& dest_index(const std::vector<argparse::Option>* table) {
  static std::map<const void*, Index> indexes;
  auto [it, added] = indexes.try_emplace(table);
  if (added)
    for (size_t i = 0; i < table->size(); ++i) it->second.emplace((*table)[i].dest(), i);
  return it->second;
}

// The position of `dest` in `table`, or npos when only firewall-cmd's table has it.
size_t index_of(const std::vector<argparse::Option>* table, std::string_view dest) {
  const Index& index = dest_index(table);
  if (auto it = index.find(dest); it != index.end()) return it->second;
  if (table == &kTable || !dest_index(&kTable).count(dest))
    std::abort();  // a typo in fwctl's code, not user input
  return std::string_view::npos;
}

const argparse::Value& absent() {
  static const argparse::Value none;
  return none;
}

}  // namespace

const std::vector<argparse::Option>& option_table() { return kTable; }

Args::Args(argparse::Parsed parsed, const std::vector<argparse::Option>* table)
    : parsed_(std::move(parsed)), table_(table) {}

const argparse::Value* Args::value(std::string_view dest) const {
  size_t i = index_of(table_, dest);
  return i == std::string_view::npos ? nullptr : &parsed_.values[i];
}
argparse::Value& Args::value(std::string_view dest) {
  size_t i = index_of(table_, dest);
  if (i == std::string_view::npos) std::abort();  // setting an option this command line lacks
  return parsed_.values[i];
}

bool Args::given(std::string_view dest) const {
  const auto* v = value(dest);
  return v && v->seen;
}

bool Args::t(std::string_view dest) const {
  const auto* v = value(dest);
  if (!v || !v->seen) return false;
  switch ((*table_)[index_of(table_, dest)].kind) {
    case K::Flag:
      return true;
    case K::Value:
      return !v->values.empty() && !v->values.back().empty();
    default:
      return !v->values.empty();
  }
}

std::string Args::str(std::string_view dest) const {
  const auto* v = value(dest);
  if (v && v->seen && !v->values.empty()) return v->values.back();
  return dest == "timeout" ? "0" : "";
}

const std::vector<std::string>& Args::list(std::string_view dest) const {
  const auto* v = value(dest);
  return v ? v->values : absent().values;
}

void Args::set(std::string_view dest, std::string value_text) {
  set_list(dest, {std::move(value_text)});
}

void Args::set_list(std::string_view dest, std::vector<std::string> values) {
  auto& v = value(dest);
  v.seen = true;
  v.values = std::move(values);
}

void Args::clear(std::string_view dest) { value(dest) = {}; }

std::vector<std::string> join_remainder_args(std::vector<std::string> argv) {
  if (argv.empty()) return argv;
  auto at = [&](const char* name) {
    auto it = std::find(argv.begin(), argv.end(), name);
    return it == argv.end() ? -1L : static_cast<long>(it - argv.begin());
  };
  long i = -1;
  for (const char* name :
       {"--passthrough", "--add-passthrough", "--remove-passthrough", "--query-passthrough"}) {
    if (long p = at(name); p >= 0) {
      i = p + 1;
      break;
    }
  }
  if (i < 0) {
    for (const char* name : {"--add-rule", "--remove-rule", "--query-rule"}) {
      if (long p = at(name); p >= 0) {
        i = p + 4;
        break;
      }
    }
  }
  if (i < 0 || i >= static_cast<long>(argv.size()) - 1) return argv;
  std::vector<std::string> out(argv.begin(), argv.begin() + i + 1);
  out.push_back(argparse::join_args({argv.begin() + i + 1, argv.end()}));
  return out;
}

Result<Args> parse_command_line(const std::vector<std::string>& argv) {
  auto parsed = argparse::parse(kTable, join_remainder_args(argv));
  if (!parsed) return parsed;
  return Args(std::move(*parsed));
}

std::string format_usage(const std::string& prog) {
  return "usage: '" + prog + " --help' for usage information or see " + prog + "(1) man page\n";
}

}  // namespace fwctl::cli
