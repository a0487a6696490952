// Change bench, child side (`change NAME NETNS REPS DIR`): one runtime change against a loaded
// ruleset, made as main made it before issue 13 (the "before" column of the report; the daemon's
// path now is firewall_change_bench.cpp). In NETNS the workload is loaded whole through
// core::KernelRuleset::load(); then, REPS times and in both variants (KernelRuleset::apply
// without a scope, and with a ChangeScope naming only the changed zone, set or bindings), one
// port and one rich rule are added to the zone and removed again, an interface bound to public
// and unbound, and for an ipset workload one entry is added to the set and removed again. Each
// change is timed as main's daemon paid for it, less its copy of the configuration: edit the
// Config, compile() the whole IR, apply() it (compare, diff, build the batch, send it, read the
// ACKs, record the handles). A Netlink decorator around MnlNetlink gives the batch's size and
// the time of send() alone (the kernel round trip). A warm-up round, not timed, checks the
// kernel's listing against the IR after each change.
//
// Output: "key value" lines, key = OP.VARIANT.MEASURE, e.g. "port_add.scoped.send_s 0.000123".

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "change_common.hpp"
#include "children.hpp"
#include "compiler/compiler.hpp"
#include "core/change_scope.hpp"
#include "core/kernel_ruleset.hpp"
#include "model/rich_rule.hpp"
#include "nft/mnl_netlink.hpp"
#include "proc.hpp"
#include "workloads.hpp"

namespace fwctl::bench {
namespace {

constexpr int kMaxChangeReps = 200;

void print(const std::string& key, double v) { std::printf("%s %.9f\n", key.c_str(), v); }

}  // namespace

// The kernel's listing against to_text() of what KernelRuleset says it holds.
bool kernel_matches(const compiler::Ruleset& ruleset, const std::string& dir,
                    const std::string& tag) {
  std::string want = dir + "/change-" + tag + ".want", got = dir + "/change-" + tag + ".list";
  {
    FILE* f = std::fopen(want.c_str(), "w");
    if (!f) return false;
    std::string text = compiler::to_text(ruleset);
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !ok) return false;
  }
  auto list = run_child({"nft", "list", "ruleset"}, {}, got, 60);
  if (list.exit_code != 0) return false;
  if (same_unwrapped(want, got)) return true;
  std::fprintf(stderr, "change %s: kernel listing differs from the IR (%s, %s)\n", tag.c_str(),
               want.c_str(), got.c_str());
  return false;
}

int change_main(const std::string& name, const std::string& netns, int reps,
                const std::string& dir) {
  if (reps < 1 || reps > kMaxChangeReps) return 2;
  std::string error;
  if (!netns_enter(netns, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  Workload w;
  if (!make_workload(name, w)) {
    std::fprintf(stderr, "unknown workload '%s'\n", name.c_str());
    return 1;
  }
  const bool has_set = w.config.ipsets.count("bench-ip") != 0;
  const std::string zone_name = has_set ? "internal" : "public";
  auto& zone = w.config.zones[zone_name].value;
  auto mnl = nft::MnlNetlink::open();
  if (!mnl) {
    std::fprintf(stderr, "netlink: %s\n", mnl.error().message().c_str());
    return 1;
  }
  TimingNetlink netlink(**mnl);
  core::KernelRuleset kernel(netlink);

  // The whole load, as at start-up.
  double t0 = now_s();
  auto rs = compiler::compile(w.config, w.bindings);
  if (!rs) {
    std::fprintf(stderr, "compile failed: %s\n", rs.error().message().c_str());
    return 1;
  }
  long rules = 0, elements = 0;
  for (const auto& t : rs->tables) {
    for (const auto& c : t.chains) rules += static_cast<long>(c.rules.size());
    for (const auto& s : t.sets) elements += static_cast<long>(s.elements.size());
  }
  double t1 = now_s();
  if (auto st = kernel.load(std::move(*rs)); !st) {
    std::fprintf(stderr, "load failed: %s\n", st.error().message().c_str());
    return 1;
  }
  double t2 = now_s();
  print("rules", static_cast<double>(rules));
  print("set_elements", static_cast<double>(elements));
  print("load_compile_s", t1 - t0);
  print("load_apply_s", t2 - t1);
  print("load_messages", static_cast<double>(netlink.messages));
  print("load_bytes", static_cast<double>(netlink.bytes));
  const std::string initial = compiler::to_text(kernel.ruleset());
  {
    // What freeing one whole IR costs: apply() replaces its current IR with the new one.
    auto spare = compiler::compile(w.config, w.bindings);
    if (spare) {
      double f0 = now_s();
      spare = compiler::Ruleset{};
      print("ir_free_s", now_s() - f0);
    }
  }

  core::ChangeScope zone_scope;
  zone_scope.zones = {zone_name};
  core::ChangeScope set_scope;
  set_scope.sets = {"bench-ip"};

  struct Op {
    const char* name;
    void (*edit)(Workload&, model::Zone&);
    const core::ChangeScope* scope;
  };
  core::ChangeScope bind_scope;
  bind_scope.zones = {"public"};
  bind_scope.shared_chains = true;
  std::vector<Op> ops = {
      {"port_add",
       [](Workload&, model::Zone& z) {
         z.ports.push_back({kExtraPort, "tcp"});
       },
       &zone_scope},
      {"port_del", [](Workload&, model::Zone& z) { z.ports.pop_back(); }, &zone_scope},
      {"rich_add",
       [](Workload&, model::Zone& z) { z.rules.push_back(*model::parse_rich_rule(kExtraRule)); },
       &zone_scope},
      {"rich_del", [](Workload&, model::Zone& z) { z.rules.pop_back(); }, &zone_scope},
      {"bind_add",
       [](Workload& wl, model::Zone&) {
         wl.bindings.interfaces["public"].push_back(kExtraInterface);
       },
       &bind_scope},
      {"bind_del", [](Workload& wl, model::Zone&) { wl.bindings.interfaces["public"].pop_back(); },
       &bind_scope},
  };
  if (has_set) {
    ops.push_back({"entry_add",
                   [](Workload& wl, model::Zone&) {
                     wl.config.ipsets["bench-ip"].value.entries.push_back(kExtraEntry);
                   },
                   &set_scope});
    ops.push_back(
        {"entry_del",
         [](Workload& wl, model::Zone&) { wl.config.ipsets["bench-ip"].value.entries.pop_back(); },
         &set_scope});
  }

  int checks = 0, checks_ok = 0;
  // Round -1 is a warm-up, not printed, whose every change is checked against the kernel's
  // listing; the checks fork nft, which would otherwise disturb the timed changes.
  for (int rep = -1; rep < reps; ++rep) {
    for (int v = 0; v < 2; ++v) {
      bool scoped = (v + rep + 2) % 2 == 1;  // alternate which variant goes first
      const char* variant = scoped ? "scoped" : "whole";
      for (const auto& op : ops) {
        netlink.reset();
        SelfUsage u0 = self_usage();
        double a = now_s();
        op.edit(w, zone);
        auto next = compiler::compile(w.config, w.bindings);
        if (!next) {
          std::fprintf(stderr, "%s: compile failed: %s\n", op.name, next.error().message().c_str());
          return 1;
        }
        double b = now_s();
        auto st = kernel.apply(std::move(*next), scoped ? op.scope : nullptr);
        double c = now_s();
        SelfUsage u1 = self_usage();
        if (!st) {
          std::fprintf(stderr, "%s (%s): apply failed: %s\n", op.name, variant,
                       st.error().message().c_str());
          return 1;
        }
        if (rep < 0) {
          ++checks;
          checks_ok +=
              kernel_matches(kernel.ruleset(), dir, name + "-" + op.name + "-" + variant) ? 1 : 0;
          continue;
        }
        std::string key = std::string(op.name) + "." + variant + ".";
        print(key + "total_s", c - a);
        print(key + "compile_s", b - a);
        print(key + "apply_s", c - b);
        print(key + "send_s", netlink.send_s);
        print(key + "cpu_s", (u1.user_s - u0.user_s) + (u1.sys_s - u0.sys_s));
        print(key + "sends", netlink.sends);
        print(key + "messages", static_cast<double>(netlink.messages));
        print(key + "bytes", static_cast<double>(netlink.bytes));
      }
    }
  }
  // Every op pair undoes itself: the kernel holds the loaded ruleset again.
  ++checks;
  if (compiler::to_text(kernel.ruleset()) == initial &&
      kernel_matches(kernel.ruleset(), dir, name + "-end"))
    ++checks_ok;
  print("checks", checks);
  print("checks_ok", checks_ok);
  return 0;
}

}  // namespace fwctl::bench
