#include "options.hpp"

#include <algorithm>
#include <cstdlib>

namespace fwctl::cli {
namespace {

using K = argparse::Kind;

const argparse::Value& absent() {
  static const argparse::Value none;
  return none;
}

}  // namespace

const std::vector<argparse::Option>& option_table() { return argparse_table(kCmd); }

Args::Args(argparse::Parsed parsed, CommandLines line) : parsed_(std::move(parsed)), line_(line) {}

const argparse::Value* Args::value(Dest dest) const {
  size_t i = table_position(line_, dest);
  return i == std::string_view::npos ? nullptr : &parsed_.values[i];
}
argparse::Value& Args::value(Dest dest) {
  size_t i = table_position(line_, dest);
  if (i == std::string_view::npos) std::abort();  // setting an option this command line lacks
  return parsed_.values[i];
}

bool Args::given(Dest dest) const {
  const auto* v = value(dest);
  return v && v->seen;
}

bool Args::t(Dest dest) const {
  const auto* v = value(dest);
  if (!v || !v->seen) return false;
  switch (argparse_table(line_)[table_position(line_, dest)].kind) {
    case K::Flag:
      return true;
    case K::Value:
      return !v->values.empty() && !v->values.back().empty();
    default:
      return !v->values.empty();
  }
}

std::string Args::str(Dest dest) const {
  const auto* v = value(dest);
  if (v && v->seen && !v->values.empty()) return v->values.back();
  return dest == Dest("timeout") ? "0" : "";
}

const std::vector<std::string>& Args::list(Dest dest) const {
  const auto* v = value(dest);
  return v ? v->values : absent().values;
}

const argparse::Option* Args::first_given(
    const std::function<bool(const argparse::Option&)>& pick) const {
  const auto& table = argparse_table(line_);
  for (size_t i = 0; i < table.size(); ++i)
    if (parsed_.values[i].seen && pick(table[i])) return &table[i];
  return nullptr;
}

const argparse::Option* Args::given_except(std::initializer_list<Dest> allowed) const {
  const auto& table = argparse_table(line_);
  return first_given([&](const argparse::Option& option) {
    auto i = static_cast<size_t>(&option - table.data());
    return std::none_of(allowed.begin(), allowed.end(),
                        [&](Dest d) { return table_position(line_, d) == i; });
  });
}

void Args::set(Dest dest, std::string value_text) { set_list(dest, {std::move(value_text)}); }

void Args::set_list(Dest dest, std::vector<std::string> values) {
  auto& v = value(dest);
  v.seen = true;
  v.values = std::move(values);
}

void Args::clear(Dest dest) { value(dest) = {}; }

std::vector<std::string> join_remainder_args(std::vector<std::string> argv) {
  if (argv.empty()) return argv;
  auto at = [&](const char* name) {
    auto it = std::find(argv.begin(), argv.end(), name);
    return it == argv.end() ? -1L : static_cast<long>(it - argv.begin());
  };
  long i = -1;
  for (const char* name :
       {"--passthrough", "--add-passthrough", "--remove-passthrough", "--query-passthrough"}) {
    if (long p = at(name); p >= 0) {
      i = p + 1;
      break;
    }
  }
  if (i < 0) {
    for (const char* name : {"--add-rule", "--remove-rule", "--query-rule"}) {
      if (long p = at(name); p >= 0) {
        i = p + 4;
        break;
      }
    }
  }
  if (i < 0 || i >= static_cast<long>(argv.size()) - 1) return argv;
  std::vector<std::string> out(argv.begin(), argv.begin() + i + 1);
  out.push_back(argparse::join_args({argv.begin() + i + 1, argv.end()}));
  return out;
}

Result<Args> parse_command_line(const std::vector<std::string>& argv) {
  auto parsed = argparse::parse(option_table(), join_remainder_args(argv));
  if (!parsed) return parsed;
  return Args(std::move(*parsed));
}

std::string format_usage(const std::string& prog) {
  return "usage: '" + prog + " --help' for usage information or see " + prog + "(1) man page\n";
}

}  // namespace fwctl::cli
