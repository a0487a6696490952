#pragma once
// `fwctl --explain --zone=X` / `--policy=X`: the nftables chains a zone or policy compiles to,
// in `nft list` syntax, from the configuration as loaded from the two trees and without
// touching the kernel or the daemon. The chains of a zone are those of the policies firewalld
// derives from it (<table>_<IN|FWD|PRE|POST|OUT>_<zone> and their _pre/_log/_deny/_allow/_post
// sub-chains); a policy's are the same with "policy_<name>".

#include <iosfwd>
#include <string>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "config/loader.hpp"
#include "model/config.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

struct ExplainTarget {
  bool policy = false;
  std::string name;  // empty: the default zone
};

// --explain goes with --zone or --policy (not both), --permanent, --offline, --default-config,
// --system-config, -q and -v only: the text of the usage error otherwise.
std::string explain_usage_error(const Args& a);

// The table header and the target's chains, or INVALID_ZONE / INVALID_POLICY when the
// configuration has no such item, or the compiler's error.
Result<std::string> explain(const model::Config& config, const compiler::RuntimeBindings& bindings,
                            const ExplainTarget& target);

// The whole command: load and check both trees (errors name their file and line, as
// --check-config prints them), compile, print. Returns the exit code.
int run_explain(const config::Paths& paths, const ExplainTarget& target, const Printer& p,
                std::ostream& out, std::ostream& err);

}  // namespace fwctl::cli
