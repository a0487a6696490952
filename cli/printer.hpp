#pragma once
// firewall-cmd's FirewallCommand output rules: messages on stdout unless quiet, warnings and
// errors on stderr (red when stderr is a terminal), print_and_exit's split between the two by
// exit code. An exit is an exception (Exit) that main() turns into the process status, which
// keeps the command code as linear as firewall-cmd's.

#include <iosfwd>
#include <string>
#include <vector>

#include "json_sink.hpp"

namespace fwctl::cli {

struct Exit {
  int code = 0;
};

class Printer {
 public:
  Printer(std::ostream& out, std::ostream& err, bool err_is_tty)
      : out_(out), err_(err), err_tty_(err_is_tty) {}

  void set_quiet(bool quiet) { quiet_ = quiet; }
  bool quiet() const { return quiet_; }
  void set_verbose(bool verbose) { verbose_ = verbose; }
  bool verbose() const { return verbose_; }
  // --json: answers go to `sink` (which run() flushes) instead of being printed as text.
  void set_json(JsonSink* sink) { json_ = sink; }
  JsonSink* json() const { return json_; }
  // stderr, for what firewalld's logger prints there (firewall-offline-cmd's WARNING lines).
  std::ostream& err() const { return err_; }

  void msg(const std::string& text) const;
  void error_msg(const std::string& text) const;
  void warning(const std::string& text) const;
  void if_verbose(const std::string& text) const;
  // Prints `text` (on stderr when code > 1) and exits with `code`.
  [[noreturn]] void and_exit(const std::string& text, int code = 0) const;
  [[noreturn]] void fail(const std::string& text) const { and_exit(text, 2); }
  // "yes" and exit 0, or "no" and exit 1.
  [[noreturn]] void query_result(bool value) const;
  // A list answer: the items joined by `sep`, and exit 0.
  [[noreturn]] void list(const std::vector<std::string>& items, const char* sep = " ") const;
  // One "ITEM: yes" line of a query of several items; `shown` is the ITEM as firewall-cmd
  // prints it ("'80/tcp'").
  void query_line(const std::string& shown, bool value) const;

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool err_tty_;
  bool quiet_ = false;
  bool verbose_ = false;
  JsonSink* json_ = nullptr;
};

}  // namespace fwctl::cli
