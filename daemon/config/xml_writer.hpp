#pragma once
// Writes XML byte for byte as firewalld 1.3.3's writers do: Python's saxutils.XMLGenerator
// (declaration '<?xml version="1.0" encoding="utf-8"?>', text escaping of & < >, quoteattr()
// for attributes) plus firewalld's simpleElement() for empty elements ('<port .../>'), with the
// indentation and newlines the writers emit by hand.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fwctl::config {

// Attribute name/value pairs, written in this order (firewalld's dict insertion order).
using XmlAttributes = std::vector<std::pair<std::string_view, std::string_view>>;

class XmlWriter {
 public:
  XmlWriter();  // starts with the XML declaration line

  void start(std::string_view name, const XmlAttributes& attributes = {});  // <name a="v">
  void end(std::string_view name);                                          // </name>
  void empty(std::string_view name, const XmlAttributes& attributes = {});  // <name a="v"/>
  void text(std::string_view text);                                         // escaped data
  void raw(std::string_view whitespace);                                    // as is

  // "<indent><name attributes/>\n", the line shape of almost every element firewalld writes.
  void empty_line(int indent, std::string_view name, const XmlAttributes& attributes = {});
  // "<indent><name>text</name>\n", as for <short> and <description>.
  void text_line(int indent, std::string_view name, std::string_view text);

  std::string take() { return std::move(out_); }

 private:
  void attributes(const XmlAttributes& attributes);

  std::string out_;
};

// saxutils.escape(): & < > as entities.
std::string xml_escape(std::string_view text);
// saxutils.quoteattr(): escaped and quoted; single quotes when the value holds '"' but no "'".
std::string xml_quote_attribute(std::string_view value);

}  // namespace fwctl::config
