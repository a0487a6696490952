#include "core/splice_change.hpp"

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "compiler/compiler.hpp"
#include "compiler/focus.hpp"

namespace fwctl::core {
namespace {

using Kind = compiler::ZoneElementEdit::Kind;

// `after` is `before` with one element appended (added) or one taken out (removed): which one,
// and its index in `before` for a removal.
template <typename T>
std::optional<std::pair<const T*, size_t>> one_element(const std::vector<T>& before,
                                                       const std::vector<T>& after) {
  if (after.size() == before.size() + 1) {
    if (!std::equal(before.begin(), before.end(), after.begin())) return std::nullopt;
    return std::pair{&after.back(), before.size()};
  }
  if (after.size() + 1 != before.size()) return std::nullopt;
  auto gap = std::mismatch(after.begin(), after.end(), before.begin());
  size_t i = static_cast<size_t>(gap.first - after.begin());
  if (!std::equal(after.begin() + static_cast<std::ptrdiff_t>(i), after.end(),
                  before.begin() + static_cast<std::ptrdiff_t>(i) + 1)) {
    return std::nullopt;
  }
  return std::pair{&before[i], i};
}

// The one entry `edit` appends to `before` or erases from it.
template <typename T>
std::optional<compiler::ZoneElementEdit> edit_of(const std::string& zone, Kind kind,
                                                 const std::vector<T>& before,
                                                 const ListEdit<T>& edit) {
  compiler::ZoneElementEdit out;
  out.zone = zone;
  out.kind = kind;
  out.added = !edit.append.empty();
  const T* value = nullptr;
  if (edit.append.size() == 1 && edit.erase.empty()) {
    value = &edit.append.front();
    out.index = before.size();
  } else if (edit.erase.size() == 1 && edit.append.empty()) {
    value = &before[edit.erase.front()];
    out.index = edit.erase.front();
  } else {
    return std::nullopt;
  }
  if constexpr (std::is_same_v<T, std::string>) out.name = *value;
  if constexpr (std::is_same_v<T, model::PortProto>) out.port = *value;
  if constexpr (std::is_same_v<T, model::RichRule>) out.rule = *value;
  return out;
}

template <typename T>
std::optional<compiler::ZoneElementEdit> edit_of(const std::string& zone, Kind kind,
                                                 const std::vector<T>& before,
                                                 const ZoneItemEdit& edit) {
  const auto* list = std::get_if<ListEdit<T>>(&edit.change);
  return list ? edit_of(zone, kind, before, *list) : std::nullopt;
}

// Check build: the splices make the chains exactly what a focused compile makes.
[[maybe_unused]] bool same_as_focused(const compiler::Table& current, const model::Config& config,
                                      const compiler::RuntimeBindings& bindings,
                                      const compiler::Focus& focus,
                                      const std::vector<compiler::RuleSplice>& splices) {
  auto focused = compiler::compile_focused(config, bindings, focus);
  if (!focused || !*focused) return true;  // nothing to compare with
  compiler::Table spliced{current.family, current.name, {}, {}, {}, {}, {}};
  for (const auto& splice : splices) spliced.chains.push_back(*current.find_chain(splice.chain));
  compiler::apply_splices(spliced, splices);
  for (const auto& chain : spliced.chains) {
    const auto* want = (*focused)->find_chain(chain.name);
    if (!want || want->rules != chain.rules) return false;
  }
  return true;
}

}  // namespace

std::optional<compiler::ZoneElementEdit> zone_element_edit(const std::string& zone,
                                                           const model::Zone& before,
                                                           const ZoneItemEdit& edit) {
  switch (edit.kind) {
    case ZoneElement::Service:
      return edit_of(zone, Kind::Service, before.services, edit);
    case ZoneElement::Port:
      return edit_of(zone, Kind::Port, before.ports, edit);
    case ZoneElement::SourcePort:
      return edit_of(zone, Kind::SourcePort, before.source_ports, edit);
    case ZoneElement::Protocol:
      return edit_of(zone, Kind::Protocol, before.protocols, edit);
    case ZoneElement::RichRule:
      return edit_of(zone, Kind::RichRule, before.rules, edit);
    default:
      return std::nullopt;
  }
}

Result<bool> send_zone_element(KernelRuleset& kernel, const model::Config& config,
                               const compiler::RuntimeBindings& bindings,
                               const compiler::ZoneElementEdit& edit) {
  const compiler::Table* current = kernel.table(compiler::kTableName);
  if (!current) return false;
  auto splices = compiler::compile_zone_element(config, bindings, edit, *current);
  if (!splices) return splices;
  if (!*splices) return false;
  for (const auto& splice : **splices) {
    // A removed rule may have stood for an equal one of another element, which the compile
    // left out: only where the last compile of the chain left out none.
    if (splice.removed > 0 && !kernel.duplicate_free(compiler::kTableName, splice.chain)) {
      return false;
    }
  }
  assert(same_as_focused(*current, config, bindings, compiler::Focus{{edit.zone}, {}, false},
                         **splices));
  return kernel.apply_splices(compiler::kTableName, std::move(**splices));
}

namespace {

using Bound = std::map<std::string, std::vector<std::string>>;

// The one entry appended to or erased from one zone's list between `prev` and `next`.
std::optional<compiler::BindingEdit> one_binding(const Bound& prev, const Bound& next,
                                                 bool source) {
  std::optional<compiler::BindingEdit> edit;
  auto p = prev.begin();
  auto n = next.begin();
  while (p != prev.end() || n != next.end()) {
    static const std::vector<std::string> kNone;
    bool take_p = p != prev.end() && (n == next.end() || p->first <= n->first);
    bool take_n = n != next.end() && (p == prev.end() || n->first <= p->first);
    const std::string& zone = take_p ? p->first : n->first;
    const auto& before = take_p ? p->second : kNone;
    const auto& after = take_n ? n->second : kNone;
    if (take_p) ++p;
    if (take_n) ++n;
    if (before == after) continue;
    if (edit) return std::nullopt;  // a second zone changed
    auto one = one_element(before, after);
    if (!one) return std::nullopt;
    edit = compiler::BindingEdit{zone, *one->first, source, after.size() > before.size()};
    edit->name = *one->first;
  }
  return edit;
}

std::optional<compiler::BindingEdit> binding_edit(const compiler::RuntimeBindings& prev,
                                                  const compiler::RuntimeBindings& next) {
  if (prev.default_zone != next.default_zone || prev.policy_order != next.policy_order) {
    return std::nullopt;
  }
  auto interface = one_binding(prev.interfaces, next.interfaces, false);
  auto source = one_binding(prev.sources, next.sources, true);
  if (interface.has_value() == source.has_value()) return std::nullopt;  // none, or both
  if (interface && !interface->added && !interface->name.empty()) return interface;
  if (interface) {
    // The new interface is the newest binding (order_interfaces() put it last).
    if (next.interface_order.empty() || next.interface_order.back() != interface->name) {
      return std::nullopt;
    }
    return interface;
  }
  return source;
}

}  // namespace

Result<bool> send_binding(KernelRuleset& kernel, const model::Config& config,
                          const compiler::RuntimeBindings& prev,
                          const compiler::RuntimeBindings& next) {
  const compiler::Table* current = kernel.table(compiler::kTableName);
  if (!current) return false;
  auto edit = binding_edit(prev, next);
  if (!edit) return false;
  auto splices = compiler::compile_binding(config, next, *edit, *current);
  if (!splices) return splices;
  if (!*splices) return false;
  for (const auto& splice : **splices) {
    if (splice.removed > 0 && !kernel.duplicate_free(compiler::kTableName, splice.chain)) {
      return false;
    }
  }
  assert(
      same_as_focused(*current, config, next, compiler::Focus{{edit->zone}, {}, true}, **splices));
  return kernel.apply_splices(compiler::kTableName, std::move(**splices));
}

}  // namespace fwctl::core
