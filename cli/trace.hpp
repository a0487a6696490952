#pragma once
// `fwctl --trace[=PACKET] [--count N]` (issue 15, "why, live"): the kernel's own verdict on
// real packets, each rule they meet named in firewalld's words, as --why names them.
//
// fwctl (root, in the firewall's network namespace) adds two chains of its own to fwctld's
// table inet firewalld, fwctl_trace_PREROUTING and fwctl_trace_OUTPUT (hooks prerouting and
// output, priority -350: before every chain of fwctld's), each with one rule `MATCHES meta
// nftrace set 1`, in one batch; reads the kernel's trace reports (nft/trace.hpp); names each
// rule by its kernel handle through fwctld's getRuleOrigins; and deletes both chains in one
// batch when it ends (Ctrl-C, SIGTERM, or N packets). fwctld's own chains are never touched.
//
// PACKET is --why's syntax (compiler/why.hpp); what it gives is matched (protocol, addresses,
// ports, in/out interface), what it leaves out matches anything; no PACKET traces everything.

#include <iosfwd>
#include <string>

#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

// --trace goes with --count, -q and -v only; --count with --trace only.
std::string trace_usage_error(const Args& a);

// The whole command; returns the exit code.
int run_trace(const Args& a, const Printer& p, std::ostream& out, std::ostream& err);

}  // namespace fwctl::cli
