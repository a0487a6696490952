#pragma once
// State shared by the emitters while one ruleset is compiled (internal to the compiler).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "compiler/bindings.hpp"
#include "compiler/focus.hpp"
#include "compiler/table_builder.hpp"
#include "model/config.hpp"

namespace fwctl::compiler {

// A policy as firewalld applies it: a real policy, or one of the three policies each zone is
// split into (zone->HOST, ANY->zone, zone->ANY), named zone_<from>_<to>.
struct PolicySpec {
  model::Policy policy;
  std::string zone;  // the zone it derives from; empty for a real policy
  bool icmp_block_inversion = false;

  const std::string& name() const { return policy.info.name; }
  bool derived() const { return !zone.empty(); }
  bool egress_has(const std::string& z) const;
  bool ingress_has(const std::string& z) const;
};

struct Context {
  const model::Config& config;
  const RuntimeBindings& bindings;
  TableBuilder& out;
  std::optional<Error> error;  // the first failure; compilation stops producing rules after it
  std::map<std::string, size_t> interface_ranks = compiler::interface_ranks(bindings);
  // A focused compile (focus.hpp): only these chains are wanted. nullptr: the whole table.
  const Focus* focus = nullptr;

  const std::string& log_denied() const { return config.conf.log_denied; }
  bool logging() const { return log_denied() != "off"; }
  // StrictForwardPorts (firewalld 2.3): DNAT is accepted only for the firewall's forward ports.
  bool strict_forward_ports() const { return model::conf_yes(config.conf.strict_forward_ports); }
  // NftablesFlowtable (firewalld 2.0): forwarded TCP and UDP between these interfaces take the
  // flowtable's fast path; "off" (no interface) by default.
  bool flowtable() const {
    return !model::flowtable_devices(config.conf.nftables_flowtable).empty();
  }
  bool ok() const { return !error.has_value(); }
  // What a focused compile emits: a zone's or policy's elements only when focused on it; the
  // skeleton and the dispatch of every zone and policy only when the shared chains are wanted.
  bool emits_zone(const std::string& zone) const { return !focus || focus->has_zone(zone); }
  bool emits_policy(const std::string& name) const { return !focus || focus->has_policy(name); }
  bool emits_shared() const { return !focus || focus->shared; }
  void fail(Code code, std::string detail);

  const model::IpSet* ipset(const std::string& name) const;
  const std::vector<std::string>& interfaces_of(const std::string& zone) const;
  const std::vector<std::string>& sources_of(const std::string& zone) const;
  // Zones with an interface or a source bound (firewalld's "active" zones).
  bool zone_active(const std::string& zone) const;
};

}  // namespace fwctl::compiler
