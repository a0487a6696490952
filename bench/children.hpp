#pragma once
#include <string>
// The bench's child modes. Each runs in its own process, so that its ru_maxrss is its own, and
// prints its results to stdout as "key value" lines:
//
//   emit NAME FILE      compile the workload once, write to_text() to FILE, print its size
//   compile NAME REPS   time compile() REPS times in one process
//   apply NAME NETNS    join NETNS, compile and apply through the backend, print the times
//   same-unwrapped A B  exit 0 when the files are equal once nft's wrapped set-element lines
//                       are joined (a difference in wrapping alone), 1 otherwise
//   change NAME NETNS REPS DIR
//                       load the workload in NETNS, then time REPS runtime changes
//                       (change_bench.cpp); DIR receives the listings it checks
//   fwchange NAME NETNS REPS DIR
//                       start a core::Firewall on the workload's files in NETNS, then time REPS
//                       runtime changes through its commit point (firewall_change_bench.cpp)

namespace fwctl::bench {

// Runs the child mode named by argv[1]; returns -1 when argv[1] names none.
int child_main(int argc, char** argv);

// True when the files are equal once nft's wrapped set-element lines are joined.
bool same_unwrapped(const std::string& a, const std::string& b);

// The `change` mode (change_bench.cpp).
int change_main(const std::string& name, const std::string& netns, int reps,
                const std::string& dir);

// The `fwchange` mode (firewall_change_bench.cpp).
int firewall_change_main(const std::string& name, const std::string& netns, int reps,
                         const std::string& dir);

}  // namespace fwctl::bench
