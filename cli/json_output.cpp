#include "json_output.hpp"

#include "common/error.hpp"

namespace fwctl::cli {
namespace {

Json ports_json(const std::vector<PortProto>& ports) {
  Json out = Json::array();
  for (const auto& [port, proto] : ports) out.push(Json::array().push(port).push(proto));
  return out;
}

Json forward_ports_json(const std::vector<ForwardPort>& fps) {
  Json out = Json::array();
  for (const auto& f : fps)
    out.push(Json::array().push(f.port).push(f.protocol).push(f.to_port).push(f.to_addr));
  return out;
}

// The members zones and policies share, in the dict's documented order.
Json common_json(const std::string& name, const ZoneSettings& s) {
  Json j = Json::object();
  j.set("name", name);
  j.set("version", s.version);
  j.set("short", s.short_name);
  j.set("description", s.description);
  j.set("target", s.target);
  j.set("services", s.services);
  j.set("ports", ports_json(s.ports));
  j.set("icmp_blocks", s.icmp_blocks);
  j.set("masquerade", s.masquerade);
  j.set("forward_ports", forward_ports_json(s.forward_ports));
  return j;
}

}  // namespace

Json zone_json(const std::string& name, const ZoneSettings& s) {
  Json j = common_json(name, s);
  j.set("interfaces", s.interfaces);
  j.set("sources", s.sources);
  j.set("rules_str", s.rules);
  j.set("protocols", s.protocols);
  j.set("source_ports", ports_json(s.source_ports));
  j.set("icmp_block_inversion", s.icmp_block_inversion);
  j.set("forward", s.forward);
  if (s.ingress_priority != 0 || s.egress_priority != 0) {  // firewalld 2.0, only when set
    j.set("ingress_priority", s.ingress_priority);
    j.set("egress_priority", s.egress_priority);
  }
  return j;
}

Json policy_json(const std::string& name, const ZoneSettings& s) {
  Json j = common_json(name, s);
  j.set("rich_rules", s.rules);
  j.set("protocols", s.protocols);
  j.set("source_ports", ports_json(s.source_ports));
  j.set("priority", s.priority);
  j.set("ingress_zones", s.ingress_zones);
  j.set("egress_zones", s.egress_zones);
  if (s.disable) j.set("disable", true);  // firewalld 2.4, only when set
  return j;
}

Json service_json(const std::string& name, const ServiceSettings& s) {
  Json j = Json::object();
  j.set("name", name);
  j.set("version", s.version);
  j.set("short", s.short_name);
  j.set("description", s.description);
  j.set("ports", ports_json(s.ports));
  j.set("modules", s.modules);
  Json dest = Json::object();
  for (const auto& [family, address] : s.destinations) dest.set(family, address);
  j.set("destination", dest);
  j.set("protocols", s.protocols);
  j.set("source_ports", ports_json(s.source_ports));
  j.set("includes", s.includes);
  j.set("helpers", s.helpers);
  return j;
}

Json icmptype_json(const std::string& name, const IcmpTypeSettings& s) {
  Json j = Json::object();
  j.set("name", name);
  j.set("version", s.version);
  j.set("short", s.short_name);
  j.set("description", s.description);
  j.set("destinations", s.destinations);
  return j;
}

Json ipset_json(const std::string& name, const IPSetSettings& s) {
  Json j = Json::object();
  j.set("name", name);
  j.set("version", s.version);
  j.set("short", s.short_name);
  j.set("description", s.description);
  j.set("type", s.type);
  Json options = Json::object();
  for (const auto& [key, value] : s.options) options.set(key, value);
  j.set("options", options);
  j.set("entries", s.entries);
  return j;
}

Json helper_json(const std::string& name, const HelperSettings& s) {
  Json j = Json::object();
  j.set("name", name);
  j.set("version", s.version);
  j.set("short", s.short_name);
  j.set("description", s.description);
  j.set("family", s.family);
  j.set("module", s.module);
  j.set("ports", ports_json(s.ports));
  return j;
}

Json active_json(const ActiveMap& active, const std::vector<std::string>& keys) {
  Json out = Json::object();
  for (const auto& [name, items] : active) {
    Json entry = Json::object();
    for (const auto& key : keys) {
      auto it = items.find(key);
      entry.set(key, it == items.end() ? Json::array() : Json(it->second));
    }
    out.set(name, entry);
  }
  return out;
}

Json diagnostic_json(const std::string& text, int number, const char* what) {
  std::string rest = text;
  for (const char* prefix : {"Error: ", "Warning: "})
    if (rest.rfind(prefix, 0) == 0) rest = rest.substr(std::string(prefix).size());
  std::string code_name, detail = rest;
  auto colon = rest.find(':');
  std::string head = rest.substr(0, colon);
  if (auto code = parse_code(head)) {
    code_name = head;
    detail = colon == std::string::npos ? "" : rest.substr(colon + 1);
    if (detail.rfind(' ', 0) == 0) detail.erase(0, 1);
    if (std::string(what) == "warning") number = static_cast<int>(*code);
  } else if (number == 2) {
    code_name = "USAGE";
  } else {
    auto name = to_string(static_cast<Code>(number));
    code_name = name.empty() ? "UNKNOWN_ERROR" : std::string(name);
  }
  Json body = Json::object();
  body.set("code", code_name);
  body.set("number", number);
  body.set("detail", detail);
  return Json::object().set(what, body);
}

}  // namespace fwctl::cli
