#pragma once
// Shared by the kernel tests (nft_kernel, core_kernel): the whole process moves into a network
// namespace of its own, so the tests see and change no ruleset but theirs, and they compare
// `nft list ruleset` there with what they loaded.

#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace fwctl::integration {

// What `nft list ruleset` prints in this process's namespace.
inline std::string nft_list_ruleset() {
  std::string out;
  FILE* pipe = popen("nft list ruleset", "r");
  if (!pipe) return "popen failed";
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

// The tests' main: 77, which ctest reports as skipped, where no namespace can be had.
inline int run_tests_in_own_netns(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (geteuid() != 0) {
    std::fprintf(stderr, "skipped: needs root for a network namespace\n");
    return 77;
  }
  if (unshare(CLONE_NEWNET) != 0) {
    std::perror("skipped: unshare(CLONE_NEWNET)");
    return 77;
  }
  return RUN_ALL_TESTS();
}

}  // namespace fwctl::integration
