// firewall-offline-cmd 1.3.3's command line: the kOfflineCmd rows of option_table.hpp (its
// parser's options in its order, then fwctl's own --offline, so that `fwctl --offline ...`
// parses with this table, and --json).
#include "offline_cmd_options.hpp"

#include <algorithm>
#include <string_view>

namespace fwctl::cli {

const std::vector<argparse::Option>& offline_option_table() { return argparse_table(kOfflineCmd); }

Result<Args> parse_offline_command_line(const std::vector<std::string>& argv) {
  auto parsed = argparse::parse(offline_option_table(), join_remainder_args(argv));
  if (!parsed) return parsed;
  return Args(std::move(*parsed), kOfflineCmd);
}

std::string offline_usage() { return "usage: see firewall-offline-cmd man page\n"; }

bool wants_offline(const std::vector<std::string>& argv, const std::string& prog) {
  if (prog == "firewall-offline-cmd") return true;
  // argparse takes any unambiguous prefix: "--off" is --offline, "--exp" --explain.
  auto given = [&](std::string_view option) {
    return std::any_of(argv.begin(), argv.end(), [&](const std::string& arg) {
      return arg.size() >= 5 && option.starts_with(arg);
    });
  };
  // --explain --offline and --why --offline are fwctl's own (explain.hpp, why.hpp), on
  // firewall-cmd's command line.
  bool why = given("--why") || std::any_of(argv.begin(), argv.end(), [](const std::string& arg) {
               return arg.starts_with("--why=");
             });
  return given("--offline") && !given("--explain") && !why;
}

}  // namespace fwctl::cli
