#pragma once
// The one table of fwctl's command-line options: firewall-cmd 1.3.3's, firewall-offline-cmd
// 1.3.3's and fwctl's own, each row marked with the command lines that accept it. The argparse
// tables of the two command lines (options.hpp, offline_cmd_options.hpp) are its rows for that
// command line, in table order; code names an option by its dest through Dest, which is looked up
// here at compile time, so that a misspelt dest is a compile error instead of an abort.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "argparse.hpp"

namespace fwctl::cli {

// The command lines that accept an option (a bit mask).
enum CommandLines : std::uint8_t {
  kCmd = 1,         // firewall-cmd's (options.hpp)
  kOfflineCmd = 2,  // firewall-offline-cmd's, also `fwctl --offline` (offline_cmd_options.hpp)
  kBoth = kCmd | kOfflineCmd,
};

struct OptionRow {
  CommandLines lines;
  std::array<std::string_view, 2> names;  // option strings in argparse's order; names[1] may be ""
  argparse::Kind kind;
  int group;           // mutually exclusive group of that command line, -1 for none
  int nargs = 0;       // for Kind::NArgs
  bool exact = false;  // see argparse::Option::exact

  // "add_port" for --add-port: the first long name without its dashes, '-' as '_'.
  constexpr std::string_view dest_name() const {
    for (std::string_view n : names)
      if (n.size() > 2 && n[1] == '-') return n.substr(2);
    return names[0].substr(1);
  }
  // dest_name() == `dest`, where `dest` spells '-' as '_'.
  constexpr bool has_dest(std::string_view dest) const {
    std::string_view name = dest_name();
    if (name.size() != dest.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
      if ((name[i] == '-' ? '_' : name[i]) != dest[i]) return false;
    return true;
  }
};

namespace option_rows {
using K = argparse::Kind;

// Generated from /usr/bin/firewall-cmd's and /usr/bin/firewall-offline-cmd's parsers (their
// _actions and _mutually_exclusive_groups), then fwctl's own options, which are in no group.
// Each command line's rows are in its parser's order, which decides how abbreviations resolve
// and how "ambiguous option" lists its matches. Where the two parsers put an option in another
// place or give it another kind or group (--check-config, --reset-to-defaults, --service,
// --remove-service, --system-config, --default-config), it has a row for each.
inline constexpr OptionRow kRows[] = {
    {kBoth, {"-v", "--verbose"}, K::Flag, 0},
    {kBoth, {"-q", "--quiet"}, K::Flag, 0},
    // firewall-offline-cmd's lokkit options
    {kOfflineCmd, {"--enabled"}, K::Flag, -1},
    {kOfflineCmd, {"--disabled"}, K::Flag, -1},
    {kOfflineCmd, {"--addmodule"}, K::Append, -1},
    {kOfflineCmd, {"--removemodule"}, K::Append, -1},
    {kOfflineCmd, {"--service", "-s"}, K::Append, -1},
    {kOfflineCmd, {"--remove-service"}, K::Append, -1},
    {kOfflineCmd, {"--port", "-p"}, K::Append, -1},
    {kOfflineCmd, {"--trust", "-t"}, K::Append, -1},
    {kOfflineCmd, {"--masq", "-m"}, K::Append, -1},
    {kOfflineCmd, {"--custom-rules"}, K::Append, -1},
    {kOfflineCmd, {"--forward-port"}, K::Append, -1},
    {kOfflineCmd, {"--block-icmp"}, K::Append, -1},
    {kOfflineCmd, {"--system-config"}, K::Value, -1},
    {kOfflineCmd, {"--default-config"}, K::Value, -1},
    {kOfflineCmd, {"--check-config"}, K::Flag, -1},
    {kBoth, {"-h", "--help"}, K::Flag, 1},
    {kBoth, {"-V", "--version"}, K::Flag, 1},
    {kCmd, {"--state"}, K::Flag, 1},
    {kCmd, {"--reload"}, K::Flag, 1},
    {kCmd, {"--complete-reload"}, K::Flag, 1},
    {kCmd, {"--runtime-to-permanent"}, K::Flag, 1},
    {kCmd, {"--reset-to-defaults"}, K::Flag, 1},
    {kCmd, {"--check-config"}, K::Flag, 1},
    {kCmd, {"--get-ipset-types"}, K::Flag, 1},
    {kBoth, {"--get-log-denied"}, K::Flag, 1},
    {kBoth, {"--set-log-denied"}, K::Value, 1},
    {kBoth, {"--get-automatic-helpers"}, K::Flag, 1},
    {kBoth, {"--set-automatic-helpers"}, K::Value, 1},
    {kCmd, {"--panic-on"}, K::Flag, 1},
    {kCmd, {"--panic-off"}, K::Flag, 1},
    {kCmd, {"--query-panic"}, K::Flag, 1},
    {kOfflineCmd, {"--policy-server"}, K::Flag, 1},
    {kOfflineCmd, {"--policy-desktop"}, K::Flag, 1},
    {kBoth, {"--lockdown-on"}, K::Flag, 1},
    {kBoth, {"--lockdown-off"}, K::Flag, 1},
    {kBoth, {"--query-lockdown"}, K::Flag, 1},
    {kOfflineCmd, {"--reset-to-defaults"}, K::Flag, 1},
    {kBoth, {"--get-default-zone"}, K::Flag, 1},
    {kBoth, {"--set-default-zone"}, K::Value, 1},
    {kBoth, {"--get-zones"}, K::Flag, 1},
    {kBoth, {"--get-policies"}, K::Flag, 1},
    {kBoth, {"--get-services"}, K::Flag, 1},
    {kBoth, {"--get-icmptypes"}, K::Flag, 1},
    {kCmd, {"--get-active-zones"}, K::Flag, 1},
    {kCmd, {"--get-active-policies"}, K::Flag, 1},
    {kBoth, {"--get-zone-of-interface"}, K::Append, 1},
    {kBoth, {"--get-zone-of-source"}, K::Append, 1},
    {kBoth, {"--list-all-zones"}, K::Flag, 1},
    {kBoth, {"--list-all-policies"}, K::Flag, 1},
    {kBoth, {"--info-zone"}, K::Value, 1},
    {kBoth, {"--info-policy"}, K::Value, 1},
    {kBoth, {"--info-service"}, K::Value, 1},
    {kBoth, {"--info-icmptype"}, K::Value, 1},
    {kBoth, {"--info-ipset"}, K::Value, 1},
    {kBoth, {"--info-helper"}, K::Value, 1},
    {kBoth, {"--new-icmptype"}, K::Value, 2},
    {kBoth, {"--new-icmptype-from-file"}, K::Value, 2},
    {kBoth, {"--delete-icmptype"}, K::Value, 2},
    {kBoth, {"--load-icmptype-defaults"}, K::Value, 2},
    {kBoth, {"--new-service"}, K::Value, 2},
    {kBoth, {"--new-service-from-file"}, K::Value, 2},
    {kBoth, {"--delete-service"}, K::Value, 2},
    {kBoth, {"--load-service-defaults"}, K::Value, 2},
    {kBoth, {"--new-zone"}, K::Value, 2},
    {kBoth, {"--new-zone-from-file"}, K::Value, 2},
    {kBoth, {"--delete-zone"}, K::Value, 2},
    {kBoth, {"--load-zone-defaults"}, K::Value, 2},
    {kBoth, {"--new-policy"}, K::Value, 2},
    {kBoth, {"--new-policy-from-file"}, K::Value, 2},
    {kBoth, {"--delete-policy"}, K::Value, 2},
    {kBoth, {"--load-policy-defaults"}, K::Value, 2},
    {kBoth, {"--new-ipset"}, K::Value, 2},
    {kBoth, {"--new-ipset-from-file"}, K::Value, 2},
    {kBoth, {"--delete-ipset"}, K::Value, 2},
    {kBoth, {"--load-ipset-defaults"}, K::Value, 2},
    {kBoth, {"--new-helper"}, K::Value, 2},
    {kBoth, {"--new-helper-from-file"}, K::Value, 2},
    {kBoth, {"--delete-helper"}, K::Value, 2},
    {kBoth, {"--load-helper-defaults"}, K::Value, 2},
    {kBoth, {"--path-zone"}, K::Value, 2},
    {kBoth, {"--path-policy"}, K::Value, 2},
    {kBoth, {"--path-service"}, K::Value, 2},
    {kBoth, {"--path-icmptype"}, K::Value, 2},
    {kBoth, {"--path-ipset"}, K::Value, 2},
    {kBoth, {"--path-helper"}, K::Value, 2},
    {kBoth, {"--name"}, K::Value, -1},
    {kBoth, {"--list-lockdown-whitelist-commands"}, K::Flag, 3},
    {kBoth, {"--add-lockdown-whitelist-command"}, K::Append, 3},
    {kBoth, {"--remove-lockdown-whitelist-command"}, K::Append, 3},
    {kBoth, {"--query-lockdown-whitelist-command"}, K::Append, 3},
    {kBoth, {"--list-lockdown-whitelist-contexts"}, K::Flag, 3},
    {kBoth, {"--add-lockdown-whitelist-context"}, K::Append, 3},
    {kBoth, {"--remove-lockdown-whitelist-context"}, K::Append, 3},
    {kBoth, {"--query-lockdown-whitelist-context"}, K::Append, 3},
    {kBoth, {"--list-lockdown-whitelist-uids"}, K::Flag, 3},
    {kBoth, {"--add-lockdown-whitelist-uid"}, K::AppendInt, 3},
    {kBoth, {"--remove-lockdown-whitelist-uid"}, K::AppendInt, 3},
    {kBoth, {"--query-lockdown-whitelist-uid"}, K::AppendInt, 3},
    {kBoth, {"--list-lockdown-whitelist-users"}, K::Flag, 3},
    {kBoth, {"--add-lockdown-whitelist-user"}, K::Append, 3},
    {kBoth, {"--remove-lockdown-whitelist-user"}, K::Append, 3},
    {kBoth, {"--query-lockdown-whitelist-user"}, K::Append, 3},
    {kCmd, {"--permanent"}, K::Flag, -1},
    {kBoth, {"--zone"}, K::Value, -1},
    {kBoth, {"--policy"}, K::Value, -1},
    {kBoth, {"--policy-set"}, K::Value, -1, 0, true},  // firewalld 2.4
    {kCmd, {"--timeout"}, K::Value, -1},
    {kBoth, {"--add-interface"}, K::Append, 4},
    {kBoth, {"--remove-interface"}, K::Append, 4},
    {kBoth, {"--query-interface"}, K::Append, 4},
    {kBoth, {"--change-interface", "--change-zone"}, K::Append, 4},
    {kBoth, {"--list-interfaces"}, K::Flag, 4},
    {kBoth, {"--add-source"}, K::Append, 4},
    {kBoth, {"--remove-source"}, K::Append, 4},
    {kBoth, {"--query-source"}, K::Append, 4},
    {kBoth, {"--change-source"}, K::Append, 4},
    {kBoth, {"--list-sources"}, K::Flag, 4},
    {kBoth, {"--add-ingress-zone"}, K::Append, 4},
    {kBoth, {"--remove-ingress-zone"}, K::Append, 4},
    {kBoth, {"--query-ingress-zone"}, K::Append, 4},
    {kBoth, {"--list-ingress-zones"}, K::Flag, 4},
    {kBoth, {"--add-egress-zone"}, K::Append, 4},
    {kBoth, {"--remove-egress-zone"}, K::Append, 4},
    {kBoth, {"--query-egress-zone"}, K::Append, 4},
    {kBoth, {"--list-egress-zones"}, K::Flag, 4},
    {kBoth, {"--add-rich-rule"}, K::Append, 4},
    {kBoth, {"--remove-rich-rule"}, K::Append, 4},
    {kBoth, {"--query-rich-rule"}, K::Append, 4},
    {kBoth, {"--add-service"}, K::Append, 4},
    {kCmd, {"--remove-service"}, K::Append, 4},
    {kOfflineCmd, {"--remove-service-from-zone"}, K::Append, 4},
    {kOfflineCmd, {"--remove-service-from-policy"}, K::Append, 4},
    {kBoth, {"--query-service"}, K::Append, 4},
    {kBoth, {"--add-port"}, K::Append, 4},
    {kBoth, {"--remove-port"}, K::Append, 4},
    {kBoth, {"--query-port"}, K::Append, 4},
    {kBoth, {"--add-protocol"}, K::Append, 4},
    {kBoth, {"--remove-protocol"}, K::Append, 4},
    {kBoth, {"--query-protocol"}, K::Append, 4},
    {kBoth, {"--add-source-port"}, K::Append, 4},
    {kBoth, {"--remove-source-port"}, K::Append, 4},
    {kBoth, {"--query-source-port"}, K::Append, 4},
    {kBoth, {"--add-forward"}, K::Flag, 4},
    {kBoth, {"--remove-forward"}, K::Flag, 4},
    {kBoth, {"--query-forward"}, K::Flag, 4},
    {kBoth, {"--add-masquerade"}, K::Flag, 4},
    {kBoth, {"--remove-masquerade"}, K::Flag, 4},
    {kBoth, {"--query-masquerade"}, K::Flag, 4},
    // firewalld 2.4: the policy disable flag
    {kBoth, {"--add-disable"}, K::Flag, 4, 0, true},
    {kBoth, {"--remove-disable"}, K::Flag, 4, 0, true},
    {kBoth, {"--query-disable"}, K::Flag, 4, 0, true},
    {kBoth, {"--add-icmp-block"}, K::Append, 4},
    {kBoth, {"--remove-icmp-block"}, K::Append, 4},
    {kBoth, {"--query-icmp-block"}, K::Append, 4},
    {kBoth, {"--add-icmp-block-inversion"}, K::Flag, 4},
    {kBoth, {"--remove-icmp-block-inversion"}, K::Flag, 4},
    {kBoth, {"--query-icmp-block-inversion"}, K::Flag, 4},
    {kBoth, {"--add-forward-port"}, K::Append, 4},
    {kBoth, {"--remove-forward-port"}, K::Append, 4},
    {kBoth, {"--query-forward-port"}, K::Append, 4},
    {kBoth, {"--list-rich-rules"}, K::Flag, 4},
    {kBoth, {"--list-services"}, K::Flag, 4},
    {kBoth, {"--list-ports"}, K::Flag, 4},
    {kBoth, {"--list-protocols"}, K::Flag, 4},
    {kBoth, {"--list-icmp-blocks"}, K::Flag, 4},
    {kBoth, {"--list-forward-ports"}, K::Flag, 4},
    {kBoth, {"--list-source-ports"}, K::Flag, 4},
    {kBoth, {"--list-all"}, K::Flag, 4},
    {kBoth, {"--get-target"}, K::Flag, 4},
    {kBoth, {"--set-target"}, K::Value, 4},
    {kBoth, {"--get-priority"}, K::Flag, 4},
    {kBoth, {"--set-priority"}, K::Value, 4},
    // firewalld 2.0: zone priorities (2.x options are matched only when spelled out)
    {kBoth, {"--get-ingress-priority"}, K::Flag, 4, 0, true},
    {kBoth, {"--set-ingress-priority"}, K::Value, 4, 0, true},
    {kBoth, {"--get-egress-priority"}, K::Flag, 4, 0, true},
    {kBoth, {"--set-egress-priority"}, K::Value, 4, 0, true},
    {kBoth, {"--option"}, K::Append, -1},
    {kBoth, {"--type"}, K::Value, -1},
    {kBoth, {"--ipset"}, K::Value, -1},
    {kBoth, {"--get-ipsets"}, K::Flag, 5},
    {kBoth, {"--add-entry"}, K::Append, 5},
    {kBoth, {"--remove-entry"}, K::Append, 5},
    {kBoth, {"--query-entry"}, K::Append, 5},
    {kBoth, {"--get-entries"}, K::Flag, 5},
    {kBoth, {"--add-entries-from-file"}, K::Append, 5},
    {kBoth, {"--remove-entries-from-file"}, K::Append, 5},
    {kBoth, {"--icmptype"}, K::Value, -1},
    {kBoth, {"--add-destination"}, K::Append, 6},
    {kBoth, {"--remove-destination"}, K::Append, 6},
    {kBoth, {"--query-destination"}, K::Append, 6},
    {kBoth, {"--get-destinations"}, K::Flag, 6},
    {kCmd, {"--service"}, K::Value, -1},
    {kBoth, {"--get-ports"}, K::Flag, 7},
    {kBoth, {"--get-source-ports"}, K::Flag, 7},
    {kBoth, {"--get-protocols"}, K::Flag, 7},
    {kBoth, {"--add-module"}, K::Append, 7},
    {kBoth, {"--remove-module"}, K::Append, 7},
    {kBoth, {"--query-module"}, K::Append, 7},
    {kBoth, {"--get-modules"}, K::Flag, 7},
    {kBoth, {"--add-helper"}, K::Append, 7},
    {kBoth, {"--remove-helper"}, K::Append, 7},
    {kBoth, {"--query-helper"}, K::Append, 7},
    {kBoth, {"--get-service-helpers"}, K::Flag, 7},
    {kBoth, {"--add-include"}, K::Append, 7},
    {kBoth, {"--remove-include"}, K::Append, 7},
    {kBoth, {"--query-include"}, K::Append, 7},
    {kBoth, {"--get-includes"}, K::Flag, 7},
    {kBoth, {"--set-destination"}, K::Append, 7},
    {kBoth, {"--get-destination"}, K::Flag, 7},
    {kBoth, {"--set-description"}, K::Value, 7},
    {kBoth, {"--get-description"}, K::Flag, 7},
    {kBoth, {"--set-short"}, K::Value, 7},
    {kBoth, {"--get-short"}, K::Flag, 7},
    {kBoth, {"--helper"}, K::Value, -1},
    {kBoth, {"--family"}, K::Value, -1},
    {kBoth, {"--module"}, K::Value, -1},
    {kBoth, {"--get-helpers"}, K::Flag, 8},
    {kBoth, {"--set-module"}, K::Value, 8},
    {kBoth, {"--get-module"}, K::Flag, 8},
    {kBoth, {"--set-family"}, K::Star, 8},
    {kBoth, {"--get-family"}, K::Flag, 8},
    {kBoth, {"--direct"}, K::Flag, -1},
    {kCmd, {"--passthrough"}, K::Remainder, 9},
    {kBoth, {"--add-passthrough"}, K::Remainder, 9},
    {kBoth, {"--remove-passthrough"}, K::Remainder, 9},
    {kBoth, {"--query-passthrough"}, K::Remainder, 9},
    {kBoth, {"--get-passthroughs"}, K::NArgs, 9, 1},
    {kBoth, {"--get-all-passthroughs"}, K::Flag, 9},
    {kBoth, {"--add-chain"}, K::NArgs, 9, 3},
    {kBoth, {"--remove-chain"}, K::NArgs, 9, 3},
    {kBoth, {"--query-chain"}, K::NArgs, 9, 3},
    {kBoth, {"--get-all-chains"}, K::Flag, 9},
    {kBoth, {"--get-chains"}, K::NArgs, 9, 2},
    {kBoth, {"--add-rule"}, K::Remainder, 9},
    {kBoth, {"--remove-rule"}, K::Remainder, 9},
    {kBoth, {"--remove-rules"}, K::NArgs, 9, 3},
    {kBoth, {"--query-rule"}, K::Remainder, 9},
    {kBoth, {"--get-rules"}, K::NArgs, 9, 3},
    {kBoth, {"--get-all-rules"}, K::Flag, 9},
    // fwctl's own.
    {kBoth, {"--offline"}, K::Flag, -1},
    {kCmd, {"--default-config"}, K::Value, -1},
    {kCmd, {"--system-config"}, K::Value, -1},
    {kBoth, {"--json"}, K::Flag, -1},          // json_sink.hpp
    {kCmd, {"--explain"}, K::Flag, -1},        // explain.hpp
    {kCmd, {"--why"}, K::Value, -1},           // why.hpp
    {kCmd, {"--confirm"}, K::Star, -1},        // confirm.hpp: bare, or --confirm=TIME
    {kCmd, {"--counters"}, K::Flag, -1},       // counters.hpp
    {kCmd, {"--zero-counters"}, K::Flag, -1},  // counters.hpp
    {kCmd, {"--trace"}, K::Star, -1},          // trace.hpp: bare, or --trace=PACKET
    {kCmd, {"--count"}, K::Value, -1},         // trace.hpp
};
}  // namespace option_rows

inline constexpr std::size_t kOptionRows = std::size(option_rows::kRows);

// An option as fwctl's code names it: Dest("add_port"), or just "add_port" where a Dest is
// expected. The name must be the dest of a row of the table (compile-time checked); it stands
// for every row with that dest.
class Dest {
 public:
  consteval Dest(const char* name) : row_(first_row(name)) {}  // NOLINT: implicit on purpose
  // The first row of the table with this dest.
  constexpr std::size_t row() const { return row_; }
  constexpr std::string_view name() const { return option_rows::kRows[row_].dest_name(); }
  friend constexpr bool operator==(Dest, Dest) = default;

 private:
  static consteval std::size_t first_row(std::string_view name) {
    for (std::size_t i = 0; i < kOptionRows; ++i)
      if (option_rows::kRows[i].has_dest(name)) return i;
    throw "no option has this dest";  // not a constant expression: a compile error
  }
  std::size_t row_;
};

// The argparse table of one command line (kCmd or kOfflineCmd): its rows, in table order.
const std::vector<argparse::Option>& argparse_table(CommandLines line);
// The position of `dest` in argparse_table(line), or npos when that command line lacks it.
std::size_t table_position(CommandLines line, Dest dest);

}  // namespace fwctl::cli
