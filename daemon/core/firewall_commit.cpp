// The one commit point of every runtime change: derive the kernel's part of the change, send it
// as one batch, and only once the kernel accepted it make the change the runtime state. See
// core/runtime_change.hpp.

#include <utility>

#include "compiler/compiler.hpp"
#include "compiler/focus.hpp"
#include "compiler/ipsets.hpp"
#include "compiler/panic.hpp"
#include "compiler/policy_order.hpp"
#include "core/firewall.hpp"
#include "core/splice_change.hpp"

namespace fwctl::core {
namespace {

// The next zones, policies and default zone in runtime_ while the change is compiled: swapped
// in (no copy of the configuration), an element edited in place, and swapped back out and the
// edit undone unless the kernel accepted the batch. Nothing else runs meanwhile (the firewall
// is single-threaded).
class Overlay {
 public:
  Overlay(model::Config& runtime, RuntimeChange& change) : runtime_(runtime), change_(change) {
    swap_all();
    if (change.in_place) core::apply(in_place_zone(), change.in_place->edit);
    if (change.bindings) default_zone_ = change.bindings->default_zone;
    if (change.bindings) std::swap(runtime_.conf.default_zone, default_zone_);
  }
  ~Overlay() {
    if (kept_) return;
    swap_all();
    if (change_.in_place) core::undo(in_place_zone(), change_.in_place->edit);
    if (change_.bindings) std::swap(runtime_.conf.default_zone, default_zone_);
  }
  Overlay(const Overlay&) = delete;
  Overlay& operator=(const Overlay&) = delete;
  void keep() { kept_ = true; }

 private:
  model::Zone& in_place_zone() { return runtime_.zones.at(change_.in_place->zone).value; }
  void swap_all() {
    for (auto& [name, zone] : change_.zones) std::swap(runtime_.zones.at(name).value, zone);
    for (auto& [name, policy] : change_.policies) {
      std::swap(runtime_.policies.at(name).value, policy);
    }
  }

  model::Config& runtime_;
  RuntimeChange& change_;
  std::string default_zone_;
  bool kept_ = false;
};

}  // namespace

Status Firewall::commit_runtime(RuntimeChange change) {
  if (group_) return stage_runtime(std::move(change));  // core/change_group.cpp
  if (change.refused_in_panic) {
    if (Status st = check_panic(); !st) return st;
  }
  const compiler::RuntimeBindings& bindings = zones_.bindings();
  if (!change.policies.empty() && !change.bindings) change.bindings = bindings;
  if (change.bindings) {
    compiler::order_interfaces(bindings, *change.bindings);
    for (const auto& [name, policy] : change.policies) {
      compiler::order_policy_element(name, runtime_.policies.at(name).value, policy,
                                     *change.bindings);
    }
  }
  auto before = sysctl_dir_.empty() ? std::set<std::string>{} : forwarding_needs();
  Overlay overlay(runtime_, change);
  if (Status st = send_change(change); !st) return st;
  overlay.keep();
  if (change.bindings) zones_.adopt(std::move(*change.bindings));
  if (change.entries) ipsets_.adopt(std::move(*change.entries));
  if (change.panic) panic_.adopt(*change.panic);
  enable_ip_forwarding(before);
  return ok();
}

// The kernel's part, with runtime_ showing the change (Overlay): one batch, nothing else changed.
Status Firewall::send_change(const RuntimeChange& change) {
  if (change.panic) {
    ChangeScope nothing;  // firewalld's table is not touched
    auto next = *change.panic ? compiler::with_panic(kernel_.ruleset())
                              : compiler::without_panic(kernel_.ruleset());
    if (Status st = kernel_.apply(std::move(next), &nothing); !st) {
      return fail(Code::COMMAND_FAILED, st.error().detail);
    }
    return ok();
  }
  if (change.entries) return send_entries(*change.entries);
  const auto& bindings = change.bindings ? *change.bindings : zones_.bindings();
  if (change.element && !change.whole) {
    auto sent = send_zone_element(kernel_, runtime_, bindings, *change.element);
    if (!sent || *sent) return sent ? ok() : Status{sent};
  }
  if (change.bindings && change.zones.empty() && change.policies.empty() && !change.whole) {
    auto sent = send_binding(kernel_, runtime_, zones_.bindings(), bindings);
    if (!sent || *sent) return sent ? ok() : Status{sent};
  }
  if (!change.whole) {
    std::set<std::string> duplicated;
    auto partial = compiler::compile_focused(runtime_, bindings, change.scope.focus(), &duplicated);
    if (!partial) return partial;
    if (*partial) {
      auto sent = kernel_.apply_chains(std::move(**partial), change.scope, &duplicated);
      if (!sent || *sent) return sent ? ok() : Status{sent};
    }
  }
  std::set<std::string> duplicated;
  auto ruleset = compiler::compile(runtime_, bindings, &duplicated);
  if (!ruleset) return ruleset;
  const ChangeScope* scope = change.whole ? nullptr : &change.scope;
  if (Status st = kernel_.apply(with_panic_state(std::move(*ruleset)), scope); !st) return st;
  kernel_.compiled_whole(compiler::kTableName, duplicated);
  return ok();
}

Status Firewall::send_entries(const EntryEdit& edit) {
  const model::IpSet& ipset = runtime_.ipsets.at(edit.set).value;
  return kernel_.apply_elements(compiler::kTableName, edit.set,
                                compiler::ipset_elements(ipset, edit.gone),
                                compiler::ipset_elements(ipset, edit.come));
}

}  // namespace fwctl::core
