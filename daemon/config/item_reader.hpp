#pragma once
// The part every firewalld item reader shares (firewalld's IO_Object_ContentHandler and
// parser_check_element_attrs): the table of known elements and their attributes, <short> and
// <description> text, and the warnings for what firewalld logs and ignores.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "config/xml_source.hpp"
#include "model/item_name.hpp"
#include "model/values.hpp"

namespace fwctl::config {

// An item read from a file, with what firewalld would have logged and ignored while reading it
// (a duplicate entry, an invalid rich rule, a deprecated attribute). The item does not contain
// the ignored parts; the warnings say what they were and where.
template <typename T>
struct Parsed {
  T item;
  std::vector<Error> warnings;
};

// An element firewalld's reader knows, with its required and optional attributes. Any other
// element or attribute is PARSE_ERROR, as in firewalld.
struct ElementRule {
  std::string_view element;
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};
using ElementRules = std::vector<ElementRule>;

class ItemReader : public XmlHandler {
 public:
  Status start_element(const XmlElement& element) final;
  Status end_element(const XmlElement& element) final;
  void characters(std::string_view text) final;

  std::vector<Error> take_warnings() { return std::move(warnings_); }
  // Called once the whole file was read, for what firewalld's reader does after parsing.
  virtual void finish() {}

  // Diagnostics located at an element, also used by the helpers the readers share.
  void warn(const XmlElement& element, Code code, std::string detail);
  void warn(int line, Code code, std::string detail);
  // A warning firewalld logs as its bare text, without the code ("Invalid rule: ...").
  void warn_bare(int line, Code code, std::string detail);
  Unexpected fail_at(const XmlElement& element, Code code, std::string detail) const;
  Unexpected fail_at(const Error& error, const XmlElement& element) const;  // adds file and line
  // `status` with the file and the element's line attached to its error.
  Status located(Status status, const XmlElement& element) const;
  const std::string& file() const { return file_; }

 protected:
  ItemReader(const ElementRules& rules, model::ItemInfo& info, const std::string& file)
      : rules_(rules), info_(info), file_(file) {}

  // True when the element is to be ignored without looking at it (zone and policy readers
  // ignore everything inside a rich rule that already failed).
  virtual bool skip(const XmlElement&) { return false; }
  // Called for each start tag that passed the attribute check.
  virtual Status on_start(const XmlElement& element) = 0;
  virtual Status on_end(const XmlElement&) { return ok(); }

  // The character data since the last start tag, newlines turned into spaces: firewalld's
  // value of <short>, <description> and <entry>.
  const std::string& text() const { return text_; }

 private:
  const ElementRules& rules_;
  model::ItemInfo& info_;
  const std::string& file_;
  std::string text_;
  std::vector<Error> warnings_;
};

// "Missing attribute port for port" or "Unexpected element foo" unless `element` fits `rules`.
Status check_element_attributes(const ElementRules& rules, const XmlElement& element);

// `status` with `file` attached to its error (line 0: whole-item checks look at no element).
Status attach_file(Status status, const std::string& file);

// Reads one item the way firewalld's <kind>_reader does: the name check (INVALID_NAME), the
// XML with a `Reader` (constructed from the item and the file name), then `check` on the whole
// item as firewalld's start-up check_config does. `kind` is "zone", "service", …
template <typename Reader, typename T>
Result<Parsed<T>> read_item(std::string_view xml, std::string_view name, const std::string& file,
                            XmlKind kind, Status (*check)(const T&)) {
  if (Status s = attach_file(model::check_item_name(kind.word, name), file); !s) {
    return s;
  }
  Parsed<T> parsed;
  parsed.item.info.name = std::string(name);
  Reader reader(parsed.item, file);
  if (Status s = walk_xml(xml, file, kind, reader); !s) return s;
  reader.finish();
  if (Status s = attach_file(check(parsed.item), file); !s) return s;
  parsed.warnings = reader.take_warnings();
  return parsed;
}

}  // namespace fwctl::config
