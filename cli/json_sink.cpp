#include "json_sink.hpp"

#include <ostream>

#include "json_output.hpp"

namespace fwctl::cli {

void JsonSink::entry(const std::string& name, Json value) {
  single_entry_ = value;
  entries_.set(name, std::move(value));
}

void JsonSink::query_item(const std::string& item, bool value) { queries_.set(item, value); }

void JsonSink::line(const std::string& text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines_.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

void JsonSink::error(const std::string& text, int code) {
  failed_ = true;
  err_ << diagnostic_json(text, code).dump() << '\n';
}

void JsonSink::warning(const std::string& text) {
  err_ << diagnostic_json(text, 0, "warning").dump() << '\n';
}

void JsonSink::flush(bool quiet) {
  if (flushed_) return;
  flushed_ = true;
  if (failed_ || quiet) return;
  Json doc;
  if (entries_.size() > 0) doc = many_ ? entries_ : single_entry_;
  else if (many_) doc = entries_;  // no zones at all: {}
  else if (document_) doc = *document_;
  else if (queries_.size() > 0) doc = Json::object().set("result", queries_);
  else if (result_) doc = Json::object().set("result", *result_);
  else doc = Json::object().set("result", Json(lines_));
  out_ << doc.dump() << '\n';
}

}  // namespace fwctl::cli
