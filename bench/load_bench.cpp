// Load bench (issue 3): loading big rulesets through fwctl's netlink backend against `nft -f`
// of the same ruleset, each into a fresh network namespace. See bench/run.sh.
//
// The orchestrator stays small and runs every measured step as a child (children.hpp), so each
// peak RSS is the child's own. Output: a Markdown table and per-workload details on stdout.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "change_report.hpp"
#include "children.hpp"
#include "proc.hpp"
#include "report_util.hpp"
#include "workloads.hpp"

namespace fwctl::bench {
namespace {

constexpr int kMaxReps = 50;
constexpr int kDiffLines = 40;

struct Check {
  int runs = 0;
  int identical = 0;
  int identical_unwrapped = 0;  // equal once nft's wrapped set-element lines are joined
  std::string first_diff;       // `diff -u expected kernel` head of the first mismatch
};

struct Result {
  std::string name, description;
  KeyValues size;
  Samples compile_only, compile_rss, compile_config_rss;
  Samples fw_total, fw_compile, fw_apply, fw_apply_user, fw_apply_sys, fw_rss, fw_config_rss;
  Samples fw_build, fw_open, fw_send, fw_other, fw_cpu, nft_cpu;
  KeyValues fw_batch;  // batch_messages, batch_bytes of the last run
  Samples nft_wall, nft_user, nft_sys, nft_rss;
  Check fw_check, nft_check;
  std::vector<std::string> errors;
};

struct Options {
  int reps = 5;
  std::string out_dir;
  std::vector<std::string> workloads;
  bool load = true;      // --skip-load: the change bench alone
  int change_reps = 21;  // 0: no change bench
  bool before = false;   // --before: also main's path before issue 13 (slow at 1,000,000)
  std::vector<std::string> change_workloads = {"default",      "zone-ports-rich", "rich-10k",
                                               "bindings-500", "ipset-ip",        "ipset-1m"};
};

constexpr int kMaxChangeReps = 200;

// The first lines of a file, each cut to 200 characters.
std::string head_lines(const std::string& file, int max_lines) {
  std::ifstream in(file);
  std::string line, out;
  for (int i = 0; i < max_lines && std::getline(in, line); ++i) {
    out += line.size() > 200 ? line.substr(0, 200) + " ..." : line;
    out += "\n";
  }
  return out;
}

// Reads the namespace's ruleset back and compares it with the text the compiler printed.
void verify(const std::string& ns, const std::string& expected, const std::string& stem,
            Check& check, std::vector<std::string>& errors) {
  std::string got = stem + ".list";
  auto list = run_child({"nft", "list", "ruleset"}, ns, got);
  ++check.runs;
  if (list.exit_code != 0) {
    errors.push_back("nft list ruleset: " + one_line(list.err));
    return;
  }
  if (run_child({"cmp", "-s", expected, got}).exit_code == 0) {
    ++check.identical;
    return;
  }
  // Compared in a child, which reads both files whole: the orchestrator stays small.
  if (run_child({self_exe(), "same-unwrapped", expected, got}).exit_code == 0) {
    ++check.identical_unwrapped;
    return;
  }
  if (check.first_diff.empty()) {
    std::string diff = stem + ".diff";
    (void)run_child({"diff", "-u", expected, got}, {}, diff);
    check.first_diff = head_lines(diff, kDiffLines);
  }
}

void fwctl_once(const std::string& exe, const std::string& file, const std::string& stem,
                bool record, Result& r) {
  std::string ns = fresh_ns();
  if (!netns_add(ns)) {
    r.errors.push_back("cannot create netns " + ns);
    return;
  }
  auto run = run_child({exe, "apply", r.name, ns});
  if (run.exit_code != 0) {
    r.errors.push_back("fwctl apply: " + one_line(run.err));
  } else if (record) {
    auto kv = parse_kv(run.out);
    r.fw_total.add(first(kv, "total_s"));
    r.fw_compile.add(first(kv, "compile_s"));
    r.fw_apply.add(first(kv, "apply_s"));
    r.fw_apply_user.add(first(kv, "apply_user_s"));
    r.fw_apply_sys.add(first(kv, "apply_sys_s"));
    r.fw_rss.add(first(kv, "maxrss_kb"));
    r.fw_config_rss.add(first(kv, "config_rss_kb"));
    r.fw_build.add(first(kv, "build_s"));
    r.fw_open.add(first(kv, "open_s"));
    r.fw_send.add(first(kv, "send_s"));
    r.fw_other.add(first(kv, "apply_s") - first(kv, "build_s") - first(kv, "open_s") -
                   first(kv, "send_s"));
    r.fw_batch = kv;
    r.fw_cpu.add(first(kv, "compile_user_s") + first(kv, "compile_sys_s") +
                 first(kv, "apply_user_s") + first(kv, "apply_sys_s"));
    verify(ns, file, stem, r.fw_check, r.errors);
  }
  netns_del(ns);
}

void nft_once(const std::string& file, const std::string& stem, bool record, Result& r) {
  std::string ns = fresh_ns();
  if (!netns_add(ns)) {
    r.errors.push_back("cannot create netns " + ns);
    return;
  }
  auto flush = run_child({"nft", "flush", "ruleset"}, ns);
  auto run = flush.exit_code == 0 ? run_child({"nft", "-f", file}, ns) : flush;
  if (run.exit_code != 0) {
    r.errors.push_back("nft -f: " + one_line(run.err));
  } else if (record) {
    r.nft_wall.add(run.wall_s);
    r.nft_user.add(run.user_s);
    r.nft_sys.add(run.sys_s);
    r.nft_cpu.add(run.user_s + run.sys_s);
    r.nft_rss.add(static_cast<double>(run.maxrss_kb));
    verify(ns, file, stem, r.nft_check, r.errors);
  }
  netns_del(ns);
}

Result run_workload(const std::string& exe, const Options& o, const std::string& name) {
  Result r;  // the orchestrator builds no configuration: its own RSS stays the floor
  r.name = name;
  r.description = describe_workload(name);
  if (r.description.empty()) {
    r.errors.push_back("unknown workload");
    return r;
  }
  std::string file = o.out_dir + "/" + name + ".nft";
  std::fprintf(stderr, "[%s] emit\n", name.c_str());
  auto emit = run_child({exe, "emit", name, file});
  if (emit.exit_code != 0) {
    r.errors.push_back("emit: " + one_line(emit.err));
    return r;
  }
  r.size = parse_kv(emit.out);
  std::fprintf(stderr, "[%s] compile x%d\n", name.c_str(), o.reps);
  auto comp = run_child({exe, "compile", name, std::to_string(o.reps)});
  auto comp_kv = parse_kv(comp.out);
  for (double s : comp_kv["compile_s"]) r.compile_only.add(s);
  r.compile_rss.add(first(comp_kv, "maxrss_kb"));
  r.compile_config_rss.add(first(comp_kv, "config_rss_kb"));
  if (comp.exit_code != 0) r.errors.push_back("compile: " + one_line(comp.err));
  // One warm-up round (module loading), then alternating measured rounds.
  for (int rep = -1; rep < o.reps; ++rep) {
    std::fprintf(stderr, "[%s] load round %d/%d\n", name.c_str(), rep + 1, o.reps);
    fwctl_once(exe, file, o.out_dir + "/" + name + ".fwctl", rep >= 0, r);
    nft_once(file, o.out_dir + "/" + name + ".nftf", rep >= 0, r);
  }
  return r;
}

std::string fmt_time(double s) {
  char buf[64];
  if (s < 1) std::snprintf(buf, sizeof buf, "%.1f ms", s * 1000);
  else std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::string fmt_samples(const Samples& s) {
  if (s.empty()) return "n/a";
  return fmt_time(s.median()) + " (min " + fmt_time(s.min()) + ")";
}

std::string fmt_check(const Check& c) {
  if (c.runs == 0) return "n/a";
  if (c.identical == c.runs)
    return "identical (" + std::to_string(c.runs) + "/" + std::to_string(c.runs) + ")";
  std::string n = "/" + std::to_string(c.runs);
  if (c.identical + c.identical_unwrapped == c.runs) {
    return "same content, set elements wrapped differently (" +
           std::to_string(c.identical_unwrapped) + n + ")";
  }
  return "**differs** (" + std::to_string(c.runs - c.identical - c.identical_unwrapped) + n + ")";
}

// `nft -f` of an empty file in a fresh namespace: the process start-up inside every `nft -f`
// figure (a daemon applying through the backend pays none).
Samples nft_startup(const Options& o) {
  Samples s;
  std::string empty = o.out_dir + "/empty.nft";
  std::ofstream(empty).close();
  std::string ns = fresh_ns();
  if (!netns_add(ns)) return s;
  for (int i = 0; i < o.reps; ++i) {
    auto run = run_child({"nft", "-f", empty}, ns);
    if (run.exit_code == 0) s.add(run.wall_s);
  }
  netns_del(ns);
  return s;
}

void print_report(const std::vector<Result>& results, const Options& o, const Samples& startup) {
  std::printf(
      "| work | compile only | fwctl: compile + apply | `nft -f` | fwctl / `nft -f` | "
      "peak RSS fwctl | peak RSS `nft -f` |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (const auto& r : results) {
    std::string ratio = "n/a";
    if (!r.fw_total.empty() && !r.nft_wall.empty() && r.nft_wall.median() > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f×", r.fw_total.median() / r.nft_wall.median());
      ratio = buf;
    }
    std::printf("| %s | %s | %s | %s | %s | %s | %s |\n", r.description.c_str(),
                fmt_samples(r.compile_only).c_str(), fmt_samples(r.fw_total).c_str(),
                fmt_samples(r.nft_wall).c_str(), ratio.c_str(),
                r.fw_rss.empty() ? "n/a" : fmt_mb(r.fw_rss.median()).c_str(),
                r.nft_rss.empty() ? "n/a" : fmt_mb(r.nft_rss.median()).c_str());
  }
  std::printf(
      "\nTimes: median of %d runs (min). Each load goes into a fresh network namespace; "
      "one warm-up round is not counted. fwctl: compile() + one-batch apply, timed in "
      "its process. `nft -f`: `nft flush ruleset` in the namespace, then the process "
      "`nft -f` of the compiler's text, fork to exit (of which process start-up, "
      "`nft -f` of an empty file: %s).\n",
      o.reps, fmt_samples(startup).c_str());
  for (const auto& r : results) {
    std::printf("\n### %s (`%s`)\n\n", r.description.c_str(), r.name.c_str());
    std::printf(
        "- ruleset: %.0f chains, %.0f rules, %.0f sets, %.0f set elements, %.0f bytes of text\n",
        first(r.size, "chains"), first(r.size, "rules"), first(r.size, "sets"),
        first(r.size, "set_elements"), first(r.size, "text_bytes"));
    std::printf("- compile only: %s; RSS with the model built %s, peak %s\n",
                fmt_samples(r.compile_only).c_str(), fmt_mb(r.compile_config_rss.median()).c_str(),
                fmt_mb(r.compile_rss.median()).c_str());
    if (!r.fw_total.empty()) {
      std::printf(
          "- fwctl: compile %s + apply %s = build batch %s + open socket %s + send and "
          "read ACKs %s + free batch and close socket %s; apply CPU: user %s, sys %s\n",
          fmt_time(r.fw_compile.median()).c_str(), fmt_time(r.fw_apply.median()).c_str(),
          fmt_time(r.fw_build.median()).c_str(), fmt_time(r.fw_open.median()).c_str(),
          fmt_time(r.fw_send.median()).c_str(), fmt_time(r.fw_other.median()).c_str(),
          fmt_time(r.fw_apply_user.median()).c_str(), fmt_time(r.fw_apply_sys.median()).c_str());
      std::printf(
          "- fwctl batch: %.0f messages, %.0f bytes. Peak RSS: model built %s, after compile "
          "%s, after building the batch %s, at the end %s\n",
          first(r.fw_batch, "batch_messages"), first(r.fw_batch, "batch_bytes"),
          fmt_mb(r.fw_config_rss.median()).c_str(),
          fmt_mb(first(r.fw_batch, "maxrss_after_compile_kb")).c_str(),
          fmt_mb(first(r.fw_batch, "maxrss_after_build_kb")).c_str(),
          fmt_mb(r.fw_rss.median()).c_str());
    } else {
      std::printf("- fwctl: no successful run\n");
    }
    if (!r.nft_wall.empty()) {
      std::printf("- `nft -f`: %s (CPU: user %s, sys %s), peak RSS %s\n",
                  fmt_time(r.nft_wall.median()).c_str(), fmt_time(r.nft_user.median()).c_str(),
                  fmt_time(r.nft_sys.median()).c_str(), fmt_mb(r.nft_rss.median()).c_str());
    }
    if (!r.fw_cpu.empty() && !r.nft_cpu.empty() && r.nft_cpu.median() > 0) {
      std::printf(
          "- CPU time (user + sys, less sensitive to a busy machine than wall time): fwctl "
          "%s, `nft -f` %s, ratio %.2f×\n",
          fmt_samples(r.fw_cpu).c_str(), fmt_samples(r.nft_cpu).c_str(),
          r.fw_cpu.median() / r.nft_cpu.median());
    }
    std::printf("- `nft list ruleset` = `to_text()` after fwctl: %s; after `nft -f`: %s\n",
                fmt_check(r.fw_check).c_str(), fmt_check(r.nft_check).c_str());
    for (const auto* c : {&r.fw_check, &r.nft_check}) {
      if (c->first_diff.empty()) continue;
      std::printf(
          "\n  First difference after %s (`diff -u to_text kernel`, first %d "
          "lines):\n\n```diff\n%s```\n",
          c == &r.fw_check ? "fwctl" : "`nft -f`", kDiffLines, c->first_diff.c_str());
    }
    for (size_t i = 0; i < r.errors.size() && i < 10; ++i) {
      std::printf("- error: %s\n", r.errors[i].c_str());
    }
  }
  std::printf("\nOrchestrator peak RSS (the floor of every child's figure): %s\n",
              fmt_mb(static_cast<double>(self_usage().maxrss_kb)).c_str());
}

bool parse_options(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) {
      o.reps = std::atoi(argv[++i]);
    } else if (a == "--change-reps" && i + 1 < argc) {
      o.change_reps = std::atoi(argv[++i]);
    } else if (a == "--before") {
      o.before = true;
    } else if (a == "--skip-load") {
      o.load = false;
    } else if (a == "--out" && i + 1 < argc) {
      o.out_dir = argv[++i];
    } else if (a == "--change-workloads" && i + 1 < argc) {
      std::istringstream in(argv[++i]);
      o.change_workloads.clear();
      std::string w;
      for (int k = 0; k < 100 && std::getline(in, w, ','); ++k) o.change_workloads.push_back(w);
    } else if (a == "--workloads" && i + 1 < argc) {
      std::istringstream in(argv[++i]);
      std::string w;
      for (int k = 0; k < 100 && std::getline(in, w, ','); ++k) o.workloads.push_back(w);
    } else {
      return false;
    }
  }
  if (o.workloads.empty()) o.workloads = workload_names();
  if (o.out_dir.empty()) o.out_dir = "/tmp/fwctl-bench." + std::to_string(getpid());
  return o.reps >= 1 && o.reps <= kMaxReps && o.change_reps >= 0 && o.change_reps <= kMaxChangeReps;
}

int orchestrate(int argc, char** argv) {
  Options o;
  if (!parse_options(argc, argv, o)) {
    std::fprintf(
        stderr,
        "usage: load_bench [--reps 1-%d] [--out DIR] [--workloads a,b,...]\n"
        "                  [--change-reps 0-%d] [--change-workloads a,b,...] [--skip-load]\n"
        "                  [--before]\n"
        "workloads:",
        kMaxReps, kMaxChangeReps);
    for (const auto& w : workload_names()) std::fprintf(stderr, " %s", w.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  if (geteuid() != 0) {
    std::fprintf(stderr, "load_bench needs root (network namespaces, nft)\n");
    return 2;
  }
  if (run_child({"mkdir", "-p", o.out_dir}).exit_code != 0) {
    std::fprintf(stderr, "cannot create %s\n", o.out_dir.c_str());
    return 1;
  }
  std::string exe = self_exe();
  std::vector<Result> results;
  bool failed = false;
  if (o.load) {
    for (const auto& name : o.workloads) {
      results.push_back(run_workload(exe, o, name));
      failed = failed || !results.back().errors.empty();
    }
  }
  std::vector<ChangeResult> changes;
  ChangeOptions co{o.change_reps, o.out_dir, o.before};
  if (o.change_reps > 0) {
    for (const auto& name : o.change_workloads) {
      changes.push_back(run_change(exe, co, name));
      failed = failed || change_failed(changes.back());
    }
  }
  if (o.load) print_report(results, o, nft_startup(o));
  if (!changes.empty()) print_change_report(changes, co);
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace fwctl::bench

int main(int argc, char** argv) {
  int rc = fwctl::bench::child_main(argc, argv);
  return rc >= 0 ? rc : fwctl::bench::orchestrate(argc, argv);
}
