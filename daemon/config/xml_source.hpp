#pragma once
// A SAX-style walk over an XML file, as firewalld's expat-based readers see it: start tags with
// their attributes, character data and end tags, in document order.
//
// pugixml parses; it is more lenient than expat, so the walk also rejects what expat rejects
// (several root elements, text outside the root, duplicate attributes, '<' in an attribute
// value, undefined entities, invalid character references, invalid UTF-8, a bad XML
// declaration). A file firewalld refuses as malformed is refused here too, with firewalld's
// code and message.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace fwctl::config {

struct XmlAttribute {
  std::string name;
  std::string value;  // entities decoded, whitespace normalized as XML requires
};

// A start tag.
struct XmlElement {
  std::string name;
  std::vector<XmlAttribute> attributes;  // in document order
  int line = 0;                          // 1-based line of the tag

  // The value of `attribute`, or nullptr when the tag does not have it.
  const std::string* find(std::string_view attribute) const;
  bool has(std::string_view attribute) const { return find(attribute) != nullptr; }
};

// The value of `attribute`, or "" when the tag does not have it.
inline std::string attribute_or_empty(const XmlElement& element, std::string_view attribute) {
  const std::string* value = element.find(attribute);
  return value ? *value : std::string();
}

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual Status start_element(const XmlElement& element) = 0;
  // `element` is the matching start tag (pugixml does not locate end tags).
  virtual Status end_element(const XmlElement& element) = 0;
  // Character data, possibly in several pieces; CDATA sections included.
  virtual void characters(std::string_view text) = 0;
};

// How a malformed file of one kind is reported: firewalld raises e.g. INVALID_ZONE with
// "not a valid zone file: mismatched tag: line 4, column 2".
struct XmlKind {
  Code malformed;
  std::string_view word;  // "zone", "service", …
};

// Parses `text` (the content of `file`) and reports it to `handler`. As with expat, which reads
// as a stream, the handler sees what comes before the place where a malformed document goes
// wrong; the first failing handler call ends the walk and its error is returned, else the
// document's flaw (e.g. INVALID_ZONE "not a valid zone file: mismatched tag: line 4, column 2").
//
// Runs of simple leaf elements (an ipset's <entry> list) are reported from the text, not from
// pugixml's tree (xml_leaf_runs.hpp), when at least `min_leaf_run` follow one another; the
// events are the same either way. Tests pass npos (never) and 1 (always) to compare.
Status walk_xml(std::string_view text, const std::string& file, XmlKind kind, XmlHandler& handler);
Status walk_xml(std::string_view text, const std::string& file, XmlKind kind, XmlHandler& handler,
                std::size_t min_leaf_run);

// io/direct.py and io/lockdown_whitelist.py name no kind in their message: INVALID_TYPE
// "Not a valid file: mismatched tag: …". Rewrites walk_xml's flaw error for `kind` that way;
// any other error is returned as it is.
Error without_kind(Error error, XmlKind kind);

}  // namespace fwctl::config
