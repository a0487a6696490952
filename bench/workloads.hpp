#pragma once
// The configurations the load bench measures, built in code and deterministic: the same name
// always gives the same Config and RuntimeBindings.
//
//   zone-ports-rich  zone "public" with 2,000 ports and 500 varied rich rules
//   ipset-ip         hash:ip ipset with 62,500 addresses bound as a source of zone "internal"
//   ipset-net        hash:net ipset with 62,500 networks bound as a source of zone "internal"
//   rich-10k         zone "public" with 10,000 rich rules (the fail2ban case; change bench)
//   bindings-500     500 interfaces and 500 sources bound over five zones (change bench)
//   ipset-1m         hash:ip ipset with 1,000,000 addresses, source of "internal" (change bench)
//   ipset-net-1m     hash:net ipset with 1,000,000 networks, source of "internal" (daemon bench)
//   ipset-add        the stock configuration and an empty hash:ip ipset "bench-add" (daemon
//                    bench: --add-entries-from-file)
//   default          the stock configuration alone (the change bench's baseline; not in
//                    workload_names(), so the load bench does not run it unless asked)
//
// Each starts from firewalld 1.3.3's stock zones, services, ICMP types and policies.

#include <string>
#include <vector>

#include "compiler/bindings.hpp"
#include "model/config.hpp"

namespace fwctl::bench {

struct Workload {
  std::string name;
  std::string description;
  model::Config config;
  compiler::RuntimeBindings bindings;
};

// The names make_workload() accepts, in the order the bench runs them.
std::vector<std::string> workload_names();

// The one-line description of a workload for the report; empty for an unknown name.
std::string describe_workload(const std::string& name);

// Builds the named workload. Returns false for an unknown name.
bool make_workload(const std::string& name, Workload& out);

// Writes the workload's zones, policies and ipsets as a system configuration tree (ETC/zones,
// ETC/ipsets, ETC/policies) over the repository's default tree, as fwctld and firewalld read it;
// false with the message on stderr on failure.
bool write_workload_tree(const Workload& w, const std::string& etc);

// Runs model::check_rich_rule() on every rich rule of the configuration; returns the first
// failure as text, or empty when all pass.
std::string check_workload(const Workload& w);

}  // namespace fwctl::bench
