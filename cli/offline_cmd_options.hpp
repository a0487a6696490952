#pragma once
// The command line of `fwctl --offline` and of fwctl run as `firewall-offline-cmd`:
// firewall-offline-cmd 1.3.3's own options (the lokkit ones, -s/-p/-t/-m, --policy-server, ...,
// none of firewall-cmd's runtime ones), parsed with the same argparse rules as firewall-cmd's.

#include <string>
#include <vector>

#include "options.hpp"

namespace fwctl::cli {

const std::vector<argparse::Option>& offline_option_table();

Result<Args> parse_offline_command_line(const std::vector<std::string>& argv);

// parser.format_usage() of firewall-offline-cmd, whatever the program's name.
std::string offline_usage();

// True when this command line is firewall-offline-cmd's: fwctl is run under that name, or
// --offline (or an abbreviation of it) is among the arguments.
bool wants_offline(const std::vector<std::string>& argv, const std::string& prog);

}  // namespace fwctl::cli
