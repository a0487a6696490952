#pragma once
// Running an external program, as an interface: the direct interface runs iptables, ip6tables
// and ebtables (firewalld does, even with its nftables backend), and unit tests fake it.
// sys::ProcessRunner is the real one; core only sees this.

#include <string>
#include <vector>

namespace fwctl {

// What firewalld's runProg returns: the exit status and stdout with stderr merged into it.
struct CommandOutput {
  int status = 0;
  std::string output;
};

class CommandRunner {
 public:
  virtual ~CommandRunner() = default;
  // Runs `program` (an absolute path, no shell) with `args`, `input` on its standard input and
  // LANG=C as its whole environment. A program that cannot be started gives status 255 and no
  // output, as with runProg.
  virtual CommandOutput run(const std::string& program, const std::vector<std::string>& args,
                            const std::string& input) = 0;
};

}  // namespace fwctl
