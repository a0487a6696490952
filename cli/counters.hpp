#pragma once
// Counters per zone element (issue 15), from fwctld's org.fwctl.Firewall1:
//
//   fwctl --list-all --counters             # the default zone, or --zone=Z, or --policy=P
//   fwctl --info-zone=public --counters     # --info-policy=P too; with --json as a key
//   fwctl --zero-counters
//
// The listing is printed as without --counters, then a "counters:" section with one line per
// element in rule order: "\tservice ssh, port 22/tcp: 12 packets, 720 bytes". The counts are
// the kernel's rule counters, which exist only with NftablesCounters=yes (fwctld then puts a
// counter on every rule); otherwise Error: NOT_ENABLED (core/counters.hpp).

#include <iosfwd>
#include <string>

#include "json_sink.hpp"
#include "options.hpp"
#include "printer.hpp"

namespace fwctl::cli {

// --counters goes with a runtime --list-all, --info-zone or --info-policy; --zero-counters with
// -q and -v only. "" when the command line is fine.
std::string counters_usage_error(const Args& a);

// After the listing: the counters of the zone or policy it showed, as text on `out` or as the
// key "counters" of the JSON document ([{"element": ..., "packets": N, "bytes": N}]).
void show_counters(const Args& a, const Printer& p, std::ostream& out, JsonSink* json);

// --zero-counters: "success", or the daemon's error. Throws Exit.
[[noreturn]] void run_zero_counters(const Printer& p);

}  // namespace fwctl::cli
