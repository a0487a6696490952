#include "compiler/policy_order.hpp"

#include <algorithm>
#include <unordered_set>

#include "model/rich_rule.hpp"

namespace fwctl::compiler {
namespace {

std::string port_key(const char* kind, const model::PortProto& port) {
  return std::string(kind) + ":" + port.port + "/" + port.protocol;
}

}  // namespace

std::vector<std::string> policy_element_keys(const model::Policy& p) {
  std::vector<std::string> keys;
  for (const auto& s : p.services) keys.push_back("service:" + s);
  for (const auto& pp : p.ports) keys.push_back(port_key("port", pp));
  if (p.masquerade) keys.push_back("masquerade");
  for (const auto& f : p.forward_ports) {
    keys.push_back("forward_port:" + f.port + "/" + f.protocol + "/" + f.to_port + "/" + f.to_addr);
  }
  for (const auto& pp : p.source_ports) keys.push_back(port_key("source_port", pp));
  for (const auto& b : p.icmp_blocks) keys.push_back("icmp_block:" + b);
  for (const auto& r : p.rules) keys.push_back("rule:" + model::to_string(r));
  for (const auto& proto : p.protocols) keys.push_back("protocol:" + proto);
  return keys;
}

void order_policy_element(const std::string& name, const model::Policy& before,
                          const model::Policy& after, RuntimeBindings& bindings) {
  if (before == after) return;
  auto& orders = bindings.policy_order;
  std::vector<std::string> next = policy_element_keys(after);
  auto entry = orders.find(name);
  std::vector<std::string> order =
      entry != orders.end() ? entry->second : policy_element_keys(before);
  if (order == next) return;
  std::unordered_set<std::string> wanted(next.begin(), next.end());
  std::erase_if(order, [&](const std::string& key) { return !wanted.count(key); });
  std::unordered_set<std::string> kept(order.begin(), order.end());
  for (const auto& key : next) {
    if (kept.insert(key).second) order.push_back(key);
  }
  if (order == next) {
    orders.erase(name);
  } else {
    orders[name] = std::move(order);
  }
}

void order_policy_elements(const model::Config& before, const model::Config& after,
                           RuntimeBindings& bindings) {
  auto& orders = bindings.policy_order;
  std::erase_if(orders, [&](const auto& entry) { return !after.policies.count(entry.first); });
  for (const auto& [name, item] : after.policies) {
    auto old = before.policies.find(name);
    if (old == before.policies.end()) {
      orders.erase(name);
      continue;
    }
    order_policy_element(name, old->second.value, item.value, bindings);
  }
}

}  // namespace fwctl::compiler
