#pragma once
// The one-element changes of firewalld's config objects (server/config_zone.py addPort,
// removeService, ...), on the settings of one permanent item: each fails with firewalld's code
// and detail and leaves the settings alone, or changes them as firewalld does. core::Permanent's
// edit() then checks and writes the result.
//
//   store.edit<model::Zone>("public", [&](model::Zone& z) { return add_port(z.ports, "80", "tcp"); });

#include <string>
#include <vector>

#include "common/result.hpp"
#include "model/config.hpp"
#include "model/rich_rule.hpp"
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
