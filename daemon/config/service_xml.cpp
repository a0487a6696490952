#include "config/service_xml.hpp"

#include <algorithm>

#include "common/lists.hpp"
#include "config/xml_writer.hpp"
#include "model/validate.hpp"

namespace fwctl::config {
namespace {

// firewalld's Service.PARSER_*_ELEMENT_ATTRS. The attributes firewalld lists as optional but
// then reads unconditionally (a missing one crashes its reader) are required here.
const ElementRules kServiceRules = {
    {"short", {}, {}},
    {"description", {}, {}},
    {"service", {}, {"name", "version"}},
    {"port", {"port", "protocol"}, {}},
    {"protocol", {"value"}, {}},
    {"module", {"name"}, {}},
    {"destination", {}, {"ipv4", "ipv6"}},
    {"source-port", {"port", "protocol"}, {}},
    {"include", {"service"}, {}},
    {"helper", {"name"}, {}},
};

class ServiceReader final : public ItemReader {
 public:
  ServiceReader(model::Service& service, const std::string& file)
      : ItemReader(kServiceRules, service.info, file), service_(service) {}

 private:
  Status on_start(const XmlElement& e) override {
    const std::string& n = e.name;
    if (n == "service") return start_service(e);
    if (n == "port") return add_port(e);
    if (n == "protocol") return add_protocol(e, *e.find("value"));
    if (n == "source-port") return add_source_port(e);
    if (n == "destination") return add_destination(e);
    if (n == "module") {
      add_name(e, service_.modules, model::normalize_service_module(*e.find("name")), "Module");
    } else if (n == "include") {
      add_name(e, service_.includes, *e.find("service"), "Include");
    } else if (n == "helper") {
      add_name(e, service_.helpers, *e.find("name"), "Helper");
    }
    return ok();
  }

  Status start_service(const XmlElement& e) {
    if (const std::string* name = e.find("name")) {
      warn(e, Code::PARSE_ERROR, "Ignoring deprecated attribute name='" + *name + "'");
    }
    if (const std::string* version = e.find("version")) service_.info.version = *version;
    return ok();
  }

  Status add_port(const XmlElement& e) {
    model::PortProto port{*e.find("port"), *e.find("protocol")};
    if (port.port.empty()) return add_protocol(e, port.protocol);
    if (Status s = model::check_port_proto(port); !s) return located(s, e);
    if (contains(service_.ports, port)) {
      warn(e, Code::ALREADY_ENABLED,
           "Port '" + port.port + "/" + port.protocol + "' already set, ignoring.");
      return ok();
    }
    service_.ports.push_back(std::move(port));
    return ok();
  }

  Status add_protocol(const XmlElement& e, const std::string& protocol) {
    if (Status s = model::check_protocol(protocol); !s) return located(s, e);
    add_name(e, service_.protocols, protocol, "Protocol");
    return ok();
  }

  Status add_source_port(const XmlElement& e) {
    model::PortProto port{*e.find("port"), *e.find("protocol")};
    if (Status s = model::check_port_proto(port); !s) return located(s, e);
    if (contains(service_.source_ports, port)) {
      warn(e, Code::ALREADY_ENABLED,
           "SourcePort '" + port.port + "/" + port.protocol + "' already set, ignoring.");
      return ok();
    }
    service_.source_ports.push_back(std::move(port));
    return ok();
  }

  Status add_destination(const XmlElement& e) {
    for (auto [family, field] : {std::pair{"ipv4", &service_.destination_ipv4},
                                 std::pair{"ipv6", &service_.destination_ipv6}}) {
      const std::string* address = e.find(family);
      if (!address) continue;
      if (Status s = model::check_address(family, *address); !s) return located(s, e);
      if (!field->empty()) {
        warn(e, Code::ALREADY_ENABLED,
             "Destination address for '" + std::string(family) + "' already set, ignoring");
        continue;
      }
      *field = *address;
    }
    return ok();
  }

  void add_name(const XmlElement& e, std::vector<std::string>& names, const std::string& name,
                std::string_view what) {
    if (contains(names, name)) {
      warn(e, Code::ALREADY_ENABLED, std::string(what) + " '" + name + "' already set, ignoring.");
      return;
    }
    names.push_back(name);
  }

  model::Service& service_;
};

}  // namespace

Result<Parsed<model::Service>> parse_service(std::string_view xml, std::string_view name,
                                             const std::string& file) {
  return read_item<ServiceReader>(xml, name, file, {Code::INVALID_SERVICE, "service"},
                                  &model::check_service);
}

std::string format_service(const model::Service& service) {
  XmlWriter w;
  XmlAttributes attributes;
  if (!service.info.version.empty()) attributes.emplace_back("version", service.info.version);
  w.start("service", attributes);
  w.raw("\n");
  if (!service.info.short_.empty()) w.text_line(2, "short", service.info.short_);
  if (!service.info.description.empty()) w.text_line(2, "description", service.info.description);
  for (const auto& p : service.ports) {
    w.empty_line(2, "port", {{"port", p.port}, {"protocol", p.protocol}});
  }
  for (const auto& p : service.protocols) w.empty_line(2, "protocol", {{"value", p}});
  for (const auto& p : service.source_ports) {
    w.empty_line(2, "source-port", {{"port", p.port}, {"protocol", p.protocol}});
  }
  for (const auto& m : service.modules) w.empty_line(2, "module", {{"name", m}});
  XmlAttributes destination;
  if (!service.destination_ipv4.empty()) destination.emplace_back("ipv4", service.destination_ipv4);
  if (!service.destination_ipv6.empty()) destination.emplace_back("ipv6", service.destination_ipv6);
  if (!destination.empty()) w.empty_line(2, "destination", destination);
  for (const auto& i : service.includes) w.empty_line(2, "include", {{"service", i}});
  for (const auto& h : service.helpers) w.empty_line(2, "helper", {{"name", h}});
  w.end("service");
  w.raw("\n");
  return w.take();
}

}  // namespace fwctl::config
