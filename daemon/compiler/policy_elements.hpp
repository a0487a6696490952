#pragma once
// Emitters for the elements of a policy (and so of a zone): services, ports, protocols, source
// ports, helpers, masquerade, forward ports, ICMP blocks and TCP MSS clamping. Each takes the
// rich rule it comes from, or nullptr for a plain element (which then goes to _allow with
// accept).

#include <string>
#include <vector>

#include "compiler/context.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::compiler {

void emit_service(Context& ctx, const PolicySpec& spec, const std::string& name,
                  const model::RichRule* rich);
void emit_port(Context& ctx, const PolicySpec& spec, const std::string& proto,
               const std::string& port, const std::string& destination,
               const model::RichRule* rich);
void emit_protocol(Context& ctx, const PolicySpec& spec, const std::string& proto,
                   const std::string& destination, const model::RichRule* rich);
void emit_source_port(Context& ctx, const PolicySpec& spec, const std::string& proto,
                      const std::string& port, const std::string& destination,
                      const model::RichRule* rich);
void emit_masquerade(Context& ctx, const PolicySpec& spec, const model::RichRule* rich);
void emit_forward_port(Context& ctx, const PolicySpec& spec, const model::ForwardPort& fwd,
                       const model::RichRule* rich);
// ipvs: the IP versions to block for ("ipv4", "ipv6").
void emit_icmp_block(Context& ctx, const PolicySpec& spec, const std::string& name,
                     const std::vector<std::string>& ipvs, const model::RichRule* rich);
void emit_icmp_block_inversion(Context& ctx, const PolicySpec& spec);
void emit_tcp_mss_clamp(Context& ctx, const PolicySpec& spec, const std::string& value,
                        const model::RichRule* rich);

// The IP versions an ICMP type exists for (both when the type does not say).
std::vector<std::string> icmp_type_ipvs(const Context& ctx, const std::string& name);

}  // namespace fwctl::compiler
