#include "model/rich_rule_printer.hpp"

#include <variant>

namespace fwctl::model {
namespace {

// ` name="value"`, as firewalld prints the attributes it always has (names, ports, protocols).
std::string attribute(std::string_view name, const std::string& value) {
  return " " + std::string(name) + "=\"" + value + "\"";
}

// The same, or nothing for an empty value: firewalld leaves out optional attributes it lacks.
std::string optional_attribute(std::string_view name, const std::string& value) {
  return value.empty() ? std::string() : attribute(name, value);
}

std::string with_limit(std::string text, const std::optional<RichLimit>& limit) {
  if (limit) text += " " + to_string(*limit);
  return text;
}

std::string element_text(const RichService& e) { return "service" + attribute("name", e.name); }
std::string element_text(const RichProtocol& e) { return "protocol" + attribute("value", e.value); }
std::string element_text(const RichMasquerade&) { return "masquerade"; }
std::string element_text(const RichTcpMssClamp& e) {
  return "tcp-mss-clamp" + optional_attribute("value", e.value);
}
std::string element_text(const RichIcmpBlock& e) {
  return "icmp-block" + attribute("name", e.name);
}
std::string element_text(const RichIcmpType& e) { return "icmp-type" + attribute("name", e.name); }
std::string element_text(const RichPort& e) {
  return "port" + attribute("port", e.port) + attribute("protocol", e.protocol);
}
std::string element_text(const RichSourcePort& e) {
  return "source-port" + attribute("port", e.port) + attribute("protocol", e.protocol);
}
std::string element_text(const RichForwardPort& e) {
  return "forward-port" + attribute("port", e.port) + attribute("protocol", e.protocol) +
         optional_attribute("to-port", e.to_port) + optional_attribute("to-addr", e.to_addr);
}

std::string action_word(const RichAction& action) {
  switch (action.type) {
    case RichActionType::Accept:
      return "accept";
    case RichActionType::Drop:
      return "drop";
    case RichActionType::Reject:
      return "reject" + optional_attribute("type", action.reject_type);
    // The mark is printed unquoted: firewalld's own quirk, kept so that output matches.
    case RichActionType::Mark:
      return "mark set=" + action.mark_set;
  }
  return {};
}

}  // namespace

// firewalld 2.2 prints burst unquoted.
std::string to_string(const RichLimit& limit) {
  std::string text = "limit value=\"" + limit.value + "\"";
  if (!limit.burst.empty()) text += " burst=" + limit.burst;
  return text;
}

std::string to_string(const RichSource& source) {
  std::string text = source.invert ? "source NOT" : "source";
  if (!source.address.empty()) return text + optional_attribute("address", source.address);
  if (!source.mac.empty()) return text + optional_attribute("mac", source.mac);
  return text + optional_attribute("ipset", source.ipset);
}

std::string to_string(const RichDestination& destination) {
  std::string text = destination.invert ? "destination NOT" : "destination";
  if (!destination.address.empty())
    return text + optional_attribute("address", destination.address);
  return text + optional_attribute("ipset", destination.ipset);
}

std::string to_string(const RichElement& element) {
  return std::visit([](const auto& e) { return element_text(e); }, element);
}

std::string to_string(const RichLog& log) {
  return with_limit(
      "log" + optional_attribute("prefix", log.prefix) + optional_attribute("level", log.level),
      log.limit);
}

std::string to_string(const RichNflog& nflog) {
  return with_limit("nflog" + optional_attribute("group", nflog.group) +
                        optional_attribute("prefix", nflog.prefix) +
                        optional_attribute("queue-size", nflog.queue_size),
                    nflog.limit);
}

std::string to_string(const RichAudit& audit) { return with_limit("audit", audit.limit); }

std::string to_string(const RichAction& action) {
  return with_limit(action_word(action), action.limit);
}

// rule [priority] [family] [source] [destination] [element] [log|nflog] [audit] [action]:
// firewalld prints the priority before the family, and a zero priority not at all.
std::string to_string(const RichRule& rule) {
  std::string text = "rule";
  if (rule.priority != 0) text += " priority=\"" + std::to_string(rule.priority) + "\"";
  text += optional_attribute("family", rule.family);
  if (rule.source) text += " " + to_string(*rule.source);
  if (rule.destination) text += " " + to_string(*rule.destination);
  if (rule.element) text += " " + to_string(*rule.element);
  if (rule.log) text += " " + std::visit([](const auto& l) { return to_string(l); }, *rule.log);
  if (rule.audit) text += " " + to_string(*rule.audit);
  if (rule.action) text += " " + to_string(*rule.action);
  return text;
}

}  // namespace fwctl::model
