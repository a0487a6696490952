#include "printer.hpp"

#include <ostream>

namespace fwctl::cli {

void Printer::msg(const std::string& text) const {
  if (json_) json_->line(text);
  else if (!quiet_) out_ << text << '\n';
}

void Printer::error_msg(const std::string& text) const {
  if (quiet_) return;
  if (json_) json_->warning(text);
  else err_ << text << '\n';
}

void Printer::warning(const std::string& text) const {
  error_msg(err_tty_ ? "\033[91m" + text + "\033[00m" : text);
}

void Printer::if_verbose(const std::string& text) const {
  if (verbose_ && !json_) out_ << text << '\n';  // no chatter inside a JSON document
}

void Printer::and_exit(const std::string& text, int code) const {
  if (json_ && code > 1) {
    if (!quiet_) json_->error(text, code);
  } else if (json_) {
    json_->result(text);
  } else if (code > 1) warning(text);
  else msg(text);
  throw Exit{code};
}

void Printer::query_result(bool value) const {
  if (json_) {
    json_->result(value);
    throw Exit{value ? 0 : 1};
  }
  if (value) and_exit("yes");
  and_exit("no", 1);
}

void Printer::list(const std::vector<std::string>& items, const char* sep) const {
  if (json_) {
    json_->result(Json(items));
    throw Exit{0};
  }
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  and_exit(out);
}

void Printer::query_line(const std::string& shown, bool value) const {
  if (!json_) return msg(shown + ": " + (value ? "yes" : "no"));
  std::string item = shown;
  if (item.size() >= 2 && item.front() == '\'' && item.back() == '\'')
    item = item.substr(1, item.size() - 2);
  json_->query_item(item, value);
}

}  // namespace fwctl::cli
