#pragma once
// firewall-cmd 1.3.3's command line: its argparse table (option strings, kinds and mutually
// exclusive groups, in firewall-cmd's order, which decides how abbreviations resolve) plus
// fwctl's own options, and a view of the parsed values with Python's truthiness.

#include <string>
#include <string_view>
#include <vector>

#include "argparse.hpp"
#include "common/result.hpp"

namespace fwctl::cli {

const std::vector<argparse::Option>& option_table();

class Args {
 public:
  // `table` is the option table `parsed` came from: firewall-cmd's (option_table()) by default,
  // or firewall-offline-cmd's (offline_cmd_options.hpp). A dest the table lacks but
  // firewall-cmd's has reads as not given, so code shared by the two command lines can ask.
  explicit Args(argparse::Parsed parsed,
                const std::vector<argparse::Option>* table = &option_table());

  // Python truthiness of a.<dest>: a flag given, a non-empty string, a non-empty list.
  bool t(std::string_view dest) const;
  // a.<dest> is not None: the option was given at all.
  bool given(std::string_view dest) const;
  // The single value (the last given), or the option's default ("" unless noted in the table).
  std::string str(std::string_view dest) const;
  // Every value given (append options, nargs).
  const std::vector<std::string>& list(std::string_view dest) const;

  // firewall-cmd rewrites some values after parsing (a.timeout, a.quiet).
  void set(std::string_view dest, std::string value);
  void set_list(std::string_view dest, std::vector<std::string> values);
  void clear(std::string_view dest);

 private:
  // nullptr for a dest of firewall-cmd's table that this table lacks.
  const argparse::Value* value(std::string_view dest) const;
  argparse::Value& value(std::string_view dest);
  argparse::Parsed parsed_;
  const std::vector<argparse::Option>* table_;
};

// firewall-cmd joins what follows --passthrough ipv (and --add-rule ipv table chain priority)
// into one argument before parsing, so that iptables options are not read as its own.
std::vector<std::string> join_remainder_args(std::vector<std::string> argv);

// parse_args(): the error detail is argparse's message (see argparse.hpp).
Result<Args> parse_command_line(const std::vector<std::string>& argv);

// parser.format_usage() for program name `prog`.
std::string format_usage(const std::string& prog);

}  // namespace fwctl::cli
