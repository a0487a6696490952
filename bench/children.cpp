#include "children.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <variant>

#include "apply.hpp"
#include "compiler/compiler.hpp"
#include "proc.hpp"
#include "workloads.hpp"

namespace fwctl::bench {
namespace {

constexpr int kMaxReps = 100;

// The file with nft's set-element line breaks (",\n\t\t\t     ") turned into ", ", so
// that a difference in wrapping alone can be told from a difference in content.
std::string unwrapped(const std::string& file) {
  static const std::string kIndent = "\t\t\t     ";
  std::ifstream in(file);
  std::string line, out;
  for (long i = 0; i < 10000000 && std::getline(in, line); ++i) {
    if (line.rfind(kIndent, 0) == 0 && !out.empty() && out.back() == '\n') {
      out.back() = ' ';
      out.append(line, kIndent.size());
    } else {
      out += line;
    }
    out += '\n';
  }
  return out;
}

int usage() {
  std::fprintf(stderr,
               "usage: load_bench emit NAME FILE | compile NAME REPS | apply NAME NETNS"
               " | same-unwrapped FILE FILE | change NAME NETNS REPS DIR\n"
               "       | fwchange NAME NETNS REPS DIR | tree NAME ETC\n");
  return 2;
}

bool load(const std::string& name, Workload& w) {
  if (!make_workload(name, w)) {
    std::fprintf(stderr, "unknown workload '%s'\n", name.c_str());
    return false;
  }
  if (auto bad = check_workload(w); !bad.empty()) {
    std::fprintf(stderr, "invalid workload: %s\n", bad.c_str());
    return false;
  }
  return true;
}

Result<compiler::Ruleset> compile_or_report(const Workload& w) {
  auto r = compiler::compile(w.config, w.bindings);
  if (!r) std::fprintf(stderr, "compile failed: %s\n", r.error().message().c_str());
  return r;
}

void print(const char* key, double v) { std::printf("%s %.6f\n", key, v); }
void print(const char* key, long v) { std::printf("%s %ld\n", key, v); }

int emit(const std::string& name, const std::string& file) {
  Workload w;
  if (!load(name, w)) return 1;
  double t0 = now_s();
  auto rs = compile_or_report(w);
  if (!rs) return 1;
  double t1 = now_s();
  std::string text = compiler::to_text(*rs);
  double t2 = now_s();
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", file.c_str());
    return 1;
  }
  long chains = 0, rules = 0, sets = 0, elements = 0;
  for (const auto& t : rs->tables) {
    chains += static_cast<long>(t.chains.size());
    sets += static_cast<long>(t.sets.size());
    for (const auto& c : t.chains) rules += static_cast<long>(c.rules.size());
    for (const auto& s : t.sets) elements += static_cast<long>(s.elements.size());
  }
  print("chains", chains);
  print("rules", rules);
  print("sets", sets);
  print("set_elements", elements);
  print("text_bytes", static_cast<long>(text.size()));
  print("compile_s", t1 - t0);
  print("to_text_s", t2 - t1);
  return 0;
}

int compile_reps(const std::string& name, int reps) {
  Workload w;
  if (!load(name, w)) return 1;
  print("config_rss_kb", current_rss_kb());
  for (int i = 0; i < reps; ++i) {
    double t0 = now_s();
    auto rs = compile_or_report(w);
    double t1 = now_s();
    if (!rs) return 1;
    print("compile_s", t1 - t0);
  }
  print("maxrss_kb", self_usage().maxrss_kb);
  return 0;
}

int apply(const std::string& name, const std::string& netns) {
  std::string error;
  if (!netns_enter(netns, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  Workload w;
  if (!load(name, w)) return 1;
  long config_rss = current_rss_kb();
  SelfUsage u0 = self_usage();
  double t0 = now_s();
  auto rs = compile_or_report(w);
  if (!rs) return 1;
  SelfUsage u1 = self_usage();
  double t1 = now_s();
  ApplyStats stats;
  if (!apply_ruleset(*rs, stats, error)) {
    std::fprintf(stderr, "apply failed: %s\n", error.c_str());
    return 1;
  }
  double t2 = now_s();
  SelfUsage u2 = self_usage();
  print("build_s", stats.build_s);
  print("open_s", stats.open_s);
  print("send_s", stats.send_s);
  print("batch_messages", static_cast<long>(stats.messages));
  print("batch_bytes", static_cast<long>(stats.bytes));
  print("maxrss_after_compile_kb", u1.maxrss_kb);
  print("maxrss_after_build_kb", stats.maxrss_after_build_kb);
  print("config_rss_kb", config_rss);
  print("compile_s", t1 - t0);
  print("apply_s", t2 - t1);
  print("total_s", t2 - t0);
  print("compile_user_s", u1.user_s - u0.user_s);
  print("compile_sys_s", u1.sys_s - u0.sys_s);
  print("apply_user_s", u2.user_s - u1.user_s);
  print("apply_sys_s", u2.sys_s - u1.sys_s);
  print("maxrss_kb", u2.maxrss_kb);
  return 0;
}

}  // namespace

bool same_unwrapped(const std::string& a, const std::string& b) {
  return unwrapped(a) == unwrapped(b);
}

int child_main(int argc, char** argv) {
  if (argc < 2) return -1;
  std::string mode = argv[1];
  if (mode == "change") {
    if (argc != 6) return usage();
    return change_main(argv[2], argv[3], std::atoi(argv[4]), argv[5]);
  }
  if (mode == "tree") {  // the daemon bench's configuration directories
    if (argc != 4) return usage();
    Workload w;
    return load(argv[2], w) && write_workload_tree(w, argv[3]) ? 0 : 1;
  }
  if (mode == "fwchange") {
    if (argc != 6) return usage();
    return firewall_change_main(argv[2], argv[3], std::atoi(argv[4]), argv[5]);
  }
  if (mode != "emit" && mode != "compile" && mode != "apply" && mode != "same-unwrapped") return -1;
  if (argc != 4) return usage();
  if (mode == "same-unwrapped") return same_unwrapped(argv[2], argv[3]) ? 0 : 1;
  if (mode == "emit") return emit(argv[2], argv[3]);
  if (mode == "apply") return apply(argv[2], argv[3]);
  int reps = std::atoi(argv[3]);
  if (reps < 1 || reps > kMaxReps) return usage();
  return compile_reps(argv[2], reps);
}

}  // namespace fwctl::bench
