#include "compiler/zones.hpp"

#include "compiler/fragments.hpp"
#include "compiler/policies.hpp"
#include "compiler/policy_chains.hpp"
#include "compiler/policy_elements.hpp"

namespace fwctl::compiler {
namespace {

// Ingress chains match the input interface and source address, POSTROUTING the output ones.
bool matches_output(const std::string& nf_chain) {
  return nf_chain == "POSTROUTING" || nf_chain == "OUTPUT";
}

std::string nft_interface(const std::string& name) {
  if (!name.empty() && name.back() == '+') return name.substr(0, name.size() - 1) + "*";
  return name;
}

// The zone's place in the classification (firewalld 2.0): chains that match the output side
// (POSTROUTING) use its egress priority, the others its ingress priority.
int dispatch_priority(const Context& ctx, const std::string& zone, const std::string& nf_chain) {
  auto it = ctx.config.zones.find(zone);
  if (it == ctx.config.zones.end()) return 0;
  const model::Zone& z = it->second.value;
  return matches_output(nf_chain) ? z.egress_priority : z.ingress_priority;
}

template <typename Fn>
void for_each_dispatch(const std::array<PolicySpec, 3>& specs, Fn fn) {
  for (const auto& spec : specs) {
    for (const auto& [table, nf_chain] : zone_dispatch_chains(spec)) {
      bool snat = table == "nat" && nf_chain == "POSTROUTING";
      fn(table + "_" + nf_chain + "_ZONES", nf_chain, policy_chain(spec, table, snat));
    }
  }
}

// iifname "eth0" goto filter_IN_public   (in every _ZONES chain)
// oifname "eth0" accept                  (filter_FWD_public_allow, with <forward/>)
// The catch-all interface "+" (or "*") dispatches with a bare goto, nft allowing no all-wildcard
// name, and gets no intra-zone forward rule, which would forward to every other zone (as
// firewalld).
void bind_interface(Context& ctx, const std::array<PolicySpec, 3>& specs, bool forward,
                    const std::string& interface) {
  OriginScope origin(ctx.out, "zone " + specs[0].zone + ", interface " + interface, true);
  std::string ifname = nft_interface(interface);
  bool catch_all = ifname == "*";
  size_t rank = ctx.interface_ranks.at(interface);
  for_each_dispatch(
      specs, [&](const std::string& zones, const std::string& nf_chain, const std::string& target) {
        if (catch_all) {  // firewalld 2.x sorts a catch-all after every priority
          return ctx.out.add_zone_interface(zones, Rule{{go_to(target)}}, rank,
                                            TableBuilder::kCatchAllPriority);
        }
        int priority = dispatch_priority(ctx, specs[0].zone, nf_chain);
        Match m = meta_match(matches_output(nf_chain) ? "oifname" : "iifname", quoted(ifname));
        ctx.out.add_zone_interface(zones, Rule{{m, go_to(target)}}, rank, priority);
      });
  if (forward && !catch_all) {
    ctx.out.append(policy_chain(specs[2], "filter") + "_allow",
                   Rule{{meta_match("oifname", quoted(ifname)), accept()}});
  }
}

// ip saddr 10.0.0.0/8 goto filter_IN_public   (ordered by zone name)
// ip daddr 10.0.0.0/8 accept                  (filter_FWD_public_allow, with <forward/>)
void bind_source(Context& ctx, const std::array<PolicySpec, 3>& specs, bool forward,
                 const std::string& source) {
  const std::string& zone = specs[0].zone;
  OriginScope origin(ctx.out, "zone " + zone + ", source " + source, true);
  for_each_dispatch(
      specs, [&](const std::string& zones, const std::string& nf_chain, const std::string& target) {
        auto m = addr_match(ctx, matches_output(nf_chain) ? "daddr" : "saddr", source);
        if (!m) return;
        ctx.out.add_zone_source(zones, Rule{{*m, go_to(target)}}, zone, source,
                                dispatch_priority(ctx, zone, nf_chain));
      });
  if (forward) {
    if (auto m = addr_match(ctx, "daddr", source)) {
      ctx.out.append(policy_chain(specs[2], "filter") + "_allow", Rule{{*m, accept()}});
    }
  }
}

}  // namespace

void apply_zone(Context& ctx, const std::string& name) {
  auto it = ctx.config.zones.find(name);
  if (it == ctx.config.zones.end()) {
    ctx.fail(Code::INVALID_ZONE, name);
    return;
  }
  const auto& zone = it->second.value;
  bool whole = ctx.emits_zone(name);  // else only its dispatch, for the shared chains
  if (!whole && !ctx.emits_shared()) return;
  // The dispatch needs the policies' names and zones, not a copy of the zone's elements.
  auto specs = whole ? zone_policies(name, zone) : zone_policy_shells(name, zone);
  if (whole) {
    for (const auto& spec : specs) apply_policy(ctx, spec);
  }
  for (const auto& i : ctx.interfaces_of(name)) bind_interface(ctx, specs, zone.forward, i);
  for (const auto& s : ctx.sources_of(name)) bind_source(ctx, specs, zone.forward, s);
  if (!whole) return;
  OriginScope origin(ctx.out,
                     "zone " + name + ", target " + zone.target +
                         (zone.icmp_block_inversion ? ", icmp-block-inversion" : ""),
                     true);
  emit_icmp_block_inversion(ctx, specs[0]);
}

void bind_default_zone(Context& ctx, const std::string& name) {
  auto it = ctx.config.zones.find(name);
  if (it == ctx.config.zones.end()) return;
  auto specs = zone_policy_shells(name, it->second.value);
  OriginScope origin(ctx.out, "zone " + name + ", the default zone", true);
  for_each_dispatch(specs,
                    [&](const std::string& zones, const std::string&, const std::string& target) {
                      ctx.out.append(zones, Rule{{go_to(target)}});
                    });
}

}  // namespace fwctl::compiler
