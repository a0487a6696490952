#include "config/item_reader.hpp"

#include <algorithm>

namespace fwctl::config {

Status check_element_attributes(const ElementRules& rules, const XmlElement& element) {
  auto rule = std::find_if(rules.begin(), rules.end(),
                           [&](const ElementRule& r) { return r.element == element.name; });
  if (rule == rules.end()) return fail(Code::PARSE_ERROR, "Unexpected element " + element.name);
  for (std::string_view required : rule->required) {
    if (!element.has(required)) {
      return fail(Code::PARSE_ERROR,
                  "Missing attribute " + std::string(required) + " for " + element.name);
    }
  }
  for (const XmlAttribute& a : element.attributes) {
    auto known = [&](const std::vector<std::string_view>& names) {
      return std::find(names.begin(), names.end(), a.name) != names.end();
    };
    if (!known(rule->required) && !known(rule->optional)) {
      return fail(Code::PARSE_ERROR, element.name + ": Unexpected attribute " + a.name);
    }
  }
  return ok();
}

Status ItemReader::start_element(const XmlElement& element) {
  text_.clear();
  if (skip(element)) return ok();
  if (Status s = check_element_attributes(rules_, element); !s) return fail_at(s.error(), element);
  return on_start(element);
}

Status ItemReader::end_element(const XmlElement& element) {
  if (element.name == "short") info_.short_ = text_;
  if (element.name == "description") info_.description = text_;
  return on_end(element);
}

void ItemReader::characters(std::string_view text) {
  // firewalld reads text with content.replace('\n', ' ').
  std::size_t start = text_.size();
  text_ += text;
  std::replace(text_.begin() + static_cast<std::ptrdiff_t>(start), text_.end(), '\n', ' ');
}

void ItemReader::warn(const XmlElement& element, Code code, std::string detail) {
  warn(element.line, code, std::move(detail));
}

void ItemReader::warn(int line, Code code, std::string detail) {
  warnings_.push_back(Error{code, std::move(detail), file_, line});
}

void ItemReader::warn_bare(int line, Code code, std::string detail) {
  warn(line, code, std::move(detail));
  warnings_.back().log_text = warnings_.back().detail;
}

Unexpected ItemReader::fail_at(const XmlElement& element, Code code, std::string detail) const {
  return Unexpected{Error{code, std::move(detail), file_, element.line}};
}

Unexpected ItemReader::fail_at(const Error& error, const XmlElement& element) const {
  return Unexpected{Error{error.code, error.detail, file_, element.line}};
}

Status ItemReader::located(Status status, const XmlElement& element) const {
  if (status) return status;
  return fail_at(status.error(), element);
}

Status attach_file(Status status, const std::string& file) {
  if (status) return status;
  status.error().file = file;
  return status;
}

}  // namespace fwctl::config
