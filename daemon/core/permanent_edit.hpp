#pragma once
// The one-element changes of firewalld's config objects (server/config_zone.py addPort,
// removeService, ...), on the settings of one permanent item: each fails with firewalld's code
// and detail and leaves the settings alone, or changes them as firewalld does. core::Permanent's
// edit() then checks and writes the result.
//
//   store.edit<model::Zone>("public", [&](model::Zone& z) { return add_port(z.ports, "80", "tcp");
//   });

#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "model/config.hpp"
#include "model/ipset.hpp"
#include "model/rich_rule.hpp"
#include "model/service.hpp"
#include "model/values.hpp"
#include "model/zone.hpp"

namespace fwctl::core {

// ALREADY_ENABLED with `value` as detail when it is in `list`; else appended.
Status add_name(std::vector<std::string>& list, const std::string& value);
// NOT_ENABLED with `value` as detail when it is not in `list`; else removed.
Status remove_name(std::vector<std::string>& list, const std::string& value);
bool has_name(const std::vector<std::string>& list, const std::string& value);

// A policy priority given in a settings dict, as firewalld's check_config_dict: INVALID_PRIORITY
// "Policy 'P': 0 is invalid priority. Must be in range [-32768, 32767]. ..." for 0 (reserved)
// or one out of range.
Status check_given_policy_priority(const std::string& policy, int priority);

// A flag such as masquerade: ALREADY_ENABLED / NOT_ENABLED with `what` ("masquerade").
Status set_flag(bool& flag, bool on, const char* what);

// Ports of one protocol, merged and split as firewalld does (coalescePortRange,
// breakPortRange). ALREADY_ENABLED "80:tcp" when a range already covers the port;
// NOT_ENABLED "80:tcp" when none does; an invalid port fails with its INVALID_PORT.
Status add_port(std::vector<model::PortProto>& ports, const std::string& port,
                const std::string& protocol);
Status remove_port(std::vector<model::PortProto>& ports, const std::string& port,
                   const std::string& protocol);
bool has_port(const std::vector<model::PortProto>& ports, const std::string& port,
              const std::string& protocol);

// Ports of services and helpers as firewalld's config_service/config_helper compare them: as
// (port, protocol) pairs, with no merging of ranges. ALREADY_ENABLED / NOT_ENABLED "80:tcp".
Status add_port_entry(std::vector<model::PortProto>& ports, const model::PortProto& port);
Status remove_port_entry(std::vector<model::PortProto>& ports, const model::PortProto& port);
bool has_port_entry(const std::vector<model::PortProto>& ports, const model::PortProto& port);

// A string-to-string dict in insertion order, as Python's (ipset options, service
// destinations). set_key: ALREADY_ENABLED "'key': 'value'" when `key` already has `value`; a
// new key goes last, a changed one keeps its place. remove_key: NOT_ENABLED "key".
using Pairs = std::vector<std::pair<std::string, std::string>>;
Status set_key(Pairs& dict, const std::string& key, const std::string& value);
Status remove_key(Pairs& dict, const std::string& key);
bool has_key_value(const Pairs& dict, const std::string& key, const std::string& value);
const std::string* find_key(const Pairs& dict, const std::string& key);

// A single value such as a helper's family or module: ALREADY_ENABLED "'value'" when it is
// already that (config_helper.setFamily).
Status set_value(std::string& field, const std::string& value);

// An ICMP type's destinations as config_icmptype.removeDestination changes them: an empty list
// means both, so removing one from it leaves the other; else NOT_ENABLED when it is not listed.
Status remove_icmp_destination(std::vector<std::string>& destinations,
                               const std::string& destination);

// config_ipset.setType: a type firewalld does not know is INVALID_TYPE with the type alone.
Status set_ipset_type(model::IpSet& ipset, const std::string& type);

// A service's <module> by its short name, as config_service takes one: "nf_conntrack_ftp" is
// "ftp" (model::normalize_service_module).
std::string service_module(const std::string& module);

// The entries of a permanent ipset as config_ipset changes them. A set with a timeout other than
// "0" keeps no entries in its file: IPSET_WITH_TIMEOUT for all of these. An entry given is
// normalized first (normalize_ipset_entry); ALREADY_ENABLED / NOT_ENABLED with it; a new one
// must not overlap those there (INVALID_ENTRY); a whole list must not overlap itself.
Status set_ipset_entries(model::IpSet& ipset, const std::vector<std::string>& entries);
Status add_ipset_entry(model::IpSet& ipset, const std::string& entry);
Status remove_ipset_entry(model::IpSet& ipset, const std::string& entry);
Result<bool> has_ipset_entry(const model::IpSet& ipset, const std::string& entry);

// A service's destination as the dict firewalld's settings carry ({"ipv4": …, "ipv6": …}, only
// the families set) and back: a key other than ipv4/ipv6 is INVALID_DESTINATION
// "'x' not in {'ipv4'|'ipv6'}"; an empty value clears the family.
Pairs service_destinations(const model::Service& service);
Status set_service_destinations(model::Service& service, const Pairs& destinations);

// Forward ports compared as the four strings; ALREADY_ENABLED / NOT_ENABLED
// "port:protocol:toport:toaddr".
Status add_forward_port(std::vector<model::ForwardPort>& list, const model::ForwardPort& fwd);
Status remove_forward_port(std::vector<model::ForwardPort>& list, const model::ForwardPort& fwd);
bool has_forward_port(const std::vector<model::ForwardPort>& list, const model::ForwardPort& fwd);

// Rich rules compared in canonical form; a rule that does not parse fails with the parser's
// error; ALREADY_ENABLED / NOT_ENABLED with the rule as given.
Status add_rich_rule(std::vector<model::RichRule>& rules, const std::string& rule);
Status remove_rich_rule(std::vector<model::RichRule>& rules, const std::string& rule);
Result<bool> has_rich_rule(const std::vector<model::RichRule>& rules, const std::string& rule);

// A zone's sources as firewalld lists them ("10.0.0.0/8", a MAC, "ipset:NAME") and back.
model::ZoneSource zone_source(const std::string& text);
std::vector<std::string> source_strings(const std::vector<model::ZoneSource>& sources);
Status add_source(std::vector<model::ZoneSource>& sources, const std::string& source);
Status remove_source(std::vector<model::ZoneSource>& sources, const std::string& source);

// A permanent zone `name` going from `old` to `next` must not take an interface or source that
// another of `zones` binds: ZONE_CONFLICT with the interface or source (what it had stays).
Status check_zone_bindings(const std::map<std::string, model::Item<model::Zone>>& zones,
                           const std::string& name, const model::Zone& old,
                           const model::Zone& next);

}  // namespace fwctl::core
