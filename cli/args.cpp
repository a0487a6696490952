#include "args.hpp"

namespace fwctl::cli {
namespace {

Status set_action(Args& args, Action action, const std::string& arg) {
  if (args.action != Action::None && args.action != action)
    return fail(Code::INVALID_OPTION, arg + ": more than one action given");
  args.action = action;
  return ok();
}

}  // namespace

Result<Args> parse_args(const std::vector<std::string>& argv) {
  Args args;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    auto eq = arg.find('=');
    std::string name = arg.substr(0, eq);
    Status s = ok();
    if (arg == "--offline") {
      args.offline = true;
    } else if (arg == "-q" || arg == "--quiet") {
      args.quiet = true;
    } else if (arg == "--check-config") {
      s = set_action(args, Action::CheckConfig, arg);
    } else if (arg == "-V" || arg == "--version") {
      s = set_action(args, Action::Version, arg);
    } else if (arg == "-h" || arg == "--help") {
      s = set_action(args, Action::Help, arg);
    } else if (name == "--default-config" || name == "--system-config") {
      std::string value;
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      }
      if (value.empty()) return fail(Code::INVALID_OPTION, name + ": expected one argument");
      (name == "--default-config" ? args.default_config : args.system_config) = value;
    } else {
      return fail(Code::INVALID_OPTION, "unrecognized arguments: " + arg);
    }
    if (!s) return Unexpected{s.error()};
  }
  return args;
}

std::string usage() {
  return "Usage: fwctl [OPTIONS...]\n"
         "\n"
         "General Options\n"
         "  -h, --help           Prints a short help text and exits\n"
         "  -V, --version        Print the version string of fwctl\n"
         "  -q, --quiet          Do not print status messages\n"
         "\n"
         "Status Options\n"
         "  --check-config       Check permanent configuration for errors\n"
         "\n"
         "Offline Options\n"
         "  --offline            Work on the configuration files directly, without a daemon\n"
         "  --default-config DIR Default configuration tree (default /usr/lib/firewalld)\n"
         "  --system-config DIR  System configuration tree (default /etc/firewalld)\n";
}

}  // namespace fwctl::cli
