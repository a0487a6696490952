// The load bench's change part, orchestrator side: see change_report.hpp.

#include "change_report.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "children.hpp"
#include "proc.hpp"
#include "workloads.hpp"

namespace fwctl::bench {
namespace {

// The 1,000,000-entry workload recompiles a million elements per change in the `change` mode.
int reps_for(const std::string& name, int reps) {
  return name == "ipset-1m" ? std::min(reps, 5) : reps;
}

// main's path before issue 13 (`change`: the whole IR recompiled, then the scoped diff).
void run_before(const std::string& exe, const ChangeOptions& o, const std::string& name,
                ChangeResult& r) {
  std::string ns = fresh_ns();
  if (!netns_add(ns)) {
    r.errors.push_back("cannot create netns " + ns);
    return;
  }
  int reps = reps_for(name, o.reps);
  std::fprintf(stderr, "[%s] change x%d\n", name.c_str(), reps);
  auto run = run_child({exe, "change", name, ns, std::to_string(reps), o.out_dir}, {}, {}, 1800);
  r.kv = parse_kv(run.out);
  if (run.exit_code != 0) r.errors.push_back("change: " + one_line(run.err));
  netns_del(ns);
}

}  // namespace

ChangeResult run_change(const std::string& exe, const ChangeOptions& o, const std::string& name) {
  ChangeResult r;
  r.name = name;
  r.description = describe_workload(name);
  if (o.before) run_before(exe, o, name, r);
  std::string fw_ns = fresh_ns();
  if (!netns_add(fw_ns)) {
    r.errors.push_back("cannot create netns " + fw_ns);
    return r;
  }
  std::fprintf(stderr, "[%s] fwchange x%d\n", name.c_str(), o.reps);
  auto fw =
      run_child({exe, "fwchange", name, fw_ns, std::to_string(o.reps), o.out_dir}, {}, {}, 1800);
  r.fw = parse_kv(fw.out);
  if (fw.exit_code != 0) r.errors.push_back("fwchange: " + one_line(fw.err));
  netns_del(fw_ns);
  return r;
}

namespace {

// "1.23 ms = 1.00 ms + 0.23 ms": whole change = recompile + (apply less send: compare, diff,
// build the batch, record the handles).
std::string fmt_split(const KeyValues& kv, const std::string& key) {
  Samples total = samples(kv, key + "total_s"), comp = samples(kv, key + "compile_s");
  Samples rest;
  const auto& apply = samples(kv, key + "apply_s").v;
  const auto& send = samples(kv, key + "send_s").v;
  for (size_t i = 0; i < apply.size() && i < send.size(); ++i) rest.add(apply[i] - send[i]);
  if (total.empty()) return "n/a";
  return "**" + fmt_short(total.median()) + "** = " + fmt_short(comp.median()) + " + " +
         fmt_short(rest.median());
}

const std::vector<std::pair<std::string, std::string>>& change_ops() {
  static const std::vector<std::pair<std::string, std::string>> kOps = {
      {"port_add", "add one port to the zone"},       {"port_del", "remove that port"},
      {"rich_add", "add one rich rule to the zone"},  {"rich_del", "remove that rich rule"},
      {"bind_add", "bind an interface to public"},    {"bind_del", "unbind it"},
      {"entry_add", "add one ipset entry"},           {"entry_del", "remove that entry"},
      {"first_del", "remove the entry listed first"}, {"first_add", "add it back"}};
  return kOps;
}

// Issue 13's table: each change through core::Firewall against the same change on the default
// configuration and against main's path before (the whole IR recompiled, the scoped diff).
void print_firewall_change_report(const std::vector<ChangeResult>& results,
                                  const ChangeOptions& o) {
  const ChangeResult* base = nullptr;
  for (const auto& r : results) base = r.name == "default" ? &r : base;
  std::printf("\n## One runtime change through the daemon's commit point (`core::Firewall`)\n\n");
  std::printf(
      "| ruleset loaded | change | batch: messages / bytes | kernel: send + ACKs | "
      "**after**: whole change | after less kernel | × the default's | CPU | "
      "before: recompile + scoped diff |\n|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& r : results) {
    for (const auto& [op, what] : change_ops()) {
      Samples total = samples(r.fw, op + ".total_s"), send = samples(r.fw, op + ".send_s");
      if (total.empty()) continue;
      Samples rest;
      for (size_t i = 0; i < total.v.size() && i < send.v.size(); ++i)
        rest.add(total.v[i] - send.v[i]);
      std::string ratio = "n/a";
      Samples b = base ? samples(base->fw, op + ".total_s") : Samples{};
      if (!b.empty()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f×", total.median() / b.median());
        ratio = buf;
      }
      Samples before = samples(r.kv, op + ".scoped.total_s");
      std::printf("| %s | %s | %s / %s | %s | **%s** | %s | %s | %s | %s |\n",
                  r.description.c_str(), what.c_str(),
                  fmt_range(samples(r.fw, op + ".messages")).c_str(),
                  fmt_range(samples(r.fw, op + ".bytes")).c_str(), fmt_short(send.median()).c_str(),
                  fmt_short(total.median()).c_str(), fmt_short(rest.median()).c_str(),
                  ratio.c_str(), fmt_short(samples(r.fw, op + ".cpu_s").median()).c_str(),
                  before.empty() ? "n/a" : fmt_short(before.median()).c_str());
    }
  }
  std::printf(
      "\nMedian of %d changes per cell (`bench/firewall_change_bench.cpp`). The workload is "
      "written as configuration files and a `core::Firewall` starts from them in a fresh "
      "network namespace, as fwctld does; each change is then made as its D-Bus call makes "
      "it (`add_port`, `add_zone_item` of a rich rule, `add_interface`, `add_ipset_entry` and "
      "their removals): checks, a focused compile of the chains it touches or an element "
      "delta, the batch, send, ACKs, the state swap. *kernel* is `Netlink::send()` alone. "
      "*before* is the same change made as main did before issue 13 (`change` mode: the "
      "whole IR recompiled, then the diff scoped to the zone, set or bindings; it leaves out "
      "main's copy of the whole configuration per change, so main was slower still; median "
      "of %d, 5 for the 1,000,000-entry set).\n\n",
      o.reps, o.reps);
  for (const auto& r : results) {
    std::printf(
        "- %s (`%s`): start %s; fwctl RSS before start %s, started %s, after the "
        "changes %s, peak %s; kernel listing = IR after each change of the warm-up "
        "round: %.0f/%.0f\n",
        r.description.c_str(), r.name.c_str(), fmt_short(first(r.fw, "start_s")).c_str(),
        fmt_mb(first(r.fw, "rss_before_kb")).c_str(), fmt_mb(first(r.fw, "rss_started_kb")).c_str(),
        fmt_mb(first(r.fw, "rss_end_kb")).c_str(), fmt_mb(first(r.fw, "peak_rss_kb")).c_str(),
        first(r.fw, "checks_ok"), first(r.fw, "checks"));
  }
}

}  // namespace

bool change_failed(const ChangeResult& r) {
  return !r.errors.empty() || first(r.kv, "checks_ok") != first(r.kv, "checks") ||
         first(r.fw, "checks_ok") != first(r.fw, "checks");
}

void print_change_report(const std::vector<ChangeResult>& results, const ChangeOptions& o) {
  print_firewall_change_report(results, o);
  if (!o.before) return;
  const auto& kOps = change_ops();
  std::printf("\n## One runtime change (`KernelRuleset::apply`, the whole IR recompiled)\n\n");
  std::printf(
      "| ruleset loaded | change | batch: messages / bytes | kernel: send + ACKs | "
      "whole change, no scope = recompile + compare/diff/build | "
      "whole change, with ChangeScope = recompile + compare/diff/build |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const auto& r : results) {
    char label[256];
    std::snprintf(label, sizeof label, "%s (%s rules, %s set elements)", r.description.c_str(),
                  with_commas(first(r.kv, "rules")).c_str(),
                  with_commas(first(r.kv, "set_elements")).c_str());
    for (const auto& [op, what] : kOps) {
      Samples msgs, bytes, send;
      for (const char* v : {".whole.", ".scoped."}) {
        for (double x : samples(r.kv, op + v + "messages").v) msgs.add(x);
        for (double x : samples(r.kv, op + v + "bytes").v) bytes.add(x);
        for (double x : samples(r.kv, op + v + "send_s").v) send.add(x);
      }
      if (msgs.empty()) continue;
      std::printf("| %s | %s | %s / %s | %s | %s | %s |\n", label, what.c_str(),
                  fmt_range(msgs).c_str(), fmt_range(bytes).c_str(),
                  fmt_short(send.median()).c_str(), fmt_split(r.kv, op + ".whole.").c_str(),
                  fmt_split(r.kv, op + ".scoped.").c_str());
    }
  }
  std::printf(
      "\nMedian of %d changes per cell (the kernel column: of all %d, both variants). Each "
      "ruleset is loaded whole (`KernelRuleset::load`) into a fresh network namespace; then "
      "each round makes every change of its rows once without a scope and once with a "
      "`ChangeScope` naming only the zone (ports) or the set (entries), alternating which "
      "goes first; each add is undone by the next row's remove. One warm-up round, in which every "
      "change is checked against `nft list ruleset`, is not counted. A change is timed as the "
      "daemon pays for it: edit the configuration, `compile()` the whole IR, `apply()` it. "
      "*compare/diff/build* is `apply()` less `send()`: comparing the IR with the current one, "
      "diffing changed chains, building the batch, recording the kernel's handles. "
      "*kernel* is `Netlink::send()` alone: one `sendmsg` of the batch (plus the begin and end "
      "markers, not counted in messages and bytes) and reading every ACK. The batch figures "
      "are the range over every change of the row.\n\n",
      o.reps, 2 * o.reps);
  for (const auto& r : results) {
    std::printf(
        "- %s (`%s`): loaded in %s (compile %s + apply %s, %s messages, %s bytes); "
        "kernel listing = IR after each change of the warm-up round and at the end: %.0f/%.0f",
        r.description.c_str(), r.name.c_str(),
        fmt_short(first(r.kv, "load_compile_s") + first(r.kv, "load_apply_s")).c_str(),
        fmt_short(first(r.kv, "load_compile_s")).c_str(),
        fmt_short(first(r.kv, "load_apply_s")).c_str(),
        with_commas(first(r.kv, "load_messages")).c_str(),
        with_commas(first(r.kv, "load_bytes")).c_str(), first(r.kv, "checks_ok"),
        first(r.kv, "checks"));
    std::printf("; freeing one whole IR (which `apply()` does when it takes the new one): %s",
                fmt_short(first(r.kv, "ir_free_s")).c_str());
    Samples cpu_w = samples(r.kv, "port_add.whole.cpu_s"),
            cpu_s = samples(r.kv, "port_add.scoped.cpu_s");
    if (!cpu_w.empty()) {
      std::printf("; CPU of one port add (user + sys): no scope %s, with scope %s",
                  fmt_short(cpu_w.median()).c_str(), fmt_short(cpu_s.median()).c_str());
    }
    std::printf("\n");
    for (size_t i = 0; i < r.errors.size() && i < 10; ++i)
      std::printf("  - error: %s\n", r.errors[i].c_str());
  }
}

}  // namespace fwctl::bench
