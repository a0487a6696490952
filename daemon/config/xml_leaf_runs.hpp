#pragma once
// Runs of leaf elements (`<entry>10.0.0.1</entry>` one after the other, whitespace between) in
// an XML text, which walk_xml() reports from the text itself instead of from pugixml's tree
// (issue 13): a 1,000,000-entry ipset file would otherwise cost three tree nodes (64 bytes each)
// per entry, most of the peak memory of a load. The runs are blanked out of the copy pugixml
// parses (spaces, newlines kept, so every offset and line stays), and the walk reports their
// elements where the blank stands.
//
// Only what reads the same either way is a leaf here: a child of the root element with no
// attributes, whose text holds no markup, entity, ']' or carriage return. A document with a
// DOCTYPE, or one the scan cannot follow, has no runs (pugixml then sees it all, as before).

#include <cstddef>
#include <string_view>
#include <vector>

namespace fwctl::config {

struct LeafRun {
  std::size_t begin = 0;  // the first element's '<'
  std::size_t end = 0;    // past the last element's '>'
};

// The runs of at least `min_elements` leaf elements, in document order.
std::vector<LeafRun> find_leaf_runs(std::string_view text, std::size_t min_elements);

// One leaf element of a run, at `at` (its '<').
struct Leaf {
  std::string_view name;
  std::size_t text_begin = 0;  // offset of its text (empty when text_end == text_begin)
  std::size_t text_end = 0;
  std::size_t close = 0;  // offset of its "</"
  std::size_t end = 0;    // past its '>'
};
// The offset of the '>' that ends the start tag at `offset` (quoted '>' skipped); text.size()
// when it does not end.
std::size_t tag_end(std::string_view text, std::size_t offset);

// The leaf element at `at`; false when there is none (find_leaf_runs() found only leaves).
bool read_leaf(std::string_view text, std::size_t at, Leaf& leaf);

}  // namespace fwctl::config
