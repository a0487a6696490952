#include "config/icmptype_xml.hpp"

#include <algorithm>

#include "config/xml_writer.hpp"
#include "model/validate.hpp"

namespace fwctl::config {
namespace {

// firewalld's IcmpType.PARSER_REQUIRED_ELEMENT_ATTRS and PARSER_OPTIONAL_ELEMENT_ATTRS.
const ElementRules kIcmpTypeRules = {
    {"short", {}, {}},
    {"description", {}, {}},
    {"icmptype", {}, {"name", "version"}},
    {"destination", {}, {"ipv4", "ipv6"}},
};

bool is_yes(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "yes" || value == "true";
}

class IcmpTypeReader final : public ItemReader {
 public:
  IcmpTypeReader(model::IcmpType& icmptype, const std::string& file)
      : ItemReader(kIcmpTypeRules, icmptype.info, file), icmptype_(icmptype) {}

 private:
  Status on_start(const XmlElement& e) override {
    if (e.name == "icmptype") {
      if (const std::string* name = e.find("name")) {
        warn(e, Code::PARSE_ERROR, "Ignoring deprecated attribute name='" + *name + "'");
      }
      if (const std::string* version = e.find("version")) icmptype_.info.version = *version;
    } else if (e.name == "destination") {
      for (std::string_view family : {"ipv4", "ipv6"}) {
        const std::string* value = e.find(family);
        if (value && is_yes(*value)) icmptype_.destinations.emplace_back(family);
      }
    }
    return ok();
  }

  model::IcmpType& icmptype_;
};

}  // namespace

Result<Parsed<model::IcmpType>> parse_icmptype(std::string_view xml, std::string_view name,
                                               const std::string& file) {
  return read_item<IcmpTypeReader>(xml, name, file, {Code::INVALID_ICMPTYPE, "icmptype"},
                                   &model::check_icmptype);
}

std::string format_icmptype(const model::IcmpType& icmptype) {
  XmlWriter w;
  XmlAttributes attributes;
  if (!icmptype.info.version.empty()) attributes.emplace_back("version", icmptype.info.version);
  w.start("icmptype", attributes);
  w.raw("\n");
  if (!icmptype.info.short_.empty()) w.text_line(2, "short", icmptype.info.short_);
  if (!icmptype.info.description.empty()) w.text_line(2, "description", icmptype.info.description);
  // firewalld builds a dict from the list: a repeated family keeps its first place.
  XmlAttributes destinations;
  for (const std::string& family : icmptype.destinations) {
    auto same = [&](const auto& a) { return a.first == family; };
    if (std::none_of(destinations.begin(), destinations.end(), same)) {
      destinations.emplace_back(family, "yes");
    }
  }
  if (!destinations.empty()) w.empty_line(2, "destination", destinations);
  w.end("icmptype");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
