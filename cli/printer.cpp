#include "printer.hpp"

#include <ostream>

namespace fwctl::cli {

void Printer::msg(const std::string& text) const {
  if (!quiet_) out_ << text << '\n';
}

void Printer::error_msg(const std::string& text) const {
  if (!quiet_) err_ << text << '\n';
}

void Printer::warning(const std::string& text) const {
  error_msg(err_tty_ ? "\033[91m" + text + "\033[00m" : text);
}

void Printer::if_verbose(const std::string& text) const {
  if (verbose_) out_ << text << '\n';
}

void Printer::and_exit(const std::string& text, int code) const {
  if (code > 1) warning(text);
  else msg(text);
  throw Exit{code};
}

void Printer::query_result(bool value) const {
  if (value) and_exit("yes");
  and_exit("no", 1);
}

}  // namespace fwctl::cli
