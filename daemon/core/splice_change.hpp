#pragma once
// Runtime changes committed as rule splices (issue 13): a zone element added or removed, an
// interface or source bound or unbound, compiled alone (compiler/element_delta.hpp,
// compiler/binding_delta.hpp) and its rules inserted or deleted where the whole compile puts
// them, so the change costs what it holds, not what its zone or the bindings hold.
//
//   change.element = zone_element_edit("public", zone, planned_edit);
//   ...
//   auto sent = send_zone_element(kernel, runtime, bindings, *change.element);  // false: compile
//   auto sent = send_binding(kernel, runtime, prev_bindings, next_bindings);     // likewise

#include <optional>
#include <string>

#include "common/result.hpp"
#include "compiler/binding_delta.hpp"
#include "compiler/bindings.hpp"
#include "compiler/element_delta.hpp"
#include "core/kernel_ruleset.hpp"
#include "core/zone_elements.hpp"
#include "model/config.hpp"

namespace fwctl::core {

// The element `edit` adds or removes, as the splices take it, when it appends one entry to the
// zone's list of `kind` or erases one (`before`: the zone it was planned on); nullopt for other
// kinds and other edits (a port range merged with its neighbours, split by a removal).
std::optional<compiler::ZoneElementEdit> zone_element_edit(const std::string& zone,
                                                           const model::Zone& before,
                                                           const ZoneItemEdit& edit);

// The edit as splices of the kernel's chains, in one batch; `config` shows the zone as it will
// be. False, with nothing sent, when splices cannot express it (the caller then compiles the
// zone's chains).
Result<bool> send_zone_element(KernelRuleset& kernel, const model::Config& config,
                               const compiler::RuntimeBindings& bindings,
                               const compiler::ZoneElementEdit& edit);

// The binding change from `prev` to `next` when it is one interface or source bound to a zone
// (appended to its list) or unbound, and nothing else changed; as splices in one batch. False,
// with nothing sent, otherwise or when splices cannot express it.
Result<bool> send_binding(KernelRuleset& kernel, const model::Config& config,
                          const compiler::RuntimeBindings& prev,
                          const compiler::RuntimeBindings& next);

}  // namespace fwctl::core
