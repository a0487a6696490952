#include "values.hpp"

#include "common/text.hpp"
#include "model/address.hpp"
#include "model/port.hpp"
#include "model/python_int.hpp"

namespace fwctl::cli {
namespace {

[[noreturn]] void raise(const char* code, const std::string& detail) {
  throw FwError{std::string(code) + ": " + detail};
}

bool valid_port(const std::string& port) { return static_cast<bool>(model::check_port(port)); }

void check_protocol(const std::string& protocol) {
  if (!one_of(protocol, {"tcp", "udp", "sctp", "dccp"}))
    raise("INVALID_PROTOCOL", "'" + protocol + "' not in {'tcp'|'udp'|'sctp'|'dccp'}");
}

std::string choose(const std::string& value, std::initializer_list<std::string_view> valid) {
  if (one_of(value, valid)) return value;
  std::string choices;
  bool first = true;
  for (auto v : valid) {
    choices += (first ? "" : "', '") + std::string(v);
    first = false;
  }
  raise("INVALID_IPV", "invalid argument: " + value + " (choose from '" + choices + "')");
}

}  // namespace

Item parse_port(const std::string& value) {
  auto slash = value.find('/');
  if (slash == std::string::npos || value.find('/', slash + 1) != std::string::npos)
    raise("INVALID_PORT",
          "bad port (most likely missing protocol), correct syntax is portid[-portid]/protocol");
  std::string port = value.substr(0, slash), protocol = value.substr(slash + 1);
  if (!valid_port(port)) raise("INVALID_PORT", port);
  check_protocol(protocol);
  return Item{{port, protocol}, {port, protocol}};
}

static Item parse_forward_port_impl(const std::string& value, bool compat) {
  std::optional<std::string> port, protocol, to_port, to_addr;
  size_t i = 0;
  while (value.find('=', i) != std::string::npos) {
    std::string rest = value.substr(i);
    std::string opt = rest.substr(0, rest.find('='));
    i += opt.size() + 1;
    rest = value.substr(std::min(i, value.size()));
    std::string val = rest.find('=') != std::string::npos ? rest.substr(0, rest.find(':')) : rest;
    i += val.size() + 1;
    if (opt == "port") port = val;
    else if (opt == "proto") protocol = val;
    else if (opt == "toport") to_port = val;
    else if (opt == "toaddr") to_addr = val;
    else if (opt == "if" && compat) continue;
    else raise("INVALID_FORWARD", "invalid forward port arg '" + opt + "'");
  }
  // Python truthiness: an empty value counts as missing.
  auto has = [](const std::optional<std::string>& v) { return v && !v->empty(); };
  if (!has(port)) raise("INVALID_FORWARD", "missing port");
  if (!has(protocol)) raise("INVALID_FORWARD", "missing protocol");
  if (!has(to_port) && !has(to_addr)) raise("INVALID_FORWARD", "missing destination");
  if (!valid_port(*port)) raise("INVALID_PORT", *port);
  check_protocol(*protocol);
  if (has(to_port) && !valid_port(*to_port)) raise("INVALID_PORT", *to_port);
  if (has(to_addr) && !model::is_ipv4_address(*to_addr) &&
      (compat || !model::is_ipv6_address(*to_addr)))
    raise("INVALID_ADDR", *to_addr);
  auto shown = [](const std::optional<std::string>& v) { return v ? *v : std::string("None"); };
  return Item{{*port, *protocol, to_port.value_or(""), to_addr.value_or("")},
              {*port, *protocol, shown(to_port), shown(to_addr)}};
}

Item parse_forward_port(const std::string& value) { return parse_forward_port_impl(value, false); }
Item parse_forward_port_compat(const std::string& value) {
  return parse_forward_port_impl(value, true);
}

int parse_zone_priority(const std::string& value) {
  auto n = model::parse_python_int(value, model::PythonIntBase::Decimal);
  if (!n) raise("INVALID_PRIORITY", "'" + value + "' is not an integer");
  // Far outside the range anyway: kept outside it, as a message-bearing value.
  if (*n > 1e9L || *n < -1e9L) return *n > 0 ? 1000000000 : -1000000000;
  return static_cast<int>(*n);
}

Item check_destination_ipv(const std::string& value) {
  return plain_item(choose(value, {"ipv4", "ipv6"}));
}

Item parse_service_destination(const std::string& value) {
  auto colon = value.find(':');
  if (colon == std::string::npos)
    raise("INVALID_DESTINATION", "destination syntax is ipv:address[/mask]");
  std::string ipv = choose(value.substr(0, colon), {"ipv4", "ipv6"});
  std::string address = value.substr(colon + 1);
  return Item{{ipv, address}, {ipv, address}};
}

std::string check_ipv(const std::string& value) { return choose(value, {"ipv4", "ipv6", "eb"}); }

std::string check_helper_family(const std::string& value) {
  return choose(value, {"", "ipv4", "ipv6"});
}

std::string check_module(const std::string& value) {
  if (value.rfind("nf_conntrack_", 0) != 0)
    raise("INVALID_MODULE", "'" + value + "' does not start with 'nf_conntrack_'");
  if (value.size() <= 13) raise("INVALID_MODULE", "Module name '" + value + "' too short");
  return value;
}

std::pair<std::string, std::string> parse_ipset_option(const std::string& value) {
  auto eq = value.find('=');
  if (eq == std::string::npos) return {value, ""};
  if (value.find('=', eq + 1) != std::string::npos)
    raise("INVALID_OPTION", "invalid ipset option '" + value + "'");
  return {value.substr(0, eq), value.substr(eq + 1)};
}

}  // namespace fwctl::cli
