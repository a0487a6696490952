// fwctl: firewall-cmd's options against fwctld over D-Bus or, with --offline, on the files.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "session.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // argparse names the program after argv[0], so installed as firewall-cmd we say firewall-cmd.
  std::string prog = argc > 0 ? argv[0] : "fwctl";
  prog = prog.substr(prog.rfind('/') + 1);
  int code = fwctl::cli::run(std::vector<std::string>(argv + 1, argv + argc), prog, std::cout,
                             std::cerr, isatty(STDERR_FILENO) == 1);
  std::cout.flush();
  return code;
}
