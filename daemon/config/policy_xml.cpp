#include "config/policy_xml.hpp"

#include <algorithm>
#include <climits>

#include "config/common_xml.hpp"
#include "config/xml_writer.hpp"
#include "model/python_int.hpp"
#include "model/validate.hpp"

namespace fwctl::config {
namespace {

// firewalld's Policy.PARSER_REQUIRED_ELEMENT_ATTRS and PARSER_OPTIONAL_ELEMENT_ATTRS.
const ElementRules kPolicyRules = {
    {"short", {}, {}},
    {"description", {}, {}},
    {"policy", {"target"}, {"version", "priority"}},
    {"service", {"name"}, {}},
    {"port", {"port", "protocol"}, {}},
    {"icmp-block", {"name"}, {}},
    {"icmp-type", {"name"}, {}},
    {"masquerade", {}, {}},
    {"forward-port", {"port", "protocol"}, {"to-port", "to-addr"}},
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
    {"ingress-zone", {"name"}, {}},
    {"egress-zone", {"name"}, {}},
    {"tcp-mss-clamp", {}, {"value"}},
    {"disable", {}, {}},  // firewalld 2.4
};

constexpr int kDefaultPriority = -1;

class PolicyReader final : public ItemReader {
 public:
  PolicyReader(model::Policy& policy, const std::string& file)
      : ItemReader(kPolicyRules, policy.info, file), policy_(policy), common_(*this, policy) {}

 private:
  bool skip(const XmlElement& e) override { return common_.rules().skip(e); }

  Status on_start(const XmlElement& e) override {
    Result<bool> handled = common_.start(e);
    if (!handled) return handled;
    if (*handled) return ok();
    if (e.name == "policy") return start_policy(e);
    if (e.name == "ingress-zone") {
      add_zone(e, policy_.ingress_zones, "Ingress");
    } else if (e.name == "egress-zone") {
      add_zone(e, policy_.egress_zones, "Egress");
    } else if (e.name == "disable") {
      policy_.disable = true;
    } else if (e.name == "source") {
      if (common_.rules().active()) return common_.rules().start_source(e);
      common_.rules().spoil(e, Code::INVALID_RULE, "Invalid rule: Source outside of rule");
    } else {
      warn(e, Code::PARSE_ERROR, "Unknown XML element '" + e.name + "'");
    }
    return ok();
  }

  Status on_end(const XmlElement& e) override {
    common_.end(e);
    return ok();
  }

  Status start_policy(const XmlElement& e) {
    if (const std::string* version = e.find("version")) policy_.info.version = *version;
    if (const std::string* priority = e.find("priority")) {
      auto n = model::parse_python_int(*priority, model::PythonIntBase::Decimal);
      if (!n) {
        return fail_at(e, Code::INVALID_PRIORITY,
                       "invalid 'priority' attribute value '" + *priority + "'.");
      }
      policy_.priority = static_cast<int>(std::clamp<long double>(*n, INT_MIN, INT_MAX));
    }
    const std::string& target = *e.find("target");
    if (Status s = model::check_policy_target(target); !s) return located(s, e);
    policy_.target = target;
    return ok();
  }

  void add_zone(const XmlElement& e, std::vector<std::string>& zones, std::string_view what) {
    const std::string& name = *e.find("name");
    if (std::find(zones.begin(), zones.end(), name) != zones.end()) {
      warn(e, Code::ALREADY_ENABLED,
           std::string(what) + " zone '" + name + "' already set, ignoring.");
      return;
    }
    zones.push_back(name);
  }

  model::Policy& policy_;
  CommonReader<model::Policy> common_;
};

void write_zones(XmlWriter& w, std::string_view element, const std::vector<std::string>& zones) {
  std::vector<std::string> written;
  for (const std::string& zone : zones) {
    if (std::find(written.begin(), written.end(), zone) != written.end()) continue;
    written.push_back(zone);
    w.empty_line(2, element, {{"name", zone}});
  }
}

}  // namespace

Result<Parsed<model::Policy>> parse_policy(std::string_view xml, std::string_view name,
                                           const std::string& file) {
  return read_item<PolicyReader>(xml, name, file, {Code::INVALID_POLICY, "policy"},
                                 &model::check_policy);
}

std::string format_policy(const model::Policy& policy) {
  XmlWriter w;
  XmlAttributes attributes;
  if (!policy.info.version.empty()) attributes.emplace_back("version", policy.info.version);
  std::string priority = std::to_string(policy.priority);
  if (policy.priority != kDefaultPriority) attributes.emplace_back("priority", priority);
  attributes.emplace_back("target", policy.target);
  w.start("policy", attributes);
  w.raw("\n");
  write_common(w, policy);
  write_zones(w, "ingress-zone", policy.ingress_zones);
  write_zones(w, "egress-zone", policy.egress_zones);
  if (policy.disable) w.empty_line(2, "disable");
  w.end("policy");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
