#pragma once
// firewall-cmd 1.3.3's command line: its argparse table (the kCmd rows of option_table.hpp:
// firewall-cmd's options in its order, then fwctl's own), and a view of the parsed values with
// Python's truthiness, each option named by its dest (checked at compile time).

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "argparse.hpp"
#include "common/result.hpp"
#include "option_table.hpp"

namespace fwctl::cli {

const std::vector<argparse::Option>& option_table();

class Args {
 public:
  // `line` is the command line `parsed` came from: firewall-cmd's (option_table()) by default,
  // or firewall-offline-cmd's (offline_cmd_options.hpp). A dest that command line lacks reads
  // as not given, so code shared by the two command lines can ask.
  explicit Args(argparse::Parsed parsed, CommandLines line = kCmd);

  // Python truthiness of a.<dest>: a flag given, a non-empty string, a non-empty list.
  bool t(Dest dest) const;
  // a.<dest> is not None: the option was given at all.
  bool given(Dest dest) const;
  // The single value (the last given), or the option's default ("" unless noted in the table).
  std::string str(Dest dest) const;
  // Every value given (append options, nargs).
  const std::vector<std::string>& list(Dest dest) const;

  // The first option given, in table order, that `pick` picks (nullptr when none): for fwctl's
  // own options, which go with only a few others.
  const argparse::Option* first_given(
      const std::function<bool(const argparse::Option&)>& pick) const;
  // The first option given that is none of `allowed`.
  const argparse::Option* given_except(std::initializer_list<Dest> allowed) const;

  // firewall-cmd rewrites some values after parsing (a.timeout, a.quiet).
  void set(Dest dest, std::string value);
  void set_list(Dest dest, std::vector<std::string> values);
  void clear(Dest dest);

 private:
  // nullptr for a dest of firewall-cmd's table that this table lacks.
  const argparse::Value* value(Dest dest) const;
  argparse::Value& value(Dest dest);
  argparse::Parsed parsed_;
  CommandLines line_;
};

// firewall-cmd joins what follows --passthrough ipv (and --add-rule ipv table chain priority)
// into one argument before parsing, so that iptables options are not read as its own.
std::vector<std::string> join_remainder_args(std::vector<std::string> argv);

// parse_args(): the error detail is argparse's message (see argparse.hpp).
Result<Args> parse_command_line(const std::vector<std::string>& argv);

// parser.format_usage() for program name `prog`.
std::string format_usage(const std::string& prog);

}  // namespace fwctl::cli
