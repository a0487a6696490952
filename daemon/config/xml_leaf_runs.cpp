#include "config/xml_leaf_runs.hpp"

namespace fwctl::config {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
// No markup, entity or "]]>"; no byte pugixml would stop at or rewrite (NUL, CR) or expat
// refuse (other controls): the text reads the same raw as parsed.
bool leaf_text_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return c != '<' && c != '&' && c != '>' && c != ']' && (u >= 0x20 || c == '\t' || c == '\n');
}
bool blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Past the markup that starts at `at` ("<!--", "<![CDATA[", "<?", "</", a start tag), kNone
// when it does not end or is a declaration the scan does not follow (DOCTYPE). `depth` follows
// the elements.
std::size_t skip_markup(std::string_view text, std::size_t at, int& depth) {
  auto past = [&](std::string_view close) {
    std::size_t end = text.find(close, at + 2);
    return end == kNone ? kNone : end + close.size();
  };
  std::string_view rest = text.substr(at);
  if (rest.starts_with("<!--")) return past("-->");
  if (rest.starts_with("<![CDATA[")) return past("]]>");
  if (rest.starts_with("<?")) return past("?>");
  if (rest.starts_with("<!")) return kNone;
  if (rest.starts_with("</")) {
    --depth;
    return past(">");
  }
  std::size_t end = tag_end(text, at);
  if (end >= text.size()) return kNone;
  if (text[end - 1] != '/') ++depth;
  return end + 1;
}

}  // namespace

std::size_t tag_end(std::string_view text, std::size_t offset) {
  char quote = 0;
  for (std::size_t i = offset; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return text.size();
}

bool read_leaf(std::string_view text, std::size_t at, Leaf& leaf) {
  std::size_t i = at + 1;
  if (i >= text.size() || !name_start(text[i])) return false;
  while (i < text.size() && name_char(text[i])) ++i;
  if (i >= text.size() || text[i] != '>') return false;
  leaf.name = text.substr(at + 1, i - at - 1);
  leaf.text_begin = ++i;
  while (i < text.size() && leaf_text_char(text[i])) ++i;
  leaf.text_end = i;
  std::string_view close = text.substr(i);
  if (!close.starts_with("</") || close.substr(2, leaf.name.size()) != leaf.name) return false;
  std::size_t gt = i + 2 + leaf.name.size();
  if (gt >= text.size() || text[gt] != '>') return false;
  leaf.close = i;
  leaf.end = gt + 1;
  return true;
}

std::vector<LeafRun> find_leaf_runs(std::string_view text, std::size_t min_elements) {
  std::vector<LeafRun> runs;
  LeafRun run;
  std::size_t count = 0;
  auto close_run = [&] {
    if (count >= min_elements && count > 0) runs.push_back(run);
    count = 0;
  };
  int depth = 0;
  std::size_t at = 0;
  Leaf leaf;
  while ((at = text.find('<', at)) != kNone) {
    if (depth == 1 && read_leaf(text, at, leaf)) {
      bool joined = count > 0;
      for (std::size_t i = run.end; joined && i < at; ++i) joined = blank(text[i]);
      if (!joined) {
        close_run();
        run.begin = at;
      }
      run.end = leaf.end;
      ++count;
      at = leaf.end;
      continue;
    }
    close_run();
    at = skip_markup(text, at, depth);
    if (at == kNone) return {};
  }
  close_run();
  return runs;
}

}  // namespace fwctl::config
