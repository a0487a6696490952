#pragma once
// The lists of a zone that firewall-cmd edits an item at a time (--add-service, --remove-port,
// --query-rich-rule, ...), in one table for the three executors of zone edits: the runtime one
// (run_runtime.cpp: the daemon's zone methods), the permanent one (run_permanent_zone.cpp: the
// zone's config object) and the files' (offline_zone.cpp). The table gives the
// options, how an item is read and how a query names it; each executor gives what adding,
// removing and querying one item of each list does.

#include <optional>

#include "client.hpp"
#include "item_lists.hpp"
#include "option_groups.hpp"
#include "options.hpp"

namespace fwctl::cli {

enum class ZoneList {
  kInterface,
  kSource,
  kRichRule,
  kService,
  kPort,
  kProtocol,
  kSourcePort,
  kForwardPort,
  kIcmpBlock,
};

enum class ItemShape { kName, kPort, kForwardPort };  // plain, parse_port, parse_forward_port

struct ZoneListRow {
  ZoneList list;
  ElementDests dests;
  ItemShape shape;
};

inline constexpr ZoneListRow kZoneLists[] = {
    {ZoneList::kInterface, kInterfaceDests, ItemShape::kName},
    {ZoneList::kSource, kSourceDests, ItemShape::kName},
    {ZoneList::kRichRule, kRichRuleDests, ItemShape::kName},
    {ZoneList::kService, kServiceElementDests, ItemShape::kName},
    {ZoneList::kPort, kPortDests, ItemShape::kPort},
    {ZoneList::kProtocol, kProtocolDests, ItemShape::kName},
    {ZoneList::kSourcePort, kSourcePortDests, ItemShape::kPort},
    {ZoneList::kForwardPort, kForwardPortDests, ItemShape::kForwardPort},
    {ZoneList::kIcmpBlock, kIcmpBlockDests, ItemShape::kName},
};

struct ListOp {
  ZoneList list;
  ItemShape shape;
  ListVerb verb;
  Dest dest;
};

// The list edit or query the command line asks for, if any (they are mutually exclusive).
std::optional<ListOp> zone_list_op(const Args& a);

// Runs `op` on the items given with the executor's `actions`: cmd_sequence for an edit (then
// returns), query_sequence for a query (exits). firewall-cmd's runtime queries quote a port or
// a forward port in their "<item>: yes" lines, the permanent ones do not (`quoted`);
// `authorize` as cmd_sequence's.
void run_list_op(Client& c, const Args& a, const ListOp& op, const ListActions& actions,
                 bool quoted, bool authorize);

}  // namespace fwctl::cli
