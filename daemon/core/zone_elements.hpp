#pragma once
// The elements of a zone that firewalld changes at runtime one by one (fw_zone.add_port,
// remove_service, query_icmp_block, ...), and what an add, remove or query does to a zone:
// firewalld 1.3.3's checks, error codes and details, and its edit of the element list.
//
//   ZoneItem port{ZoneElement::Port, {"8080", "tcp"}};
//   Status st = add_zone_item(zone, "public", port, config);  // ALREADY_ENABLED, INVALID_PORT...
//
//   auto edit = plan_zone_item(zone, "public", port, config, true);  // checks, changes nothing
//   apply(zone, *edit);   // in place, no copy of the zone
//   undo(zone, *edit);    // the zone exactly as before (the kernel refused the change)
//
// Pure: no kernel, no bindings. core::RuntimeZones describes the edit as a runtime change, and
// the firewall's commit point applies it while it compiles and sends the batch.

#include <string>
#include <variant>
#include <vector>

#include "common/result.hpp"
#include "model/config.hpp"

namespace fwctl::core {

enum class ZoneElement {
  Service,             // {service}
  Port,                // {port, protocol}
  Protocol,            // {protocol}
  SourcePort,          // {port, protocol}
  IcmpBlock,           // {icmp type}
  ForwardPort,         // {port, protocol, to-port, to-addr}
  Masquerade,          // {}
  IcmpBlockInversion,  // {}
  Forward,             // {} (only through setZoneSettings2, as in firewalld)
  RichRule,            // {rule text}
};

// One element as a D-Bus call names it, the arguments in the call's order.
struct ZoneItem {
  ZoneElement kind = ZoneElement::Service;
  std::vector<std::string> args;
  bool operator==(const ZoneItem&) const = default;
};

// Adds `item` to `zone`, named `name` in the details; `config` tells which services and ICMP
// types exist. Errors: INVALID_SERVICE, INVALID_PORT, INVALID_PROTOCOL, MISSING_PROTOCOL,
// INVALID_ICMPTYPE, INVALID_ADDR, INVALID_FORWARD, INVALID_RULE (and the rich-rule parser's
// codes), ALREADY_ENABLED "'8080:tcp' already in 'public'". On error `zone` is unchanged.
// A port overlapping ports of its protocol is merged with them (coalescePortRange).
Status add_zone_item(model::Zone& zone, const std::string& name, const ZoneItem& item,
                     const model::Config& config);

// Removes `item`: the same checks, NOT_ENABLED "'8080:tcp' not in 'public'". Removing a port
// out of a range leaves the rest of the range (breakPortRange).
Status remove_zone_item(model::Zone& zone, const std::string& name, const ZoneItem& item,
                        const model::Config& config);

// What adding or removing one element does to its zone: the entries of its list erased (by
// index in the list as planned, ascending), then the entries appended; or a flag's new value.
// Planned on the zone as it is, then made in place and, if need be, taken back, so that a change
// never copies the zone (with 10,000 rich rules a copy cost milliseconds).
template <typename T>
struct ListEdit {
  std::vector<size_t> erase;
  std::vector<T> append;
  std::vector<T> erased;  // by apply(), for undo()
};
struct ZoneItemEdit {
  ZoneElement kind = ZoneElement::Service;
  std::variant<bool, ListEdit<std::string>, ListEdit<model::PortProto>,
               ListEdit<model::ForwardPort>, ListEdit<model::RichRule>>
      change;
};

// The edit that adds (`add`) or removes `item`, with add_zone_item()'s and remove_zone_item()'s
// checks and errors; `zone` is not changed.
Result<ZoneItemEdit> plan_zone_item(const model::Zone& zone, const std::string& name,
                                    const ZoneItem& item, const model::Config& config, bool add);
// Makes `edit` on the zone it was planned on, once.
void apply(model::Zone& zone, ZoneItemEdit& edit);
// Takes back the apply()ed `edit`: `zone` as it was planned on.
void undo(model::Zone& zone, ZoneItemEdit& edit);

// Whether `zone` has `item`; the checks firewalld's query makes (a service, ICMP type,
// protocol, forward port or rule that is invalid is an error; a port is only looked up).
Result<bool> query_zone_item(const model::Zone& zone, const ZoneItem& item,
                             const model::Config& config);

}  // namespace fwctl::core
