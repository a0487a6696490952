// fwctl: firewall-cmd's options, against fwctld over D-Bus or, with --offline, on the files.
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "check_config.hpp"

namespace {

// argparse's usage-error exit code, which firewall-cmd keeps.
constexpr int kUsageError = 2;

int run(const fwctl::cli::Args& args) {
  using fwctl::cli::Action;
  switch (args.action) {
    case Action::Help:
      std::cout << fwctl::cli::usage();
      return 0;
    case Action::Version:
      std::cout << FWCTL_VERSION << '\n';
      return 0;
    case Action::CheckConfig:
      if (!args.offline) break;
      return fwctl::cli::print_check_report(
          fwctl::cli::check_config({args.default_config, args.system_config}), args.quiet,
          std::cout, std::cerr);
    case Action::None:
      std::cerr << fwctl::cli::usage();
      return kUsageError;
  }
  // Everything else talks to fwctld, which does not serve D-Bus yet.
  std::cerr << "FirewallD is not running\n";
  return static_cast<int>(fwctl::Code::NOT_RUNNING);
}

}  // namespace

int main(int argc, char** argv) {
  auto args = fwctl::cli::parse_args(std::vector<std::string>(argv + 1, argv + argc));
  if (!args) {
    std::cerr << fwctl::cli::usage() << "fwctl: error: " << args.error().detail << '\n';
    return kUsageError;
  }
  return run(*args);
}
