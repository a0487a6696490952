#pragma once
// fwctl's command line, parsed into what to do. firewall-cmd's options are added family by family;
// anything not known yet is a usage error (exit 2), as argparse reports it in firewall-cmd.

#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::cli {

enum class Action { None, CheckConfig, Version, Help };

struct Args {
  Action action = Action::None;
  bool offline = false;
  bool quiet = false;
  std::string default_config = "/usr/lib/firewalld";
  std::string system_config = "/etc/firewalld";
};

// Fails with INVALID_OPTION (a usage error) naming the offending argument.
Result<Args> parse_args(const std::vector<std::string>& argv);

std::string usage();

}  // namespace fwctl::cli
