// Services: their ports, protocols, source ports and conntrack helpers, once per destination
// (firewalld's _service and build_policy_helper_ports_rules).

#include <algorithm>
#include <optional>
#include <set>

#include "compiler/fragments.hpp"
#include "compiler/policy_chains.hpp"
#include "compiler/policy_elements.hpp"

namespace fwctl::compiler {
namespace {

constexpr const char* kConntrackPrefix = "nf_conntrack_";

// nf_conntrack_ftp -> ftp; the helper type nft knows it by.
std::string module_short_name(const std::string& module) {
  std::string s = module;
  if (s.rfind(kConntrackPrefix, 0) == 0) s = s.substr(std::string(kConntrackPrefix).size());
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

// The helpers a service uses, by name, sorted and without duplicates: its <helper/> elements,
// and for each <module/> the helper named after the module.
std::set<std::string> service_helpers(Context& ctx, const model::Service& svc) {
  std::set<std::string> names(svc.helpers.begin(), svc.helpers.end());
  for (const auto& module : svc.modules) {
    std::string name = ctx.config.helpers.count(module) ? module : module_short_name(module);
    names.insert(name);
  }
  for (const auto& name : names) {
    if (!ctx.config.helpers.count(name)) ctx.fail(Code::INVALID_HELPER, name);
  }
  return names;
}

// The kernel reports the families it has the helper for: only IPv4 for netbios-ns, pptp, snmp
// and irc, which firewalld's helper files mark with family="ipv4".
std::string helper_l3proto(const model::Helper& helper) {
  if (helper.family == "ipv4") return "ip";
  if (helper.family == "ipv6") return "ip6";
  return "inet";
}

// ct helper helper-ftp-tcp { type "ftp" protocol tcp; l3proto inet; }
// [ip6 daddr D] tcp dport 21 ct helper set "helper-ftp-tcp"
void emit_helper_ports(Context& ctx, const PolicySpec& spec, const std::string& name,
                       const std::string& destination) {
  const auto& helper = ctx.config.helpers.at(name).value;
  for (const auto& pp : helper.ports) {
    std::string object = "helper-" + name + "-" + pp.protocol;
    ctx.out.add_ct_helper(
        CtHelper{object, module_short_name(helper.module), pp.protocol, helper_l3proto(helper)});
    std::vector<Statement> exprs;
    if (!destination.empty()) {
      if (auto m = addr_match(ctx, "daddr", destination)) exprs.push_back(*m);
    }
    exprs.push_back(payload_match(pp.protocol, "dport", port_value(pp.port)));
    exprs.push_back(CtHelperSet{object});
    ctx.out.append(policy_chain(spec, "filter") + "_allow", Rule{std::move(exprs)});
  }
}

// Destinations to emit the service for: one pass without, or one per IP version it names.
std::vector<std::string> service_destinations(const model::Service& svc,
                                              const std::string& family) {
  if (svc.destination_ipv4.empty() && svc.destination_ipv6.empty()) return {""};
  std::vector<std::string> out;
  if (!svc.destination_ipv4.empty() && family != "ipv6") out.push_back(svc.destination_ipv4);
  if (!svc.destination_ipv6.empty() && family != "ipv4") out.push_back(svc.destination_ipv6);
  return out;
}

void emit_service_once(Context& ctx, const PolicySpec& spec, const std::string& name,
                       const model::RichRule* rich, std::vector<std::string>& seen) {
  auto it = ctx.config.services.find(name);
  if (it == ctx.config.services.end()) {
    ctx.fail(Code::INVALID_SERVICE, name);
    return;
  }
  const auto& svc = it->second.value;
  // Included services come first, each once.
  for (const auto& include : svc.includes) {
    if (std::find(seen.begin(), seen.end(), include) != seen.end()) continue;
    seen.push_back(include);
    OriginScope origin(ctx.out, "included service " + include);
    emit_service_once(ctx, spec, include, rich, seen);
  }
  if (rich && rich->destination &&
      !(svc.destination_ipv4.empty() && svc.destination_ipv6.empty())) {
    ctx.fail(Code::INVALID_RULE, "Destination conflict with service.");
    return;
  }
  bool helpers = !rich || (rich->action && rich->action->type == model::RichActionType::Accept);
  auto helper_names = helpers ? service_helpers(ctx, svc) : std::set<std::string>{};
  for (const auto& dest : service_destinations(svc, rich ? rich->family : "")) {
    if (!ctx.ok()) return;
    for (const auto& h : helper_names) {
      OriginScope origin(ctx.out, "helper " + h);
      emit_helper_ports(ctx, spec, h, dest);
    }
    for (const auto& p : svc.ports) {
      // A rich rule's text already says everything; a service's port is worth naming.
      std::optional<OriginScope> origin;
      if (!rich) origin.emplace(ctx.out, "port " + p.port + "/" + p.protocol);
      emit_port(ctx, spec, p.protocol, p.port, dest, rich);
    }
    for (const auto& p : svc.protocols) emit_protocol(ctx, spec, p, dest, rich);
    for (const auto& p : svc.source_ports)
      emit_source_port(ctx, spec, p.protocol, p.port, dest, rich);
  }
}

}  // namespace

void emit_service(Context& ctx, const PolicySpec& spec, const std::string& name,
                  const model::RichRule* rich) {
  std::vector<std::string> seen{name};
  emit_service_once(ctx, spec, name, rich, seen);
}

}  // namespace fwctl::compiler
