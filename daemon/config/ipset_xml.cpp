#include "config/ipset_xml.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "config/xml_writer.hpp"
#include "model/validate.hpp"

namespace fwctl::config {
namespace {

// firewalld's IPSet.PARSER_REQUIRED_ELEMENT_ATTRS and PARSER_OPTIONAL_ELEMENT_ATTRS.
const ElementRules kIpSetRules = {
    {"short", {}, {}},
    {"description", {}, {}},
    {"ipset", {"type"}, {"version"}},
    {"option", {"name"}, {"value"}},
    {"entry", {}, {}},
};

// repeats[i]: an earlier entry equals entry i.
std::vector<bool> repeats(const std::vector<std::string>& entries) {
  std::vector<std::uint32_t> order(entries.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = entries[a].compare(entries[b]);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<bool> repeated(entries.size());
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (entries[order[k]] == entries[order[k - 1]]) repeated[order[k]] = true;
  }
  return repeated;
}

class IpSetReader final : public ItemReader {
 public:
  IpSetReader(model::IpSet& ipset, const std::string& file)
      : ItemReader(kIpSetRules, ipset.info, file), ipset_(ipset) {}

  // After parsing, firewalld drops the entries of a set with a timeout, then repeated and
  // invalid entries, each with a warning. The list is filtered in place and repeats are found
  // by sorting indexes, not with a set of copies: a 1,000,000-entry file would hold the list
  // three times over at the peak of a load otherwise.
  void finish() override {
    auto& entries = ipset_.entries;
    if (model::ipset_has_timeout(ipset_) && !entries.empty()) {
      warn_bare(entry_lines_.front(), Code::IPSET_WITH_TIMEOUT,
                "ipset '" + ipset_.info.name + "': timeout option is set, entries are ignored");
      entries.clear();
      return;
    }
    std::vector<bool> repeated = repeats(entries);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      // Equal entries are equally valid: a repeat of an invalid entry is reported as invalid,
      // as firewalld does (it never saw the first one as set).
      if (Status s = model::check_ipset_entry(ipset_, entries[i]); !s) {
        warn(entry_lines_[i], s.error().code, s.error().detail + ", ignoring.");
      } else if (repeated[i]) {
        warn(entry_lines_[i], Code::ALREADY_ENABLED,
             "Entry " + entries[i] + " already set, ignoring.");
      } else {
        if (kept != i) entries[kept] = std::move(entries[i]);
        ++kept;
      }
    }
    entries.resize(kept);
    entry_lines_ = {};
  }

 private:
  Status on_start(const XmlElement& e) override {
    if (e.name == "ipset") return start_ipset(e);
    if (e.name == "option") return add_option(e);
    return ok();
  }

  Status on_end(const XmlElement& e) override {
    if (e.name == "entry") {
      ipset_.entries.push_back(text());
      entry_lines_.push_back(e.line);
    }
    return ok();
  }

  Status start_ipset(const XmlElement& e) {
    const std::string& type = *e.find("type");
    if (!model::check_ipset_type(type)) return fail_at(e, Code::INVALID_TYPE, type);
    ipset_.type = type;
    if (const std::string* version = e.find("version")) ipset_.info.version = *version;
    return ok();
  }

  Status add_option(const XmlElement& e) {
    const std::string* value = e.find("value");
    std::pair<std::string, std::string> option{*e.find("name"), value ? *value : ""};
    model::IpSet alone{ipset_.info, ipset_.type, {option}, {}};
    if (Status s = model::check_ipset_options(alone); !s) return located(s, e);
    if (model::find_ipset_option(ipset_, option.first)) {
      warn(e, Code::ALREADY_ENABLED, "Option " + option.first + " already set, ignoring.");
      return ok();
    }
    ipset_.options.push_back(std::move(option));
    return ok();
  }

  model::IpSet& ipset_;
  std::vector<int> entry_lines_;
};

}  // namespace

Result<Parsed<model::IpSet>> parse_ipset(std::string_view xml, std::string_view name,
                                         const std::string& file) {
  return read_item<IpSetReader>(xml, name, file, {Code::INVALID_IPSET, "ipset"},
                                &model::check_ipset);
}

std::string format_ipset(const model::IpSet& ipset) {
  XmlWriter w;
  XmlAttributes attributes{{"type", ipset.type}};
  if (!ipset.info.version.empty()) attributes.emplace_back("version", ipset.info.version);
  w.start("ipset", attributes);
  w.raw("\n");
  if (!ipset.info.short_.empty()) w.text_line(2, "short", ipset.info.short_);
  if (!ipset.info.description.empty()) w.text_line(2, "description", ipset.info.description);
  for (const auto& [name, value] : ipset.options) {
    if (value.empty()) {
      w.empty_line(2, "option", {{"name", name}});
    } else {
      w.empty_line(2, "option", {{"name", name}, {"value", value}});
    }
  }
  for (const std::string& entry : ipset.entries) w.text_line(2, "entry", entry);
  w.end("ipset");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
