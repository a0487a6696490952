#include "model/validate.hpp"

#include <string>

#include "common/text.hpp"

namespace fwctl::model {
namespace {

constexpr std::string_view kModulePrefix = "nf_conntrack_";

// Python's str.replace(old, new): every occurrence, left to right.
std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  for (size_t pos = 0;;) {
    size_t hit = s.find(from, pos);
    out.append(s.substr(pos, hit == std::string_view::npos ? hit : hit - pos));
    if (hit == std::string_view::npos) return out;
    out.append(to);
    pos = hit + from.size();
  }
}

// How Python prints the (port, protocol, to-port, to-addr) tuple in firewalld's message.
std::string tuple_text(const ForwardPort& f) {
  return "(" + quoted(f.port) + ", " + quoted(f.protocol) + ", " + quoted(f.to_port) + ", " +
         quoted(f.to_addr) + ")";
}

std::string owned(std::string_view owner, const std::string& detail) {
  return owner.empty() ? detail : std::string(owner) + ": " + detail;
}

// A service <port> without a port number stands for a protocol.
Status check_service_ports(const std::vector<PortProto>& ports) {
  for (const PortProto& port : ports) {
    auto status = port.port.empty() ? check_protocol(port.protocol) : check_port_proto(port);
    if (!status) return status;
  }
  return ok();
}

Status check_service_modules(const std::vector<std::string>& modules) {
  for (const std::string& module : modules) {
    std::string name = normalize_service_module(module);
    if (name.size() < 2) return fail(Code::INVALID_MODULE, name);
  }
  return ok();
}

Status check_destination(std::string_view family, const std::string& address) {
  return address.empty() ? ok() : check_address(family, address);
}

Status check_helper_module(const std::string& module) {
  if (!module.starts_with(kModulePrefix)) {
    return fail(Code::INVALID_MODULE, quoted(module) + " does not start with 'nf_conntrack_'");
  }
  if (replace_all(module, kModulePrefix, "").empty()) {
    return fail(Code::INVALID_MODULE, "Module name " + quoted(module) + " too short");
  }
  return ok();
}

}  // namespace

Status check_zone_target(std::string_view target) {
  for (std::string_view valid : {"ACCEPT", "%%REJECT%%", "DROP", "{chain}_{zone}", "default"}) {
    if (target == valid) return ok();
  }
  return fail(Code::INVALID_TARGET, std::string(target));
}

Status check_policy_target(std::string_view target) {
  for (std::string_view valid : {"ACCEPT", "REJECT", "DROP", "CONTINUE"}) {
    if (target == valid) return ok();
  }
  return fail(Code::INVALID_TARGET, std::string(target));
}

Status check_policy_priority(int priority) {
  if (priority != 0 && priority >= -32768 && priority <= 32767) return ok();
  return fail(Code::INVALID_PRIORITY,
              std::to_string(priority) +
                  " is invalid priority. Must be in range [-32768, 32767]. The following are "
                  "reserved: [0]");
}

Status check_port_proto(const PortProto& port) {
  if (auto status = check_port(port.port); !status) return status;
  return check_port_protocol(port.protocol);
}

Status check_forward_port(const ForwardPort& forward, std::string_view owner) {
  if (auto status = check_port_proto({forward.port, forward.protocol}); !status) return status;
  if (forward.to_port.empty() && forward.to_addr.empty()) {
    return fail(Code::INVALID_FORWARD,
                owned(owner, quoted(tuple_text(forward)) + " is missing to-port AND to-addr "));
  }
  if (!forward.to_port.empty()) {
    if (auto status = check_port(forward.to_port); !status) return status;
  }
  if (!forward.to_addr.empty() && !is_ipv4_address(forward.to_addr) &&
      !is_ipv6_address(forward.to_addr)) {
    return fail(Code::INVALID_ADDR,
                owned(owner, "to-addr " + quoted(forward.to_addr) + " is not a valid address"));
  }
  return ok();
}

Status check_port_protos(const std::vector<PortProto>& ports) {
  for (const PortProto& port : ports) {
    if (auto status = check_port_proto(port); !status) return status;
  }
  return ok();
}

Status check_protocols(const std::vector<std::string>& protocols) {
  for (const std::string& protocol : protocols) {
    if (auto status = check_protocol(protocol); !status) return status;
  }
  return ok();
}

std::string normalize_service_module(std::string_view module) {
  if (!module.starts_with(kModulePrefix)) return std::string(module);
  return replace_all(replace_all(module, kModulePrefix, ""), "_", "-");
}

Status check_service(const Service& service) {
  if (auto s = check_item_name("service", service.info.name); !s) return s;
  if (auto s = check_service_ports(service.ports); !s) return s;
  if (auto s = check_service_modules(service.modules); !s) return s;
  if (auto s = check_destination("ipv4", service.destination_ipv4); !s) return s;
  if (auto s = check_destination("ipv6", service.destination_ipv6); !s) return s;
  if (auto s = check_protocols(service.protocols); !s) return s;
  return check_port_protos(service.source_ports);
}

Status check_ipset(const IpSet& ipset) {
  if (auto s = check_item_name("ipset", ipset.info.name); !s) return s;
  if (auto s = check_ipset_type(ipset.type); !s) return s;
  if (auto s = check_ipset_options(ipset); !s) return s;
  if (ipset_has_timeout(ipset) && !ipset.entries.empty()) {
    return fail(Code::IPSET_WITH_TIMEOUT, ipset.info.name);
  }
  for (const std::string& entry : ipset.entries) {
    if (auto s = check_ipset_entry(ipset, entry); !s) return s;
  }
  return ok();
}

Status check_icmptype(const IcmpType& icmptype) {
  if (auto s = check_item_name("icmptype", icmptype.info.name); !s) return s;
  for (const std::string& destination : icmptype.destinations) {
    if (destination != "ipv4" && destination != "ipv6") {
      return fail(Code::INVALID_DESTINATION, quoted(destination) + " not from {'ipv4'|'ipv6'}");
    }
  }
  return ok();
}

Status check_helper(const Helper& helper) {
  if (auto s = check_item_name("helper", helper.info.name); !s) return s;
  if (!helper.family.empty() && helper.family != "ipv4" && helper.family != "ipv6") {
    return fail(Code::INVALID_IPV, quoted(helper.family) + " not in '['ipv4', 'ipv6']'");
  }
  if (auto s = check_helper_module(helper.module); !s) return s;
  return check_port_protos(helper.ports);
}

}  // namespace fwctl::model
