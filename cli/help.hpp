#pragma once
// fwctl --help: the option families of firewall-cmd, described in fwctl's own words.

#include <string>

namespace fwctl::cli {

std::string help_text(const std::string& prog);

}  // namespace fwctl::cli
