#include "option_table.hpp"

#include <string>

namespace fwctl::cli {
namespace {

struct LineTable {
  std::vector<argparse::Option> options;
  std::vector<std::size_t> position;  // by Dest::row(): the option's place in `options`, or npos
};

LineTable build(CommandLines line) {
  LineTable t;
  t.position.assign(kOptionRows, std::string_view::npos);
  for (const OptionRow& row : option_rows::kRows) {
    if (!(row.lines & line)) continue;
    std::size_t first = 0;  // Dest::row() of this dest
    while (option_rows::kRows[first].dest_name() != row.dest_name()) ++first;
    t.position[first] = t.options.size();
    argparse::Option o{{std::string(row.names[0])}, row.kind, row.group, row.nargs, row.exact};
    if (!row.names[1].empty()) o.names.emplace_back(row.names[1]);
    t.options.push_back(std::move(o));
  }
  return t;
}

const LineTable& line_table(CommandLines line) {
  static const LineTable cmd = build(kCmd), offline = build(kOfflineCmd);
  return line == kOfflineCmd ? offline : cmd;
}

}  // namespace

const std::vector<argparse::Option>& argparse_table(CommandLines line) {
  return line_table(line).options;
}

std::size_t table_position(CommandLines line, Dest dest) {
  return line_table(line).position[dest.row()];
}

}  // namespace fwctl::cli
