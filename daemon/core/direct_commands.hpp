#pragma once
// The xtables command lines of the direct interface, as firewalld's ipXtables and ebtables
// backends build them. Pure functions: core/direct.cpp runs what these return.

#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::core::direct {

using Args = std::vector<std::string>;

// The programs and fixed options for one ipv ("ipv4", "ipv6", "eb").
struct Tool {
  std::string command;   // /usr/sbin/iptables
  std::string wait;      // -w10 (ebtables: --concurrent), added unless already given
  std::string restore;   // /usr/sbin/iptables-restore
  Args restore_options;  // -w -n (ebtables-restore: --noflush)
  bool eb = false;
};
const Tool& tool(const std::string& ipv);

// The input of iptables-restore for `commands` (each with an optional "-t TABLE", default
// filter): one "*table" block per table in order of first use, arguments holding whitespace in
// double quotes, "COMMIT" after each block (not for ebtables, whose table also carries over
// from one command to the next, as in firewalld).
std::string restore_input(const Tool& tool, const std::vector<Args>& commands);

// firewalld's split_value for -s/--source and -d/--destination: "-s a,b" becomes two rules.
std::vector<Args> split_addresses(const Args& args);

// common_check_passthrough: INVALID_PASSTHROUGH "arg '-L' is not allowed" or
// "no '-A', '-I' or '-N' arg".
Status check_passthrough(const Args& args);
// common_reverse_passthrough: -A/-I (without its rule number) become -D, -N becomes -X.
Result<Args> reverse_passthrough(const Args& args);

// Text for D-Bus: invalid UTF-8 replaced by U+FFFD, as Python's decode('utf-8', 'replace').
std::string utf8_replace(const std::string& bytes);

}  // namespace fwctl::core::direct
