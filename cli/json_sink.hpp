#pragma once
// What `fwctl --json` collects while a command runs, and prints when it exits: the Printer
// hands it every answer (a scalar, a list, a yes/no, settings objects, plain lines) and
// errors, and run() flushes it once. The stdout document is, in order of precedence:
//   - the settings object of a --list-all/--info-* (or, for --list-all-zones/-policies, an
//     object of them by name),
//   - a whole document set by its producer (--get-active-zones),
//   - {"result": <scalar, list, bool or {item: bool}>},
//   - {"result": [lines]} for commands that print lines of their own (direct, whitelist).
// Errors go to stderr as {"error": {...}} at once (json_output.hpp), warnings likewise.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "json.hpp"

namespace fwctl::cli {

class JsonSink {
 public:
  JsonSink(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  // --list-all-zones / --list-all-policies: entries form one object by name.
  void set_many(bool many) { many_ = many; }

  void result(Json value) { result_ = std::move(value); }
  void document(Json value) { document_ = std::move(value); }
  void entry(const std::string& name, Json value);
  // A key added to the settings object of a single --list-all/--info-* (fwctl --counters).
  void extend_entry(const std::string& key, Json value) {
    single_entry_.set(key, std::move(value));
  }
  void query_item(const std::string& item, bool value);
  void line(const std::string& text);
  void error(const std::string& text, int code);
  void warning(const std::string& text);

  // Prints the stdout document (nothing after an error, or when quiet). Idempotent.
  void flush(bool quiet);

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool many_ = false, failed_ = false, flushed_ = false;
  std::optional<Json> result_, document_;
  Json entries_ = Json::object();
  Json single_entry_;
  Json queries_ = Json::object();
  std::vector<std::string> lines_;
};

}  // namespace fwctl::cli
