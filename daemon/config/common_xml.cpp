#include "config/common_xml.hpp"

#include <algorithm>
#include <type_traits>

#include "common/lists.hpp"
#include "config/port_range.hpp"
#include "model/policy.hpp"
#include "model/validate.hpp"
#include "model/zone.hpp"

namespace fwctl::config {
namespace {

// firewalld's Rich_Tcp_Mss_Clamp value as its reader sets it: "pmtu" unless given.
std::string mss_value(const XmlElement& element) {
  const std::string* value = element.find("value");
  return value && *value != "None" ? *value : "pmtu";
}

// "Zone 'NAME'" or "Policy 'NAME'", as firewalld's whole-item checks name the item.
template <typename Item>
std::string owner_of(const Item& item) {
  const char* kind = std::is_same_v<Item, model::Zone> ? "Zone" : "Policy";
  return std::string(kind) + " '" + item.info.name + "'";
}

std::string forward_port_text(const model::ForwardPort& f) {
  return f.port + "/" + f.protocol + (f.to_port.empty() ? "" : " >" + f.to_port) +
         (f.to_addr.empty() ? "" : " @" + f.to_addr);
}

bool is_action(std::string_view name) {
  return name == "accept" || name == "reject" || name == "drop" || name == "mark";
}

}  // namespace

template <typename Item>
bool CommonReader<Item>::start_in_rule(const XmlElement& e) {
  const std::string& n = e.name;
  auto attr = [&](std::string_view name) { return attribute_or_empty(e, name); };
  if (n == "service") {
    rules_.set_element(e, model::RichService{attr("name")});
  } else if (n == "port") {
    rules_.set_element(e, model::RichPort{attr("port"), attr("protocol")});
  } else if (n == "protocol") {
    rules_.set_element(e, model::RichProtocol{attr("value")});
  } else if (n == "tcp-mss-clamp") {
    rules_.set_element(e, model::RichTcpMssClamp{mss_value(e)});
  } else if (n == "icmp-block") {
    rules_.set_element(e, model::RichIcmpBlock{attr("name")});
  } else if (n == "icmp-type") {
    rules_.set_element(e, model::RichIcmpType{attr("name")});
  } else if (n == "masquerade") {
    rules_.set_element(e, model::RichMasquerade{});
  } else if (n == "forward-port") {
    rules_.set_element(e, model::RichForwardPort{attr("port"), attr("protocol"), attr("to-port"),
                                                 attr("to-addr")});
  } else if (n == "source-port") {
    rules_.set_element(e, model::RichSourcePort{attr("port"), attr("protocol")});
  } else {
    return false;
  }
  return true;
}

template <typename Item>
Result<bool> CommonReader<Item>::start(const XmlElement& e) {
  const std::string& n = e.name;
  if (n == "short" || n == "description") return true;
  if (rules_.active() && start_in_rule(e)) return true;
  Status status;
  if (n == "service") {
    add_name(e, item_.services, "Service");
  } else if (n == "port") {
    status = add_port(e, ports_);
  } else if (n == "protocol") {
    status = add_protocol(e);
  } else if (n == "tcp-mss-clamp") {
    reader_.warn(
        e, Code::INVALID_RULE,
        "Invalid rule: tcp-mss-clamp '" + attribute_or_empty(e, "value") + "' outside of rule");
  } else if (n == "icmp-block") {
    add_name(e, item_.icmp_blocks, "icmp-block");
  } else if (n == "icmp-type") {
    reader_.warn(
        e, Code::INVALID_RULE,
        "Invalid rule: icmp-block '" + attribute_or_empty(e, "name") + "' outside of rule");
  } else if (n == "masquerade") {
    if (item_.masquerade)
      reader_.warn(e, Code::ALREADY_ENABLED, "Masquerade already set, ignoring.");
    item_.masquerade = true;
  } else if (n == "forward-port") {
    status = add_forward_port(e);
  } else if (n == "source-port") {
    status = add_port(e, source_ports_);
  } else {
    return start_rule_part(e);
  }
  if (!status) return status;
  return true;
}

template <typename Item>
Result<bool> CommonReader<Item>::start_rule_part(const XmlElement& e) {
  const std::string& n = e.name;
  Status status;
  if (n == "destination") {
    status = rules_.start_destination(e);
  } else if (is_action(n)) {
    rules_.start_action(e);
  } else if (n == "log") {
    rules_.start_log(e);
  } else if (n == "nflog") {
    rules_.start_nflog(e);
  } else if (n == "audit") {
    rules_.start_audit(e);
  } else if (n == "rule") {
    status = rules_.start_rule(e);
  } else if (n == "limit") {
    rules_.start_limit(e);
  } else {
    return false;
  }
  if (!status) return status;
  return true;
}

template <typename Item>
void CommonReader<Item>::add_name(const XmlElement& e, std::vector<std::string>& names,
                                  std::string_view what) {
  const std::string& name = *e.find("name");
  if (contains(names, name)) {
    reader_.warn(e, Code::ALREADY_ENABLED,
                 std::string(what) + " '" + name + "' already set, ignoring.");
    return;
  }
  names.push_back(name);
}

template <typename Item>
Status CommonReader<Item>::add_port(const XmlElement& e, PortListBuilder& ports) {
  const std::string& port = *e.find("port");
  const std::string& protocol = *e.find("protocol");
  if (Status s = model::check_port(port); !s) return reader_.located(s, e);
  if (Status s = model::check_port_protocol(protocol); !s) return reader_.located(s, e);
  if (!ports.add(port, protocol)) {
    reader_.warn(e, Code::ALREADY_ENABLED,
                 "'" + canonical_port(port).value_or(port) + ":" + protocol + "' already in '" +
                     item_.info.name + "'");
  }
  return ok();
}

template <typename Item>
Status CommonReader<Item>::add_protocol(const XmlElement& e) {
  const std::string& protocol = *e.find("value");
  if (Status s = model::check_protocol(protocol); !s) return reader_.located(s, e);
  if (contains(item_.protocols, protocol)) {
    reader_.warn(e, Code::ALREADY_ENABLED, "Protocol '" + protocol + "' already set, ignoring.");
    return ok();
  }
  item_.protocols.push_back(protocol);
  return ok();
}

template <typename Item>
Status CommonReader<Item>::add_forward_port(const XmlElement& e) {
  model::ForwardPort raw{*e.find("port"), *e.find("protocol"), attribute_or_empty(e, "to-port"),
                         attribute_or_empty(e, "to-addr")};
  // firewalld's reader takes a forward port without to-port and to-addr; its whole-item check
  // refuses it, and says whose it is.
  const bool no_target = raw.to_port.empty() && raw.to_addr.empty();
  const std::string owner = no_target ? owner_of(item_) : std::string();
  if (Status s = model::check_forward_port(raw, owner); !s) return reader_.located(s, e);
  model::ForwardPort entry{canonical_port(raw.port).value_or(raw.port), raw.protocol,
                           canonical_port(raw.to_port).value_or(raw.to_port), raw.to_addr};
  if (contains(item_.forward_ports, entry)) {
    reader_.warn(e, Code::ALREADY_ENABLED,
                 "Forward port " + forward_port_text(raw) + " already set, ignoring.");
    return ok();
  }
  item_.forward_ports.push_back(std::move(entry));
  return ok();
}

namespace {

// firewalld's uniqify(): the first of each value, in order.
template <typename T>
std::vector<T> unique(const std::vector<T>& list) {
  return unique_in_order(list);
}

void write_port_list(XmlWriter& w, std::string_view element,
                     const std::vector<model::PortProto>& ports) {
  for (const model::PortProto& p : unique(ports)) {
    w.empty_line(2, element, {{"port", p.port}, {"protocol", p.protocol}});
  }
}

void write_forward_ports(XmlWriter& w, const std::vector<model::ForwardPort>& forward_ports) {
  for (const model::ForwardPort& f : unique(forward_ports)) {
    XmlAttributes attributes{{"port", f.port}, {"protocol", f.protocol}};
    if (!f.to_port.empty()) attributes.emplace_back("to-port", f.to_port);
    if (!f.to_addr.empty()) attributes.emplace_back("to-addr", f.to_addr);
    w.empty_line(2, "forward-port", attributes);
  }
}

}  // namespace

template <typename Item>
void write_common(XmlWriter& w, const Item& item) {
  if (!item.info.short_.empty()) w.text_line(2, "short", item.info.short_);
  if (!item.info.description.empty()) w.text_line(2, "description", item.info.description);
  for (const std::string& s : unique(item.services)) w.empty_line(2, "service", {{"name", s}});
  write_port_list(w, "port", item.ports);
  for (const std::string& p : unique(item.protocols)) w.empty_line(2, "protocol", {{"value", p}});
  for (const std::string& i : unique(item.icmp_blocks))
    w.empty_line(2, "icmp-block", {{"name", i}});
  if (item.masquerade) w.empty_line(2, "masquerade");
  write_forward_ports(w, item.forward_ports);
  write_port_list(w, "source-port", item.source_ports);
  for (const model::RichRule& rule : item.rules) write_rule(w, rule);
}

template class CommonReader<model::Zone>;
template class CommonReader<model::Policy>;
template void write_common(XmlWriter&, const model::Zone&);
template void write_common(XmlWriter&, const model::Policy&);

}  // namespace fwctl::config
