#pragma once
// The lists that firewall-cmd edits an element at a time: --add-X, --remove-X, --query-X of a
// zone's or policy's lists (zone_lists.hpp), of a service's, of an ipset's entries and of an
// icmptype's destinations. The options come from one table (option_groups.hpp, and the
// service's here); each executor (the daemon at runtime, a config object, the settings fetched
// and sent back, the files with --offline) gives what adding, removing and querying one element
// does, and the verbs run the way firewall-cmd runs them (cmd_sequence, query_sequence).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "client.hpp"
#include "option_groups.hpp"
#include "options.hpp"
#include "settings.hpp"

namespace fwctl::cli {

enum class ListVerb { kAdd, kRemove, kQuery };

struct ListActions {
  std::function<void(const Item&)> add, remove;
  std::function<bool(const Item&)> query;
};

struct ElementOp {
  ListVerb verb;
  Dest dest;
};

// The verb of `d` the command line gives, if any (the three exclude each other). `given` tells
// whether an option counts: Args::t (true in Python), or Args::given (`is not None`).
using ArgTest = bool (Args::*)(Dest) const;
std::optional<ElementOp> element_op(const Args& a, const ElementDests& d, ArgTest given = &Args::t);

// Runs `op` on the elements given: cmd_sequence with `actions` for an edit (then returns),
// query_sequence with `message` for a query (exits). `authorize` as cmd_sequence's.
void run_element_op(Client& c, const Args& a, const ElementOp& op, const ParseItem& parse,
                    const std::string& message, const ListActions& actions, bool authorize);

// element_op() and run_element_op(): true after an edit, false when no verb of `d` was given.
bool run_elements(Client& c, const Args& a, const ElementDests& d, const ParseItem& parse,
                  const std::string& message, const ListActions& actions, bool authorize = true);

inline constexpr ElementDests kModuleDests{"add_module", "remove_module", "query_module"};
inline constexpr ElementDests kIncludeDests{"add_include", "remove_include", "query_include"};
inline constexpr ElementDests kServiceHelperDests{"add_helper", "remove_helper", "query_helper"};
inline constexpr ElementDests kEntryDests{"add_entry", "remove_entry", "query_entry"};
inline constexpr ElementDests kDestinationDests{"add_destination", "remove_destination",
                                                "query_destination"};

// A service's lists of ports and of names, each with its --get-X, in firewall-cmd's order; its
// destinations (service_destinations) come between the first kServiceListsBeforeDestinations
// rows and the others.
struct ServiceListRow {
  ElementDests dests;
  Dest get;
  std::vector<PortProto> ServiceSettings::*ports;    // a list of ports, or
  std::vector<std::string> ServiceSettings::*names;  // a list of names
  bool sorted;                                       // --get-X sorts them
};

inline constexpr ServiceListRow kServiceLists[] = {
    {kPortDests, "get_ports", &ServiceSettings::ports, nullptr, false},
    {kProtocolDests, "get_protocols", nullptr, &ServiceSettings::protocols, false},
    {kSourcePortDests, "get_source_ports", &ServiceSettings::source_ports, nullptr, false},
    {kModuleDests, "get_modules", nullptr, &ServiceSettings::modules, false},
    {kIncludeDests, "get_includes", nullptr, &ServiceSettings::includes, true},
    {kServiceHelperDests, "get_service_helpers", nullptr, &ServiceSettings::helpers, true},
};
inline constexpr std::size_t kServiceListsBeforeDestinations = 4;

}  // namespace fwctl::cli
