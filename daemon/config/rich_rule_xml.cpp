#include "config/rich_rule_xml.hpp"

#include <algorithm>
#include <array>
#include <climits>

#include "model/address.hpp"
#include "model/python_int.hpp"
#include "model/rich_rule_check.hpp"

namespace fwctl::config {
namespace {

// firewalld: attrs["invert"].lower() in ["yes", "true"].
bool inverted(const XmlElement& element) {
  std::string value = attribute_or_empty(element, "invert");
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "yes" || value == "true";
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// checkUINT16(): int(value, 0) within 0…65535.
bool is_uint16(const std::string& value) {
  auto n = model::parse_python_int(value, model::PythonIntBase::Literal);
  return n && *n >= 0 && *n <= 65535;
}

bool valid_log_prefix(const std::string* prefix) {
  return !prefix || (!prefix->empty() && model::count_characters(*prefix) <= 127);
}

bool valid_log_level(const std::string* level) {
  static constexpr std::array<std::string_view, 8> kLevels = {"emerg",   "alert",  "crit", "error",
                                                              "warning", "notice", "info", "debug"};
  return !level || std::find(kLevels.begin(), kLevels.end(), *level) != kLevels.end();
}

model::RichActionType action_type(std::string_view name) {
  if (name == "reject") return model::RichActionType::Reject;
  if (name == "drop") return model::RichActionType::Drop;
  if (name == "mark") return model::RichActionType::Mark;
  return model::RichActionType::Accept;
}

}  // namespace

std::string normalize_limit(const std::string& value) {
  std::size_t slash = value.find('/');
  if (slash == std::string::npos || value.find('/', slash + 1) != std::string::npos) return value;
  std::string unit = value.substr(slash + 1);
  if (unit != "second" && unit != "minute" && unit != "hour" && unit != "day") return value;
  return value.substr(0, slash + 1) + unit.front();
}

bool RuleReader::skip(const XmlElement& element) {
  if (!error_) return false;
  if (error_outside_rule_) {
    reader_.warn(element, Code::PARSE_ERROR,
                 "Element '" + element.name +
                     "' ignored: firewalld skips everything after an invalid rule element "
                     "outside a rule until the next </rule>");
  }
  return true;
}

void RuleReader::spoil(const XmlElement& element, Code code, std::string detail) {
  reader_.warn_bare(element.line, code, std::move(detail));
  error_ = true;
  error_outside_rule_ = !in_rule_tag_;
}

Status RuleReader::start_rule(const XmlElement& element) {
  in_rule_tag_ = true;
  limit_owner_ = LimitOwner::None;
  const std::string* family = element.find("family");
  if (family && *family != "ipv4" && *family != "ipv6") {
    spoil(element, Code::INVALID_RULE, "Invalid rule: Rule family \"" + *family + "\" invalid");
    return ok();
  }
  model::RichRule rule;
  if (family) rule.family = *family;
  if (const std::string* priority = element.find("priority")) {
    auto n = model::parse_python_int(*priority, model::PythonIntBase::Decimal);
    if (!n) {
      return reader_.fail_at(element, Code::INVALID_PRIORITY,
                             "invalid 'priority' attribute value '" + *priority + "'.");
    }
    // Out-of-range values stay out of range for check_rich_rule() to reject.
    rule.priority = static_cast<int>(std::clamp<long double>(*n, INT_MIN, INT_MAX));
  }
  rule_ = std::move(rule);
  return ok();
}

void RuleReader::set_element(const XmlElement& element, model::RichElement value) {
  if (rule_->element) {
    spoil(element, Code::INVALID_RULE, "Invalid rule: More than one element in rule, ignoring.");
    return;
  }
  rule_->element = std::move(value);
}

Status RuleReader::start_source(const XmlElement& element) {
  if (rule_->source) {
    spoil(element, Code::INVALID_RULE, "Invalid rule: More than one source in rule, ignoring.");
    return ok();
  }
  model::RichSource source{attribute_or_empty(element, "address"),
                           upper(attribute_or_empty(element, "mac")),
                           attribute_or_empty(element, "ipset"), inverted(element)};
  if (source.address.empty() && source.mac.empty() && source.ipset.empty()) {
    return reader_.fail_at(element, Code::INVALID_RULE, "no address, mac and ipset");
  }
  rule_->source = std::move(source);
  return ok();
}

Status RuleReader::start_destination(const XmlElement& element) {
  if (!rule_) {
    spoil(element, Code::INVALID_RULE, "Invalid rule: Destination outside of rule");
    return ok();
  }
  if (rule_->destination) {
    reader_.warn(element, Code::INVALID_RULE,
                 "Invalid rule: More than one destination in rule, ignoring.");
    return ok();
  }
  model::RichDestination destination{attribute_or_empty(element, "address"),
                                     attribute_or_empty(element, "ipset"), inverted(element)};
  if (destination.address.empty() && destination.ipset.empty()) {
    return reader_.fail_at(element, Code::INVALID_RULE, "no address and ipset");
  }
  rule_->destination = std::move(destination);
  return ok();
}

void RuleReader::start_action(const XmlElement& element) {
  if (!rule_) return spoil(element, Code::INVALID_RULE, "Invalid rule: Action outside of rule");
  if (rule_->action)
    return spoil(element, Code::INVALID_RULE, "Invalid rule: More than one action");
  model::RichAction action;
  action.type = action_type(element.name);
  action.reject_type = attribute_or_empty(element, "type");
  action.mark_set = attribute_or_empty(element, "set");
  rule_->action = std::move(action);
  limit_owner_ = LimitOwner::Action;
}

void RuleReader::start_log(const XmlElement& element) {
  if (!rule_) return reader_.warn(element, Code::INVALID_RULE, "Invalid rule: Log outside of rule");
  if (rule_->log)
    return reader_.warn(element, Code::INVALID_RULE, "Invalid rule: More than one log");
  const std::string* level = element.find("level");
  if (!valid_log_level(level)) {
    return spoil(element, Code::INVALID_LOG_LEVEL, "Invalid rule: Invalid log level");
  }
  const std::string* prefix = element.find("prefix");
  if (!valid_log_prefix(prefix)) {
    return spoil(element, Code::INVALID_LOG_PREFIX, "Invalid rule: Invalid log prefix");
  }
  rule_->log = model::RichLog{prefix ? *prefix : "", level ? *level : "", std::nullopt};
  limit_owner_ = LimitOwner::Log;
}

void RuleReader::start_nflog(const XmlElement& element) {
  if (!rule_) return reader_.warn(element, Code::INVALID_RULE, "Invalid rule: Log outside of rule");
  if (rule_->log)
    return reader_.warn(element, Code::INVALID_RULE, "Invalid rule: More than one log");
  const std::string* group = element.find("group");
  if (group && !is_uint16(*group)) {
    return spoil(element, Code::INVALID_NFLOG_GROUP, "Invalid rule: Invalid nflog group value");
  }
  const std::string* prefix = element.find("prefix");
  if (!valid_log_prefix(prefix)) {
    return spoil(element, Code::INVALID_LOG_PREFIX, "Invalid rule: Invalid nflog prefix");
  }
  const std::string* queue_size = element.find("queue-size");
  if (queue_size && !is_uint16(*queue_size)) {
    return spoil(element, Code::INVALID_NFLOG_QUEUE, "Invalid rule: Invalid nflog queue-size");
  }
  rule_->log = model::RichNflog{group ? *group : "", prefix ? *prefix : "",
                                queue_size ? *queue_size : "", std::nullopt};
  limit_owner_ = LimitOwner::Log;
}

void RuleReader::start_audit(const XmlElement& element) {
  if (!rule_) {
    return reader_.warn(element, Code::INVALID_RULE, "Invalid rule: Audit outside of rule");
  }
  if (rule_->audit) {
    return spoil(element, Code::INVALID_RULE,
                 "Invalid rule: More than one audit in rule, ignoring.");
  }
  rule_->audit = model::RichAudit{};
  limit_owner_ = LimitOwner::Audit;
}

std::optional<model::RichLimit>* RuleReader::limit_slot() {
  if (!rule_) return nullptr;
  switch (limit_owner_) {
    case LimitOwner::Action:
      return rule_->action ? &rule_->action->limit : nullptr;
    case LimitOwner::Audit:
      return rule_->audit ? &rule_->audit->limit : nullptr;
    case LimitOwner::Log:
      if (!rule_->log) return nullptr;
      return std::visit([](auto& log) { return &log.limit; }, *rule_->log);
    case LimitOwner::None:
      break;
  }
  return nullptr;
}

void RuleReader::start_limit(const XmlElement& element) {
  std::optional<model::RichLimit>* slot = limit_slot();
  if (!slot) {
    return spoil(element, Code::INVALID_RULE,
                 "Invalid rule: Limit outside of action, log and audit");
  }
  if (slot->has_value()) {
    return spoil(element, Code::INVALID_RULE,
                 "Invalid rule: More than one limit in rule, ignoring.");
  }
  // burst: firewalld 2.2.
  *slot = model::make_rich_limit(normalize_limit(attribute_or_empty(element, "value")),
                                 attribute_or_empty(element, "burst"));
}

void RuleReader::finish_rule(const XmlElement& element, std::vector<model::RichRule>& rules) {
  if (Status s = model::check_rich_rule(*rule_, model::RichRuleOrigin::Built); !s) {
    // firewalld: log.warning("%s: %s", error, rule), e.g. "INVALID_RULE: thisdoesnotexist:
    // rule tcp-mss-clamp value="thisdoesnotexist"", and the rule is left out.
    const Error& e = s.error();
    std::string why = e.detail.empty() ? std::string() : e.detail + ": ";
    reader_.warn(element, e.code, why + model::to_string(*rule_));
    return;
  }
  std::string text = model::to_string(*rule_);
  if (!added_.insert(text).second) {
    reader_.warn(element, Code::ALREADY_ENABLED, "Rule '" + text + "' already set, ignoring.");
    return;
  }
  rules.push_back(std::move(*rule_));
}

void RuleReader::end(const XmlElement& element, std::vector<model::RichRule>& rules) {
  const std::string& name = element.name;
  if (name == "rule") {
    if (!error_ && rule_) finish_rule(element, rules);
    rule_.reset();
    error_ = false;
    error_outside_rule_ = false;
    in_rule_tag_ = false;
  } else if (name == "accept" || name == "reject" || name == "drop" || name == "mark" ||
             name == "log" || name == "audit") {
    // Not after </nflog>: firewalld forgets it there, so a later <limit> still lands on the nflog.
    limit_owner_ = LimitOwner::None;
  }
}

namespace {

// An element of the rule as firewalld's common_writer names it, with its attributes.
struct ElementXml {
  std::string_view name;
  XmlAttributes attributes;
};

void add_if_set(XmlAttributes& attributes, std::string_view name, const std::string& value) {
  if (!value.empty()) attributes.emplace_back(name, value);
}

ElementXml element_xml(const model::RichService& e) { return {"service", {{"name", e.name}}}; }
ElementXml element_xml(const model::RichPort& e) {
  return {"port", {{"port", e.port}, {"protocol", e.protocol}}};
}
ElementXml element_xml(const model::RichProtocol& e) { return {"protocol", {{"value", e.value}}}; }
ElementXml element_xml(const model::RichTcpMssClamp& e) {
  if (e.value.empty() || e.value == "pmtu") return {"tcp-mss-clamp", {}};
  return {"tcp-mss-clamp", {{"value", e.value}}};
}
ElementXml element_xml(const model::RichMasquerade&) { return {"masquerade", {}}; }
ElementXml element_xml(const model::RichIcmpBlock& e) { return {"icmp-block", {{"name", e.name}}}; }
ElementXml element_xml(const model::RichIcmpType& e) { return {"icmp-type", {{"name", e.name}}}; }
ElementXml element_xml(const model::RichForwardPort& e) {
  ElementXml xml{"forward-port", {{"port", e.port}, {"protocol", e.protocol}}};
  add_if_set(xml.attributes, "to-port", e.to_port);
  add_if_set(xml.attributes, "to-addr", e.to_addr);
  return xml;
}
ElementXml element_xml(const model::RichSourcePort& e) {
  return {"source-port", {{"port", e.port}, {"protocol", e.protocol}}};
}

ElementXml log_xml(const model::RichLog& log) {
  ElementXml xml{"log", {}};
  add_if_set(xml.attributes, "prefix", log.prefix);
  add_if_set(xml.attributes, "level", log.level);
  return xml;
}

ElementXml log_xml(const model::RichNflog& nflog) {
  ElementXml xml{"nflog", {}};
  add_if_set(xml.attributes, "group", nflog.group);
  add_if_set(xml.attributes, "prefix", nflog.prefix);
  add_if_set(xml.attributes, "queue-size", nflog.queue_size);
  return xml;
}

ElementXml action_xml(const model::RichAction& action) {
  switch (action.type) {
    case model::RichActionType::Accept:
      return {"accept", {}};
    case model::RichActionType::Drop:
      return {"drop", {}};
    case model::RichActionType::Mark:
      return {"mark", {{"set", action.mark_set}}};
    case model::RichActionType::Reject:
      break;
  }
  ElementXml xml{"reject", {}};
  add_if_set(xml.attributes, "type", action.reject_type);
  return xml;
}

// "    <name …/>", or the element with its limit on a line of its own.
void write_part(XmlWriter& w, const ElementXml& xml, const std::optional<model::RichLimit>& limit) {
  w.raw("    ");
  if (limit) {
    w.start(xml.name, xml.attributes);
    w.raw("\n      ");
    XmlAttributes attributes{{"value", limit->value}};
    if (!limit->burst.empty()) attributes.push_back({"burst", limit->burst});  // firewalld 2.2
    w.empty("limit", attributes);
    w.raw("\n    ");
    w.end(xml.name);
  } else {
    w.empty(xml.name, xml.attributes);
  }
  w.raw("\n");
}

ElementXml source_xml(const model::RichSource& source) {
  ElementXml xml{"source", {}};
  add_if_set(xml.attributes, "address", source.address);
  add_if_set(xml.attributes, "mac", source.mac);
  add_if_set(xml.attributes, "ipset", source.ipset);
  if (source.invert) xml.attributes.emplace_back("invert", "True");
  return xml;
}

ElementXml destination_xml(const model::RichDestination& destination) {
  ElementXml xml{"destination", {}};
  add_if_set(xml.attributes, "address", destination.address);
  add_if_set(xml.attributes, "ipset", destination.ipset);
  if (destination.invert) xml.attributes.emplace_back("invert", "True");
  return xml;
}

}  // namespace

void write_rule(XmlWriter& w, const model::RichRule& rule) {
  XmlAttributes attributes;
  add_if_set(attributes, "family", rule.family);
  std::string priority = std::to_string(rule.priority);
  if (rule.priority != 0) attributes.emplace_back("priority", priority);
  w.raw("  ");
  w.start("rule", attributes);
  w.raw("\n");
  if (rule.source) write_part(w, source_xml(*rule.source), std::nullopt);
  if (rule.destination) write_part(w, destination_xml(*rule.destination), std::nullopt);
  if (rule.element) {
    write_part(w, std::visit([](const auto& e) { return element_xml(e); }, *rule.element),
               std::nullopt);
  }
  if (rule.log) {
    std::visit([&](const auto& log) { write_part(w, log_xml(log), log.limit); }, *rule.log);
  }
  if (rule.audit) write_part(w, {"audit", {}}, rule.audit->limit);
  if (rule.action) write_part(w, action_xml(*rule.action), rule.action->limit);
  w.raw("  ");
  w.end("rule");
  w.raw("\n");
}

}  // namespace fwctl::config
