#include "check_config.hpp"

#include <ostream>
#include <string>

#include "model/config_check.hpp"

namespace fwctl::cli {
namespace {

void print_problem(std::ostream& os, const char* severity, const Error& e) {
  if (!e.file.empty()) {
    os << e.file;
    if (e.line > 0) os << ':' << e.line;
    os << ": ";
  }
  os << severity << ": " << e.message() << '\n';
}

}  // namespace

CheckReport check_config(const config::Paths& paths) {
  config::LoadResult loaded = config::load_config(paths);
  CheckReport report{std::move(loaded.errors), std::move(loaded.warnings)};
  for (Error& e : model::check_references(loaded.config)) report.errors.push_back(std::move(e));
  return report;
}

int print_check_report(const CheckReport& report, bool quiet, std::ostream& out,
                       std::ostream& err) {
  for (const Error& w : report.warnings) print_problem(err, "Warning", w);
  for (const Error& e : report.errors) print_problem(err, "Error", e);
  if (!report.errors.empty()) return static_cast<int>(report.errors.front().code);
  if (!quiet) out << "success\n";
  return 0;
}

}  // namespace fwctl::cli
