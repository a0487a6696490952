#pragma once
// The load bench's change part (issue 13), orchestrator side: runs the `fwchange` child (one
// runtime change through core::Firewall, firewall_change_bench.cpp) and, when asked, the
// `change` child (main's path before issue 13, change_bench.cpp) per workload, and prints
// their tables.

#include <string>
#include <vector>

#include "report_util.hpp"

namespace fwctl::bench {

struct ChangeOptions {
  int reps = 21;
  std::string out_dir;
  bool before = false;  // also the `change` child: main's whole-IR recompile, for comparison
};

struct ChangeResult {
  std::string name, description;
  KeyValues kv;  // `change`: the whole IR recompiled, the scoped diff (main before issue 13)
  KeyValues fw;  // `fwchange`: through core::Firewall's commit point
  std::vector<std::string> errors;
};

// Runs the children of one workload, each in a fresh namespace; EXE is this bench.
ChangeResult run_change(const std::string& exe, const ChangeOptions& o, const std::string& name);

// Whether the result has errors or a failed kernel-listing check.
bool change_failed(const ChangeResult& r);

void print_change_report(const std::vector<ChangeResult>& results, const ChangeOptions& o);

}  // namespace fwctl::bench
