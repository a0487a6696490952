#include "compiler/rich_rules.hpp"

#include "compiler/address.hpp"
#include "compiler/policy_elements.hpp"
#include "compiler/rich_output.hpp"

namespace fwctl::compiler {
namespace {

// The IP versions a rich rule covers: its family, else its source's, else the ICMP type's,
// else both (used only where firewalld expands per version: ICMP blocks).
std::vector<std::string> rule_ipvs(const Context& ctx, const model::RichRule& rule) {
  if (!rule.family.empty()) return {rule.family};
  if (rule.source && !rule.source->address.empty()) {
    return {is_ipv6_address(rule.source->address.substr(0, rule.source->address.find('/')))
                ? "ipv6"
                : "ipv4"};
  }
  if (rule.element) {
    if (const auto* b = std::get_if<model::RichIcmpBlock>(&*rule.element)) {
      return icmp_type_ipvs(ctx, b->name);
    }
    if (const auto* t = std::get_if<model::RichIcmpType>(&*rule.element)) {
      return icmp_type_ipvs(ctx, t->name);
    }
  }
  return {"ipv4", "ipv6"};
}

struct ElementEmitter {
  Context& ctx;
  const PolicySpec& spec;
  const model::RichRule& rule;

  void operator()(const model::RichService& e) const { emit_service(ctx, spec, e.name, &rule); }
  void operator()(const model::RichPort& e) const {
    emit_port(ctx, spec, e.protocol, e.port, {}, &rule);
  }
  void operator()(const model::RichProtocol& e) const {
    emit_protocol(ctx, spec, e.value, {}, &rule);
  }
  void operator()(const model::RichSourcePort& e) const {
    emit_source_port(ctx, spec, e.protocol, e.port, {}, &rule);
  }
  void operator()(const model::RichMasquerade&) const { emit_masquerade(ctx, spec, &rule); }
  void operator()(const model::RichForwardPort& e) const {
    emit_forward_port(ctx, spec, {e.port, e.protocol, e.to_port, e.to_addr}, &rule);
  }
  void operator()(const model::RichIcmpBlock& e) const {
    emit_icmp_block(ctx, spec, e.name, rule_ipvs(ctx, rule), &rule);
  }
  void operator()(const model::RichIcmpType& e) const {
    emit_icmp_block(ctx, spec, e.name, rule_ipvs(ctx, rule), &rule);
  }
  void operator()(const model::RichTcpMssClamp& e) const {
    emit_tcp_mss_clamp(ctx, spec, e.value.empty() ? "pmtu" : e.value, &rule);
  }
};

}  // namespace

void emit_rich_rule(Context& ctx, const PolicySpec& spec, const model::RichRule& rule) {
  if (rule.element) {
    std::visit(ElementEmitter{ctx, spec, rule}, *rule.element);
    return;
  }
  // Only a source and/or destination: [family] [daddr] [saddr] <log/audit/action>
  emit_rich_outputs(ctx, spec, rule, "filter", rich_head(ctx, &rule, {}));
}

ZonePart rich_rule_zone_part(const model::RichRule& rule) {
  if (rule.action && rule.action->type == model::RichActionType::Mark) return ZonePart::ToAny;
  if (!rule.element) return ZonePart::ToHost;
  const auto& e = *rule.element;
  if (std::holds_alternative<model::RichForwardPort>(e) ||
      std::holds_alternative<model::RichTcpMssClamp>(e)) {
    return ZonePart::ToAny;
  }
  if (std::holds_alternative<model::RichMasquerade>(e)) return ZonePart::FromAny;
  return ZonePart::ToHost;
}

}  // namespace fwctl::compiler
