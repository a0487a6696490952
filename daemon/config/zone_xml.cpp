#include "config/zone_xml.hpp"

#include <algorithm>
#include <climits>

#include "config/common_xml.hpp"
#include "config/xml_writer.hpp"
#include "model/python_int.hpp"
#include "model/validate.hpp"

namespace fwctl::config {
namespace {

// firewalld's Zone.PARSER_REQUIRED_ELEMENT_ATTRS and PARSER_OPTIONAL_ELEMENT_ATTRS.
const ElementRules kZoneRules = {
    {"short", {}, {}},
    {"description", {}, {}},
    // ingress-priority, egress-priority: firewalld 2.0
    {"zone", {}, {"name", "immutable", "target", "version", "ingress-priority", "egress-priority"}},
    {"service", {"name"}, {}},
    {"port", {"port", "protocol"}, {}},
    {"icmp-block", {"name"}, {}},
    {"icmp-type", {"name"}, {}},
    {"forward", {}, {}},
    {"forward-port", {"port", "protocol"}, {"to-port", "to-addr"}},
    {"interface", {"name"}, {}},
    {"rule", {}, {"family", "priority"}},
    {"source", {}, {"address", "mac", "invert", "family", "ipset"}},
    {"destination", {}, {"address", "invert", "ipset"}},
    {"protocol", {"value"}, {}},
    {"source-port", {"port", "protocol"}, {}},
    {"log", {}, {"prefix", "level"}},
    {"nflog", {}, {"group", "prefix", "queue-size"}},
    {"audit", {}, {}},
    {"accept", {}, {}},
    {"reject", {}, {"type"}},
    {"drop", {}, {}},
    {"mark", {"set"}, {}},
    {"limit", {"value"}, {"burst"}},  // burst: firewalld 2.2
    {"icmp-block-inversion", {}, {}},
    {"masquerade", {}, {"enabled"}},
    {"tcp-mss-clamp", {}, {"value"}},
};

// firewalld's internal spelling of the default target, accepted in files.
constexpr std::string_view kDefaultTargetInternal = "{chain}_{zone}";

class ZoneReader final : public ItemReader {
 public:
  ZoneReader(model::Zone& zone, const std::string& file)
      : ItemReader(kZoneRules, zone.info, file), zone_(zone), common_(*this, zone) {}

 private:
  bool skip(const XmlElement& e) override { return common_.rules().skip(e); }

  Status on_start(const XmlElement& e) override {
    Result<bool> handled = common_.start(e);
    if (!handled) return handled;
    if (*handled) return ok();
    if (e.name == "zone") return start_zone(e);
    if (e.name == "interface") return add_interface(e);
    if (e.name == "source")
      return common_.rules().active() ? common_.rules().start_source(e) : add_source(e);
    if (e.name == "forward") {
      set_flag(e, zone_.forward, "Forward");
    } else if (e.name == "icmp-block-inversion") {
      set_flag(e, zone_.icmp_block_inversion, "Icmp-Block-Inversion");
    } else {
      warn(e, Code::PARSE_ERROR, "Unknown XML element '" + e.name + "'");
    }
    return ok();
  }

  Status on_end(const XmlElement& e) override {
    common_.end(e);
    return ok();
  }

  Status start_zone(const XmlElement& e) {
    for (std::string_view deprecated : {"name", "immutable"}) {
      if (const std::string* value = e.find(deprecated)) {
        warn(e, Code::PARSE_ERROR,
             "Ignoring deprecated attribute " + std::string(deprecated) + "='" + *value + "'");
      }
    }
    if (const std::string* version = e.find("version")) zone_.info.version = *version;
    if (const std::string* target = e.find("target")) {
      if (Status s = model::check_zone_target(*target); !s) return located(s, e);
      zone_.target = *target == kDefaultTargetInternal ? "default" : *target;
    }
    if (Status s = read_priority(e, "ingress-priority", zone_.ingress_priority); !s) return s;
    return read_priority(e, "egress-priority", zone_.egress_priority);
  }

  // firewalld 2.x reads the attribute with int(); the range is checked with the whole zone.
  Status read_priority(const XmlElement& e, std::string_view attribute, int& out) {
    const std::string* text = e.find(attribute);
    if (!text) return ok();
    auto n = model::parse_python_int(*text, model::PythonIntBase::Decimal);
    if (!n) {
      return fail_at(e, Code::INVALID_PRIORITY,
                     "invalid '" + std::string(attribute) + "' attribute value '" + *text + "'.");
    }
    out = static_cast<int>(std::clamp<long double>(*n, INT_MIN, INT_MAX));
    return ok();
  }

  void set_flag(const XmlElement& e, bool& flag, std::string_view what) {
    if (flag) warn(e, Code::ALREADY_ENABLED, std::string(what) + " already set, ignoring.");
    flag = true;
  }

  Status add_interface(const XmlElement& e) {
    if (common_.rules().active()) {
      common_.rules().spoil(e, Code::INVALID_RULE, "Invalid rule: interface use in rule.");
      return ok();
    }
    const std::string& name = *e.find("name");
    // firewalld checks interface names in its whole-item check, which names the zone; here the
    // line is known too.
    if (!model::check_interface(name)) {
      return located(fail(Code::INVALID_INTERFACE,
                          "Zone '" + zone_.info.name + "': invalid interface '" + name + "'"),
                     e);
    }
    if (std::find(zone_.interfaces.begin(), zone_.interfaces.end(), name) !=
        zone_.interfaces.end()) {
      warn(e, Code::ALREADY_ENABLED, "Interface '" + name + "' already set, ignoring.");
      return ok();
    }
    zone_.interfaces.push_back(name);
    return ok();
  }

  std::optional<model::ZoneSource> ignored(const XmlElement& e, std::string detail) {
    warn_bare(e.line, Code::INVALID_ADDR, std::move(detail));
    return std::nullopt;
  }

  // A source binding the zone (outside a rule). Returns the source to add, or nothing when
  // firewalld ignores the element.
  Result<std::optional<model::ZoneSource>> read_source(const XmlElement& e) {
    const std::string* address = e.find("address");
    const std::string* ipset = e.find("ipset");
    if (!address && !ipset) return ignored(e, "Invalid source: No address no ipset.");
    if (address && ipset) return ignored(e, "Invalid source: Address and ipset.");
    if (const std::string* family = e.find("family")) {
      warn(e, Code::PARSE_ERROR, "Ignoring deprecated attribute family='" + *family + "'");
    }
    if (e.has("invert")) return ignored(e, "Invalid source: Invertion not allowed here.");
    if (ipset) {
      if (ipset->empty()) return fail_at(e, Code::INVALID_IPSET, "");
      return std::optional(model::ZoneSource{"", "", *ipset});
    }
    if (model::is_ipv4_network(*address) || model::is_ipv6_network(*address)) {
      return std::optional(model::ZoneSource{*address, "", ""});
    }
    if (model::check_mac(*address)) return std::optional(model::ZoneSource{"", *address, ""});
    return fail_at(e, Code::INVALID_ADDR, *address);
  }

  Status add_source(const XmlElement& e) {
    Result<std::optional<model::ZoneSource>> source = read_source(e);
    if (!source) return source;
    if (!*source) return ok();
    auto same = [&](const model::ZoneSource& s) { return s.to_string() == (*source)->to_string(); };
    if (std::any_of(zone_.sources.begin(), zone_.sources.end(), same)) {
      warn(e, Code::ALREADY_ENABLED,
           "Source '" + (*source)->to_string() + "' already set, ignoring.");
      return ok();
    }
    zone_.sources.push_back(**source);
    return ok();
  }

  model::Zone& zone_;
  CommonReader<model::Zone> common_;
};

void write_sources(XmlWriter& w, const std::vector<model::ZoneSource>& sources) {
  std::vector<std::string> written;
  for (const model::ZoneSource& s : sources) {
    std::string text = s.to_string();
    if (std::find(written.begin(), written.end(), text) != written.end()) continue;
    written.push_back(text);
    if (!s.ipset.empty()) {
      w.empty_line(2, "source", {{"ipset", s.ipset}});
    } else {
      w.empty_line(2, "source", {{"address", s.mac.empty() ? s.address : s.mac}});
    }
  }
}

}  // namespace

Result<Parsed<model::Zone>> parse_zone(std::string_view xml, std::string_view name,
                                       const std::string& file) {
  return read_item<ZoneReader>(xml, name, file, {Code::INVALID_ZONE, "zone"}, &model::check_zone);
}

std::string format_zone(const model::Zone& zone) {
  XmlWriter w;
  XmlAttributes attributes;
  if (!zone.info.version.empty()) attributes.emplace_back("version", zone.info.version);
  if (zone.target != "default") attributes.emplace_back("target", zone.target);
  // The attributes hold views: the texts live here until the start tag is written.
  std::string ingress = std::to_string(zone.ingress_priority);
  std::string egress = std::to_string(zone.egress_priority);
  if (zone.ingress_priority != 0) attributes.emplace_back("ingress-priority", ingress);
  if (zone.egress_priority != 0) attributes.emplace_back("egress-priority", egress);
  w.start("zone", attributes);
  w.raw("\n");
  write_common(w, zone);
  std::vector<std::string> interfaces;
  for (const std::string& i : zone.interfaces) {
    if (std::find(interfaces.begin(), interfaces.end(), i) != interfaces.end()) continue;
    interfaces.push_back(i);
    w.empty_line(2, "interface", {{"name", i}});
  }
  write_sources(w, zone.sources);
  if (zone.icmp_block_inversion) w.empty_line(2, "icmp-block-inversion");
  if (zone.forward) w.empty_line(2, "forward");
  w.end("zone");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
