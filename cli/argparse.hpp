#pragma once
// The subset of Python 3.11's argparse that firewall-cmd relies on, reproduced so that fwctl
// accepts, rejects and reports exactly the command lines firewall-cmd does: long-option
// abbreviations ("--stat" is --state, "--get" is ambiguous), "--opt=value", bundled short flags,
// mutually exclusive groups, nargs N / '*' / REMAINDER, type=int, and argparse's error texts.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace fwctl::cli::argparse {

enum class Kind {
  Flag,       // action="store_true"
  Value,      // one argument, the last occurrence wins
  Append,     // action="append": one argument per occurrence
  AppendInt,  // action="append", type=int
  NArgs,      // nargs=N (N >= 1)
  Star,       // nargs="*"
  Remainder,  // nargs=argparse.REMAINDER
};

struct Option {
  std::vector<std::string> names;  // option strings, e.g. {"-h", "--help"}
  Kind kind = Kind::Flag;
  int group = -1;  // mutually exclusive group, -1 for none
  int nargs = 0;   // for Kind::NArgs
  // Matched only when spelled out: fwctl's firewalld 2.x options, so that every abbreviation
  // of firewall-cmd 1.3.3 (and its "ambiguous option" list) stays as it was.
  bool exact = false;
  std::string dest() const;  // "help", "change_interface": the first long name, '-' as '_'
};

// What the command line said about one option. `values` holds every argument string given
// (for Flag: nothing); `seen` tells an option given with no arguments from an absent one.
struct Value {
  bool seen = false;
  std::vector<std::string> values;
};

struct Parsed {
  std::vector<Value> values;  // parallel to the option table
};

// Parses like parser.parse_args(argv). On error the Error's detail is argparse's message
// without the "usage:" line and "PROG: error: " prefix, e.g.
// "argument --reload: not allowed with argument --state".
Result<Parsed> parse(const std::vector<Option>& options, const std::vector<std::string>& argv);

// Python's shlex.quote and shlex.split (POSIX mode, no comments): firewall-cmd joins the
// arguments of --passthrough and --add-rule into one string and splits them back.
std::string shell_quote(const std::string& s);
std::string join_args(const std::vector<std::string>& args);
std::optional<std::vector<std::string>> split_args(const std::string& s);

// repr() of a str, as argparse quotes values in messages: 'x', or "it's".
std::string python_repr(const std::string& s);

}  // namespace fwctl::cli::argparse
