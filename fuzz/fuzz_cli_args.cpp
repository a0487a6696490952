// Fuzz target: fwctl's command line parser (firewall-cmd's argparse rules: abbreviations,
// --opt=value, bundled short options, mutually exclusive groups) on arbitrary argument vectors.
// The input is the arguments separated by NUL bytes. A parse either fails with a usage error or
// gives values whose combination firewall-cmd's checks then judge.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "checks.hpp"
#include "options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fwctl::cli;
  std::vector<std::string> argv;
  std::string current;
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      argv.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(static_cast<char>(data[i]));
    }
  }
  argv.push_back(std::move(current));
  auto args = parse_command_line(argv);
  if (args) (void)check_combinations(*args, classify(*args), "fwctl");
  return 0;
}
