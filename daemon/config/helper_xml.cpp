#include "config/helper_xml.hpp"

#include <algorithm>

#include "config/xml_writer.hpp"
#include "model/validate.hpp"

namespace fwctl::config {
namespace {

// firewalld's Helper.PARSER_*_ELEMENT_ATTRS; <port>'s attributes, which firewalld lists as
// optional but reads unconditionally, are required here.
const ElementRules kHelperRules = {
    {"short", {}, {}},
    {"description", {}, {}},
    {"helper", {"module"}, {"name", "version", "family"}},
    {"port", {"port", "protocol"}, {}},
};

constexpr std::string_view kModulePrefix = "nf_conntrack_";

// Python's module.replace("nf_conntrack_", "").
std::string without_prefixes(std::string_view module) {
  std::string out;
  for (std::size_t pos = 0;;) {
    std::size_t hit = module.find(kModulePrefix, pos);
    out.append(module.substr(pos, hit == std::string_view::npos ? hit : hit - pos));
    if (hit == std::string_view::npos) return out;
    pos = hit + kModulePrefix.size();
  }
}

class HelperReader final : public ItemReader {
 public:
  HelperReader(model::Helper& helper, const std::string& file)
      : ItemReader(kHelperRules, helper.info, file), helper_(helper) {}

 private:
  Status on_start(const XmlElement& e) override {
    if (e.name == "helper") return start_helper(e);
    if (e.name == "port") return add_port(e);
    return ok();
  }

  Status start_helper(const XmlElement& e) {
    if (const std::string* version = e.find("version")) helper_.info.version = *version;
    if (const std::string* family = e.find("family")) {
      if (*family != "ipv4" && *family != "ipv6") {
        return fail_at(e, Code::INVALID_IPV, "'" + *family + "' not in '['ipv4', 'ipv6']'");
      }
      helper_.family = *family;
    }
    const std::string& module = *e.find("module");
    if (!module.starts_with(kModulePrefix)) {
      return fail_at(e, Code::INVALID_MODULE,
                     "'" + module + "' does not start with 'nf_conntrack_'");
    }
    if (without_prefixes(module).empty()) {
      return fail_at(e, Code::INVALID_MODULE, "Module name '" + module + "' too short");
    }
    helper_.module = module;
    return ok();
  }

  Status add_port(const XmlElement& e) {
    model::PortProto port{*e.find("port"), *e.find("protocol")};
    if (Status s = model::check_port_proto(port); !s) return located(s, e);
    if (std::find(helper_.ports.begin(), helper_.ports.end(), port) != helper_.ports.end()) {
      warn(e, Code::ALREADY_ENABLED,
           "Port '" + port.port + "/" + port.protocol + "' already set, ignoring.");
      return ok();
    }
    helper_.ports.push_back(std::move(port));
    return ok();
  }

  model::Helper& helper_;
};

}  // namespace

Result<Parsed<model::Helper>> parse_helper(std::string_view xml, std::string_view name,
                                           const std::string& file) {
  return read_item<HelperReader>(xml, name, file, {Code::INVALID_HELPER, "helper"},
                                 &model::check_helper);
}

std::string format_helper(const model::Helper& helper) {
  XmlWriter w;
  XmlAttributes attributes{{"module", helper.module}};
  if (!helper.info.version.empty()) attributes.emplace_back("version", helper.info.version);
  if (!helper.family.empty()) attributes.emplace_back("family", helper.family);
  w.start("helper", attributes);
  w.raw("\n");
  if (!helper.info.short_.empty()) w.text_line(2, "short", helper.info.short_);
  if (!helper.info.description.empty()) w.text_line(2, "description", helper.info.description);
  for (const auto& p : helper.ports) {
    w.empty_line(2, "port", {{"port", p.port}, {"protocol", p.protocol}});
  }
  w.end("helper");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
