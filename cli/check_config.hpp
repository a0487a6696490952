#pragma once
// `fwctl --offline --check-config`: load both configuration trees and check them as firewalld's
// check-config does, without a daemon.

#include <iosfwd>
#include <vector>

#include "common/error.hpp"
#include "config/loader.hpp"

namespace fwctl::cli {

struct CheckReport {
  std::vector<Error> errors;    // what makes firewalld's check fail, in firewalld's order
  std::vector<Error> warnings;  // what firewalld only logs and ignores
};

CheckReport check_config(const config::Paths& paths);

// Prints every warning and error with its file and line ("FILE:LINE: Error: CODE: detail") on
// `err`, or "success" on `out` when there is no error (unless quiet). Returns the exit code:
// 0, or firewalld's code of the first error, as firewall-cmd exits.
int print_check_report(const CheckReport& report, bool quiet, std::ostream& out, std::ostream& err);

}  // namespace fwctl::cli
