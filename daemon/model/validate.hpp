#pragma once
// Validation of single values and of whole configuration items, with firewalld 1.3.3's error
// codes and details (e.g. INVALID_PORT "port number in '65536' is too big"). Nothing here does
// I/O.
//
// Checks of one item never look at other items; references between items (a zone naming a
// service, a policy naming a zone) are checked by check_references() and
// check_runtime_references() over a whole Config (config_check.hpp). Each check returns the first
// problem, in the order firewalld finds it.
//
// The whole-item checks word their details as firewalld's check of a loaded or D-Bus-given item
// does ("Zone 'a': invalid interface 'b'"). firewalld's XML readers refuse some values earlier
// and word them without the item ("INVALID_TARGET: REJECT", "INVALID_ADDR: 300.1.2.3"); the
// single-value checks below give that wording, for a reader that wants to match it.
//
// The single-value checks live in their own headers, included here so that this header is
// the one to include.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "model/address.hpp"
#include "model/firewalld_conf.hpp"
#include "model/helper.hpp"
#include "model/icmptype.hpp"
#include "model/ipset.hpp"
#include "model/ipset_check.hpp"
#include "model/item_name.hpp"
#include "model/policy.hpp"
#include "model/port.hpp"
#include "model/protocol.hpp"
#include "model/service.hpp"
#include "model/zone.hpp"

namespace fwctl::model {

// default, ACCEPT, DROP, %%REJECT%% and "{chain}_{zone}" (firewalld's internal spelling of
// default). "REJECT" is not a zone target: firewall-cmd maps it to %%REJECT%% before it reaches
// the daemon, and the daemon refuses it. INVALID_TARGET with the target as detail.
Status check_zone_target(std::string_view target);

// CONTINUE, ACCEPT, DROP, REJECT. INVALID_TARGET with the target as detail.
Status check_policy_target(std::string_view target);

// -32768…32767 except 0. INVALID_PRIORITY "0 is invalid priority. Must be in range
// [-32768, 32767]. The following are reserved: [0]".
Status check_policy_priority(int priority);

// A <port> or <source-port>: check_port() then check_port_protocol().
Status check_port_proto(const PortProto& port);

// Every element of a list, stopping at the first problem.
Status check_port_protos(const std::vector<PortProto>& ports);
Status check_protocols(const std::vector<std::string>& protocols);

// A <forward-port>: port and protocol as a <port>, then at least one of to-port and to-addr
// (INVALID_FORWARD), to-port a port, to-addr one IPv4 or IPv6 address without a mask
// (INVALID_ADDR). `owner`, e.g. "Zone 'public'", starts the details that firewalld words with
// the item's name: "Zone 'public': to-addr 'x' is not a valid address".
Status check_forward_port(const ForwardPort& forward, std::string_view owner = {});

// firewalld's short name of a service's <module>: "nf_conntrack_netbios_ns" → "netbios-ns".
// It names the helper that the module stands for. A name without the prefix stays as it is.
std::string normalize_service_module(std::string_view module);

// Whole items, each on its own. Every field is checked, rich rules with check_rich_rule().
//
// check_zone: name, target, ports, forward ports, interfaces, sources, rich rules, protocols,
//   source ports. Details name the zone where firewalld's do ("Zone 'a': invalid interface 'b'").
// check_policy: as a zone, plus priority and the rules about ANY and HOST in ingress and
//   egress zones that need no other item (INVALID_ZONE, INVALID_FORWARD). Priority 0 passes, as
//   it does in firewalld's check of a loaded policy (it skips fields that are 0 or empty); a
//   D-Bus setter given 0 should refuse it with check_policy_priority().
// check_service: ports (a port-less port is a protocol), modules, destination, protocols,
//   source ports.
// check_ipset: type, options, then IPSET_WITH_TIMEOUT when a set with a timeout lists entries,
//   then every entry. Note that firewalld's XML reader drops bad entries (and all entries of a
//   set with a timeout) with a warning instead: a loader should filter with check_ipset_entry()
//   and ipset_has_timeout() before calling this.
// check_icmptype: destinations ipv4/ipv6 (INVALID_DESTINATION).
// check_helper: family ""/ipv4/ipv6 (INVALID_IPV), module nf_conntrack_* (INVALID_MODULE), ports.
Status check_zone(const Zone& zone);

// firewalld 2.0's zone ingress/egress priority range (Zone.priority_min/max), INVALID_PRIORITY
// outside it with 2.x's words.
constexpr int kZonePriorityMin = -32768;
constexpr int kZonePriorityMax = 32767;
Status check_zone_priority(const std::string& zone, long long priority);
Status check_policy(const Policy& policy);
Status check_service(const Service& service);
Status check_ipset(const IpSet& ipset);
Status check_icmptype(const IcmpType& icmptype);
Status check_helper(const Helper& helper);

// firewalld.conf values, as firewalld's D-Bus setters check them: yes/no/true/false (any case)
// for the booleans, LogDenied all/unicast/broadcast/multicast/off, FirewallBackend
// nftables/iptables, AutomaticHelpers yes/no/system, MinimalMark an integer, NftablesFlowtable
// off or interface names, ReloadPolicy as parse_reload_policy() reads it. INVALID_VALUE
// "'maybe' for Lockdown"; an empty DefaultZone is INVALID_ZONE. firewalld's own reader logs a
// bad value and uses the default instead; whether to do the same is the caller's choice.
Status check_firewalld_conf(const FirewalldConf& conf);

}  // namespace fwctl::model
