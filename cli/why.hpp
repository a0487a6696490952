#pragma once
// `fwctl --why 'tcp 198.51.100.7:40000 -> 22 in eth0'`: the path the packet takes through the
// ruleset and the rule that decides, in firewalld's words (compiler/why.hpp).
//
// The ruleset is compiled by the client with the daemon's compiler from the daemon's runtime
// configuration, read over D-Bus as --list-all reads it (zones and their bindings, policies,
// the services they use, ipsets, LogDenied, the default zone); what D-Bus does not carry
// (ICMP types, helpers, IPv6_rpfilter, RFC3964_IPv4) comes from the files. With --offline it
// is compiled from the files alone, as --explain does.

#include <iosfwd>
#include <string>
#include <utility>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "config/loader.hpp"
#include "model/config.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

class Bus;

// --why goes with --offline, --default-config, --system-config, -q and -v only.
std::string why_usage_error(const Args& a);

// The report for one packet over one configuration, or the parser's / compiler's error.
Result<std::string> why_report(const model::Config& config,
                               const compiler::RuntimeBindings& bindings, const std::string& packet,
                               const std::string& source);

// `files` completed with the daemon's runtime configuration, and its bindings.
std::pair<model::Config, compiler::RuntimeBindings> runtime_config(Bus& bus, model::Config files);

// The whole command; returns the exit code.
int run_why(const Args& a, const config::Paths& paths, const Printer& p, std::ostream& out,
            std::ostream& err);

}  // namespace fwctl::cli
