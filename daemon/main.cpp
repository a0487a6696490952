// fwctld. Until the daemon (D-Bus API, ruleset in the kernel) lands, it loads and validates the
// configuration the way firewalld does at start and reports what it found.
#include <iostream>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "model/config_check.hpp"
#include "sys/options.hpp"

namespace {

void report(const fwctl::model::Config& c) {
  std::cerr << "fwctld: loaded " << c.zones.size() << " zones, " << c.services.size()
            << " services, " << c.policies.size() << " policies, " << c.ipsets.size()
            << " ipsets, " << c.icmptypes.size() << " icmptypes, " << c.helpers.size()
            << " helpers; default zone " << c.conf.default_zone << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  auto opts = fwctl::sys::parse_daemon_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!opts) {
    std::cerr << fwctl::sys::daemon_usage() << "fwctld: error: " << opts.error().detail << '\n';
    return 2;
  }
  if (opts->help) {
    std::cout << fwctl::sys::daemon_usage();
    return 0;
  }
  auto loaded = fwctl::config::load_config({opts->default_config, opts->system_config});
  auto errors = std::move(loaded.errors);
  for (auto& e : fwctl::model::check_references(loaded.config)) errors.push_back(std::move(e));
  for (const auto& w : loaded.warnings) std::cerr << "WARNING: " << w.located_message() << '\n';
  for (const auto& e : errors) std::cerr << "ERROR: " << e.located_message() << '\n';
  report(loaded.config);
  if (!errors.empty()) return 1;
  std::cerr << "fwctld: configuration is valid (the D-Bus API and the kernel ruleset are not "
               "served yet)\n";
  return 0;
}
