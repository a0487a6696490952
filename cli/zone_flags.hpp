#pragma once
// The settings of a zone or a policy that are not lists, in one table for every executor of
// zone and policy edits: the runtime one (run_runtime.cpp), the permanent one
// (run_permanent_zone.cpp), the files' (offline_zone.cpp), the client-side settings of
// --policy (run_policy.cpp) and firewall-offline-cmd's (offline_cmd_zone.cpp). The tables give
// the options; each executor gives what switching, setting and reading each setting does, or
// nothing for a setting it does not have (then the option falls through as if not asked).

#include <functional>
#include <span>
#include <string>

#include "option_groups.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

// On/off settings: --add-X, --remove-X, --query-X.
enum class ZoneFlag { kForward, kMasquerade, kIcmpBlockInversion, kDisable };

struct ZoneFlagRow {
  ZoneFlag flag;
  ElementDests dests;
  const char* word;  // what firewalld's ALREADY_ENABLED/NOT_ENABLED say
};

inline constexpr ZoneFlagRow kZoneFlags[] = {
    {ZoneFlag::kForward, kForwardDests, "forward"},
    {ZoneFlag::kMasquerade, kMasqueradeDests, "masquerade"},
    {ZoneFlag::kIcmpBlockInversion, kIcmpBlockInversionDests, "icmp-block-inversion"},
    {ZoneFlag::kDisable, kDisableDests, "disable"},  // a policy's (firewalld 2.4)
};

// Values: --set-X=VALUE, --get-X.
enum class ZoneValue {
  kTarget,
  kIngressPriority,  // a zone's (firewalld 2.0)
  kEgressPriority,   // a zone's (firewalld 2.0)
  kPriority,         // a policy's
  kDescription,
  kShort,
};

struct ValueRow {
  ZoneValue value;
  Dest get, set;
};

// The values of a zone or a policy (firewall-cmd's zone group of options).
inline constexpr ValueRow kZoneValues[] = {
    {ZoneValue::kTarget, "get_target", "set_target"},
    {ZoneValue::kIngressPriority, "get_ingress_priority", "set_ingress_priority"},
    {ZoneValue::kEgressPriority, "get_egress_priority", "set_egress_priority"},
    {ZoneValue::kPriority, "get_priority", "set_priority"},
};
// The description and short name every kind of item has (another group of options).
inline constexpr ValueRow kInfoValues[] = {
    {ZoneValue::kDescription, "get_description", "set_description"},
    {ZoneValue::kShort, "get_short", "set_short"},
};

// Which half of a family an executor runs at one place: fwctl --offline asks before it edits.
enum Verbs { kEdits = 1, kReads = 2, kAllVerbs = kEdits | kReads };

struct FlagActions {
  std::function<void(bool on)> set;  // empty: not this executor's
  std::function<bool()> query;
};
using FlagExecutor = std::function<FlagActions(const ZoneFlagRow&)>;

struct ValueActions {
  std::function<void(const std::string& value)> set;  // empty: not this executor's
  std::function<std::string()> get;
};
using ValueExecutor = std::function<ValueActions(ZoneValue)>;

// The flag option given (the options of a family exclude each other): a switch returns true,
// a query prints yes or no and exits; false when none was given or `executor` lacks it.
bool run_zone_flag(const Args& a, const Printer& p, const FlagExecutor& executor,
                   Verbs verbs = kAllVerbs);
// The same for the values of `rows`: a set returns true, a get prints the value and exits.
bool run_zone_value(const Args& a, const Printer& p, std::span<const ValueRow> rows,
                    const ValueExecutor& executor, Verbs verbs = kAllVerbs);

}  // namespace fwctl::cli
