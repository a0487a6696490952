#pragma once
// The real CommandRunner: posix_spawn, no shell, stdin from a memfd (so a large input never
// deadlocks against the child's output), stdout and stderr read from one pipe. The child gets an
// empty signal mask (fwctld blocks the signals it reads from a signalfd) and no other file
// descriptor of the daemon.

#include "common/command_runner.hpp"

namespace fwctl::sys {

class ProcessRunner final : public CommandRunner {
 public:
  CommandOutput run(const std::string& program, const std::vector<std::string>& args,
                    const std::string& input) override;
};

}  // namespace fwctl::sys
