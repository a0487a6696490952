#include "config/xml_source.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <pugixml.hpp>
#include <utility>

#include "config/xml_leaf_runs.hpp"
#include "config/xml_text.hpp"

namespace fwctl::config {
namespace {

// Entities are decoded by decode_entities(), which, unlike pugixml, rejects undefined ones.
// Whitespace-only text is kept because firewalld keeps it (<short> </short> is " "). Fragment
// mode keeps text outside the root element as nodes, so that it can be rejected; declaration
// and processing-instruction nodes are kept so that they can be checked.
constexpr unsigned kParseOptions = (pugi::parse_default & ~pugi::parse_escapes) |
                                   pugi::parse_ws_pcdata | pugi::parse_fragment | pugi::parse_pi |
                                   pugi::parse_declaration;

constexpr std::string_view kInvalidToken = "not well-formed (invalid token)";

// Where a document stops being well-formed, in expat's words.
struct Flaw {
  std::size_t offset = 0;
  std::string_view reason;
};

std::optional<Flaw> earlier(std::optional<Flaw> a, std::optional<Flaw> b) {
  if (!a) return b;
  if (!b) return a;
  return b->offset < a->offset ? b : a;
}

// The offset of the node's markup: an element's and a declaration's '<', a text's first byte.
std::size_t node_offset(const pugi::xml_node& node) {
  auto offset = node.offset_debug();
  if (offset < 0) return 0;
  std::size_t o = static_cast<std::size_t>(offset);  // of the name, for tags
  if (node.type() == pugi::node_element) return o > 0 ? o - 1 : o;
  if (node.type() == pugi::node_declaration || node.type() == pugi::node_pi)
    return o > 1 ? o - 2 : o;
  return o;
}

bool is_text(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string_view pugi_reason(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_end_element_mismatch:
      return "mismatched tag";
    case pugi::status_no_document_element:
      return "no element found";
    case pugi::status_out_of_memory:
      return "out of memory";
    default:
      return kInvalidToken;
  }
}

// <?xml version="…" encoding="…" standalone="yes|no"?>, in this order, at the very start.
bool valid_declaration(const pugi::xml_node& node) {
  static constexpr std::string_view kNames[] = {"version", "encoding", "standalone"};
  std::size_t next = 0;
  for (const pugi::xml_attribute& a : node.attributes()) {
    std::string_view name = a.name();
    std::string_view value = a.value();
    while (next < 3 && kNames[next] != name) ++next;
    if (next == 3 || (next > 0 && !node.attribute("version"))) return false;
    // expat takes any version ("1", "1.") and leaves encoding names to the application.
    bool ok = next == 0   ? !value.empty()
              : next == 1 ? !value.empty() && std::isalpha(static_cast<unsigned char>(value[0]))
                          : value == "yes" || value == "no";
    if (!ok) return false;
    ++next;
  }
  return node.attribute("version");
}

// Walks the tree in document order without recursion (a hostile file may nest deeply).
// `visitor.enter(node)` sees every node, `visitor.leave(node)` every element after its content.
template <typename Visitor>
Status traverse(const pugi::xml_document& doc, Visitor& visitor) {
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (Status s = visitor.enter(node); !s) return s;
    if (node.type() == pugi::node_element && node.first_child()) {
      node = node.first_child();
      continue;
    }
    // `node` is complete: close it and every ancestor whose last child it ends.
    for (;;) {
      if (node.type() == pugi::node_element) {
        if (Status s = visitor.leave(node); !s) return s;
      }
      if (node.next_sibling()) {
        node = node.next_sibling();
        break;
      }
      node = node.parent();
      if (node.type() == pugi::node_document) return ok();
    }
  }
  return ok();
}

// Finds the first place where expat would stop but pugixml does not.
class WellFormedCheck {
 public:
  explicit WellFormedCheck(std::string_view text) : text_(text) {}

  Status enter(const pugi::xml_node& node) {
    std::optional<Flaw> flaw = check(node);
    if (!flaw) return ok();
    flaw_ = flaw;
    return fail(Code::PARSE_ERROR);  // stops the traversal; the flaw is what counts
  }
  Status leave(const pugi::xml_node&) { return ok(); }

  const std::optional<Flaw>& flaw() const { return flaw_; }
  int roots() const { return roots_; }

 private:
  std::optional<Flaw> check(const pugi::xml_node& node) {
    std::size_t offset = node_offset(node);
    if (node.parent().type() == pugi::node_document) {
      if (auto flaw = check_top_level(node, offset)) return flaw;
    }
    switch (node.type()) {
      case pugi::node_element:
        return check_attributes(node, offset);
      case pugi::node_pcdata:
        return check_entities(node.value(), offset, true);
      case pugi::node_declaration:
        return check_declaration(node, offset);
      default:
        return std::nullopt;
    }
  }

  std::optional<Flaw> check_top_level(const pugi::xml_node& node, std::size_t offset) {
    if (node.type() == pugi::node_element && ++roots_ > 1) {
      return Flaw{offset, "junk after document element"};
    }
    std::string_view text = node.value();
    if (!is_text(node) || is_blank(text)) return std::nullopt;
    // Point at the junk itself (within text, offsets are off by one per CR of a CRLF: harmless).
    offset += text.find_first_not_of(" \t\r\n");
    return Flaw{offset, roots_ > 0 ? "junk after document element" : kInvalidToken};
  }

  std::optional<Flaw> check_declaration(const pugi::xml_node& node, std::size_t offset) const {
    bool at_start = offset == 0 || (offset == 3 && text_.starts_with("\xEF\xBB\xBF"));
    if (!at_start) return Flaw{offset, "XML or text declaration not at start of entity"};
    if (!valid_declaration(node)) return Flaw{offset, "XML declaration not well-formed"};
    return std::nullopt;
  }

  static std::optional<Flaw> check_attributes(const pugi::xml_node& node, std::size_t offset) {
    std::vector<std::string_view> seen;
    for (const pugi::xml_attribute& a : node.attributes()) {
      std::string_view name = a.name();
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        return Flaw{offset, "duplicate attribute"};
      }
      seen.push_back(name);
      if (std::string_view(a.value()).find('<') != std::string_view::npos) {
        return Flaw{offset, kInvalidToken};
      }
      if (auto flaw = check_entities(a.value(), offset, false)) return flaw;
    }
    return std::nullopt;
  }

  // In text the failure's own offset is known; in an attribute only the tag's.
  static std::optional<Flaw> check_entities(std::string_view raw, std::size_t offset, bool exact) {
    if (raw.find('&') == std::string_view::npos) return std::nullopt;  // nothing to decode
    DecodeFailure failure;
    if (decode_entities(raw, &failure)) return std::nullopt;
    return Flaw{exact ? offset + failure.offset : offset, failure.reason};
  }

  std::string_view text_;
  std::optional<Flaw> flaw_;
  int roots_ = 0;
};

// Character data as pugixml gives it (line ends normalized, parse_eol), for the text around
// leaf runs, which is read from the original text.
std::string eol_normalized(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\r') {
      out += raw[i];
    } else {
      out += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    }
  }
  return out;
}

// The leaf runs (from `next` on) in the text node at `offset`, which extends to the first '<'
// that is not a blanked run's: what that node stands for in the original text.
std::size_t runs_in_node(std::string_view text, std::size_t offset,
                         const std::vector<LeafRun>& runs, std::size_t next) {
  std::size_t at = offset, count = 0;
  while (next + count < runs.size() && runs[next + count].begin == text.find('<', at)) {
    at = runs[next + count].end;
    ++count;
  }
  return count;
}

// Whether every run is in a text node of the tree (so the walk reports each where it was).
bool runs_covered(const pugi::xml_document& doc, std::string_view text,
                  const std::vector<LeafRun>& runs) {
  std::size_t next = 0;
  for (pugi::xml_node node : doc.children()) {
    if (node.type() != pugi::node_element) continue;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_pcdata) {
        next += runs_in_node(text, node_offset(child), runs, next);
      }
    }
  }
  return next == runs.size();
}

// Hands the tree to an XmlHandler, as expat would: only what comes before `limit` (where the
// document stops being well-formed), so that a handler error there wins, as in firewalld.
class Dispatch {
 public:
  Dispatch(XmlHandler& handler, std::string_view text, std::size_t limit,
           const std::vector<LeafRun>& runs)
      : handler_(handler), text_(text), lines_(text), limit_(limit), runs_(runs) {}

  Status enter(const pugi::xml_node& node) {
    // expat reports no character data outside the root element.
    if (node.parent().type() == pugi::node_document && is_text(node)) return ok();
    std::size_t offset = node_offset(node);
    bool element = node.type() == pugi::node_element;
    if ((element ? tag_end(text_, offset) : offset) >= limit_) return stop();
    if (node.type() == pugi::node_pcdata) {
      if (std::size_t n = runs_in_node(text_, offset, runs_, next_run_); n > 0) {
        return text_with_runs(offset, n);
      }
      std::string_view raw = node.value();
      if (raw.find('&') == std::string_view::npos) {
        handler_.characters(raw);  // no copy for the common text without references
      } else {
        handler_.characters(decode_entities(raw).value_or(""));
      }
    } else if (node.type() == pugi::node_cdata) {
      handler_.characters(node.value());
    } else if (element) {
      open_.push_back(to_element(node, offset));
      return handler_.start_element(open_.back());
    }
    return ok();
  }

  Status leave(const pugi::xml_node& node) {
    XmlElement element = std::move(open_.back());
    open_.pop_back();
    // expat ends an element only once it has read its end tag: one the flaw cuts off never ends
    // (firewalld's readers add an entry at its end: a half-read <rule> is not a rule).
    if (!closed_before_limit(node)) return stop();
    return handler_.end_element(element);
  }

  bool stopped() const { return stopped_; }

 private:
  // A text node holding `runs` blanked leaf runs: its text around them, and their elements,
  // each checked against the limit as its own node would be.
  Status text_with_runs(std::size_t offset, std::size_t runs) {
    std::size_t at = offset;
    for (std::size_t k = 0;; ++k) {
      std::size_t end = k < runs ? runs_[next_run_].begin : text_.find('<', at);
      if (end == std::string_view::npos) end = text_.size();
      if (end > at) {
        if (at >= limit_) return stop();
        handler_.characters(
            decode_entities(eol_normalized(text_.substr(at, end - at))).value_or(""));
      }
      if (k == runs) return ok();
      const LeafRun& run = runs_[next_run_++];
      if (Status s = leaves(run); !s) return s;
      at = run.end;
    }
  }

  // The elements of one run and the blanks between them.
  Status leaves(const LeafRun& run) {
    Leaf leaf;
    for (std::size_t at = run.begin; at < run.end; at = leaf.end) {
      std::size_t lt = text_.find('<', at);
      if (lt > at) {
        if (at >= limit_) return stop();
        handler_.characters(text_.substr(at, lt - at));
      }
      if (!read_leaf(text_, lt, leaf) || leaf.text_begin - 1 >= limit_) return stop();
      XmlElement element{std::string(leaf.name), {}, lines_.line(lt)};
      if (Status s = handler_.start_element(element); !s) return s;
      if (leaf.text_end > leaf.text_begin) {
        if (leaf.text_begin >= limit_) return stop();
        handler_.characters(text_.substr(leaf.text_begin, leaf.text_end - leaf.text_begin));
      }
      if (leaf.close >= limit_ && limit_ != std::string_view::npos) return stop();
      if (Status s = handler_.end_element(element); !s) return s;
    }
    return ok();
  }

  // Whether `node`'s end (its "/>" or the first "</name" after its start tag, as firewalld's
  // formats never nest an element in one of the same name) comes before the limit.
  bool closed_before_limit(const pugi::xml_node& node) const {
    if (limit_ == std::string_view::npos) return true;
    std::size_t end = tag_end(text_, node_offset(node));
    if (end > 0 && end < text_.size() && text_[end - 1] == '/') return true;
    std::size_t close = text_.find("</" + std::string(node.name()), end);
    return close != std::string_view::npos && close < limit_;
  }

  Status stop() {
    stopped_ = true;
    return fail(Code::PARSE_ERROR);  // ends the traversal; the caller reports the flaw
  }

  XmlElement to_element(const pugi::xml_node& node, std::size_t offset) const {
    XmlElement element{node.name(), {}, lines_.line(offset)};
    for (const pugi::xml_attribute& a : node.attributes()) {
      element.attributes.push_back({a.name(), decode_entities(a.value()).value_or("")});
    }
    return element;
  }

  XmlHandler& handler_;
  std::string_view text_;
  LineMap lines_;
  std::size_t limit_;
  std::vector<XmlElement> open_;
  bool stopped_ = false;
  const std::vector<LeafRun>& runs_;
  std::size_t next_run_ = 0;
};

// firewalld's error for a malformed file: INVALID_ZONE "not a valid zone file: mismatched
// tag: line 4, column 2".
Unexpected malformed(std::string_view text, const std::string& file, XmlKind kind, Flaw flaw) {
  LineMap lines(text);
  int line = lines.line(flaw.offset);
  std::string detail = "not a valid " + std::string(kind.word) +
                       " file: " + std::string(flaw.reason) + ": line " + std::to_string(line) +
                       ", column " + std::to_string(lines.column(flaw.offset));
  return Unexpected{Error{kind.malformed, std::move(detail), file, line}};
}

// The first flaw of the document: pugixml's parse error, a byte XML forbids, or what
// WellFormedCheck finds. Also counts the root elements.
std::optional<Flaw> find_flaw(std::string_view text, const pugi::xml_document& doc,
                              const pugi::xml_parse_result& result, int& roots) {
  std::optional<Flaw> flaw;
  if (!result) flaw = Flaw{static_cast<std::size_t>(result.offset), pugi_reason(result.status)};
  if (result.encoding == pugi::encoding_utf8) {
    std::size_t bad = find_invalid_char(text);
    if (bad != std::string_view::npos) flaw = earlier(flaw, Flaw{bad, kInvalidToken});
  }
  WellFormedCheck check(text);
  (void)traverse(doc, check);  // a failure only stops the walk; the flaw tells what it was
  roots = check.roots();
  flaw = earlier(flaw, check.flaw());
  if (!flaw && roots == 0) flaw = Flaw{text.size(), "no element found"};
  return flaw;
}

}  // namespace

const std::string* XmlElement::find(std::string_view attribute) const {
  auto it = std::find_if(attributes.begin(), attributes.end(),
                         [&](const XmlAttribute& a) { return a.name == attribute; });
  return it == attributes.end() ? nullptr : &it->value;
}

// Below this many leaf elements in a row the tree is as cheap as the text (small files).
constexpr std::size_t kMinLeafRun = 32;

Status walk_xml(std::string_view text, const std::string& file, XmlKind kind, XmlHandler& handler) {
  return walk_xml(text, file, kind, handler, kMinLeafRun);
}

// pugixml parses a copy of the text (in place), with the leaf runs blanked out of it.
Status walk_xml(std::string_view text, const std::string& file, XmlKind kind, XmlHandler& handler,
                std::size_t min_leaf_run) {
  std::vector<LeafRun> runs;
  if (min_leaf_run != std::string_view::npos) runs = find_leaf_runs(text, min_leaf_run);
  std::string buffer(text);
  for (const LeafRun& run : runs) {
    for (std::size_t i = run.begin; i < run.end; ++i) {
      if (buffer[i] != '\n') buffer[i] = ' ';
    }
  }
  pugi::xml_document doc;
  pugi::xml_parse_result result =
      doc.load_buffer_inplace(buffer.data(), buffer.size(), kParseOptions, pugi::encoding_auto);
  if (!runs.empty() && (result.encoding != pugi::encoding_utf8 || !runs_covered(doc, text, runs))) {
    // Not where the scan put them (a malformed or converted document): the whole text it is.
    runs.clear();
    doc.reset();
    buffer.assign(text);
    result =
        doc.load_buffer_inplace(buffer.data(), buffer.size(), kParseOptions, pugi::encoding_auto);
  }
  int roots = 0;
  std::optional<Flaw> flaw = find_flaw(text, doc, result, roots);
  Dispatch dispatch(handler, text, flaw ? flaw->offset : std::string_view::npos, runs);
  Status status = traverse(doc, dispatch);
  if (!status && !dispatch.stopped()) return status;  // the handler failed first
  if (flaw) return malformed(text, file, kind, *flaw);
  return ok();
}

Error without_kind(Error error, XmlKind kind) {
  std::string prefix = "not a valid " + std::string(kind.word) + " file: ";
  if (error.code == kind.malformed && error.detail.starts_with(prefix)) {
    error.detail = "Not a valid file: " + error.detail.substr(prefix.size());
  }
  return error;
}

}  // namespace fwctl::config
