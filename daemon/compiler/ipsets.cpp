#include "compiler/ipsets.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

#include "compiler/address.hpp"
#include "compiler/fragments.hpp"

namespace fwctl::compiler {
namespace {

std::string option(const model::IpSet& set, const std::string& name) {
  for (const auto& [k, v] : set.options) {
    if (k == name) return v;
  }
  return {};
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t pos; (pos = s.find(sep, start)) != std::string::npos; start = pos + 1) {
    out.push_back(s.substr(start, pos - start));
  }
  out.push_back(s.substr(start));
  return out;
}

// hash:ip,port -> ipv4_addr . inet_proto . inet_service
std::vector<std::string> set_type(const std::vector<std::string>& dims, const std::string& addr) {
  std::vector<std::string> out;
  for (const auto& d : dims) {
    if (d == "ip" || d == "net") out.push_back(addr);
    if (d == "port") {
      out.push_back("inet_proto");
      out.push_back("inet_service");
    }
    if (d == "iface") out.push_back("ifname");
    if (d == "mark") out.push_back("mark");
    if (d == "mac") out.push_back("ether_addr");
  }
  return out;
}

// "10.0.0.1,tcp:80" -> 10.0.0.1 . tcp . 80 (no protocol means tcp).
std::vector<Value> entry_values(const std::vector<std::string>& dims, const std::string& entry) {
  auto tokens = split(entry, ',');
  std::vector<Value> out;
  for (size_t i = 0; i < dims.size() && i < tokens.size(); ++i) {
    const auto& d = dims[i];
    const auto& t = tokens[i];
    if (d == "port") {
      auto colon = t.find(':');
      out.push_back(symbol(colon == std::string::npos ? "tcp" : t.substr(0, colon)));
      out.push_back(port_value(colon == std::string::npos ? t : t.substr(colon + 1)));
    } else if (d == "ip" || d == "net" || d == "mac") {
      auto parsed = parse_address(t);
      out.push_back(parsed ? parsed->value : Value{ValueKind::Address, t});
    } else if (d == "iface") {
      out.push_back(quoted(t));
    } else {
      out.push_back(integer(t));
    }
  }
  return out;
}

// nft prints interval set elements in ascending address order.
std::array<unsigned char, 17> sort_key(const Value& v) {
  std::array<unsigned char, 17> key{};
  std::string addr = v.text.substr(0, v.text.find('/'));
  bool v6 = addr.find(':') != std::string::npos;
  key[0] = v6 ? 1 : 0;
  inet_pton(v6 ? AF_INET6 : AF_INET, addr.c_str(), key.data() + 1);
  return key;
}

Set make_set(const std::string& name, const model::IpSet& ipset) {
  auto dims = split(ipset.type.substr(ipset.type.find(':') + 1), ',');
  std::string addr = option(ipset, "family") == "inet6" ? "ipv6_addr" : "ipv4_addr";
  Set set{name, set_type(dims, addr), {}, {}};
  if (std::any_of(dims.begin(), dims.end(),
                  [](const auto& d) { return d == "ip" || d == "net" || d == "port"; })) {
    set.flags.push_back("interval");
  }
  // firewalld 1.3.3 hands timeout and maxelem to nft as strings, which nft ignores: the set
  // ends up without them. An ipset with a timeout gets no entries from the configuration.
  std::string timeout = option(ipset, "timeout");
  if (!timeout.empty() && timeout != "0") return set;
  for (const auto& entry : ipset.entries) set.elements.push_back(entry_values(dims, entry));
  if (dims.size() == 1 && (dims[0] == "ip" || dims[0] == "net")) {
    std::stable_sort(set.elements.begin(), set.elements.end(), [](const auto& a, const auto& b) {
      return sort_key(a[0]) < sort_key(b[0]);
    });
  }
  return set;
}

}  // namespace

// set NAME { type ipv4_addr; flags interval; elements = { ... } }
void emit_ipsets(Context& ctx) {
  for (const auto& [name, item] : ctx.config.ipsets) {
    if (item.value.type.find(':') == std::string::npos) {
      ctx.fail(Code::INVALID_TYPE, item.value.type);
      return;
    }
    ctx.out.add_set(make_set(name, item.value));
  }
}

}  // namespace fwctl::compiler
