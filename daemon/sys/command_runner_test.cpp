#include "sys/command_runner.hpp"

#include <gtest/gtest.h>

namespace fwctl::sys {
namespace {

TEST(ProcessRunner, FeedsStdinAndReadsStdoutAndStderrTogether) {
  ProcessRunner runner;
  std::string big(1 << 20, 'x');  // more than a pipe holds: no deadlock
  CommandOutput out = runner.run("/bin/cat", {}, big);
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(out.output.size(), big.size());
  out = runner.run("/bin/ls", {"/nonexistent-fwctl-path"}, {});
  EXPECT_EQ(out.status, 2);
  EXPECT_NE(out.output.find("nonexistent-fwctl-path"), std::string::npos);  // stderr captured
}

TEST(ProcessRunner, RunsWithoutAShellAndWithLangC) {
  ProcessRunner runner;
  CommandOutput out = runner.run("/usr/bin/env", {}, {});
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(out.output, "LANG=C\n");
  out = runner.run("/bin/echo", {"$HOME", "a b;c"}, {});
  EXPECT_EQ(out.output, "$HOME a b;c\n");
}

TEST(ProcessRunner, AMissingProgramGives255AndNoOutput) {
  ProcessRunner runner;
  CommandOutput out = runner.run("/nonexistent/iptables", {"-L"}, {});
  EXPECT_EQ(out.status, 255);
  EXPECT_EQ(out.output, "");
}

}  // namespace
}  // namespace fwctl::sys
