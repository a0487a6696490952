#pragma once
// The order in which a real policy's elements reach its chains.
//
// At (re)load firewalld applies a policy's elements kind by kind (services, ports, masquerade,
// forward ports, source ports, ICMP blocks, rich rules, protocols: _policy_settings). A runtime
// addition is applied on its own afterwards and its rules are added at the end of their chains
// (nft "add rule"), so after `--policy P --add-protocol gre` and then a rich rule accepting sctp,
// the rich rule's rule comes after gre's, where a reload would put it first. A removal only
// deletes its rules. RuntimeBindings::policy_order keeps that application order for the
// policies changed at runtime; the compiler emits their elements in it.
//
// An element's key names its kind and value: "service:ssh", "port:80/tcp", "masquerade",
// "forward_port:80/tcp/8080/10.0.0.1", "source_port:53/udp", "icmp_block:echo-request",
// "rule:<the rule as to_string prints it>", "protocol:gre".

#include <string>
#include <vector>

#include "compiler/bindings.hpp"
#include "model/config.hpp"

namespace fwctl::compiler {

// The keys of the policy's elements in firewalld's (re)load order.
std::vector<std::string> policy_element_keys(const model::Policy& policy);

// Brings bindings.policy_order up to date after a runtime change from `before` to `after`: for
// a policy whose elements changed, the keys it loses leave its order and the keys it gains join
// at the end (a policy without an entry starts from its reload order). An order equal to the
// reload order is dropped, as is the entry of a policy that is gone.
void order_policy_elements(const model::Config& before, const model::Config& after,
                           RuntimeBindings& bindings);

// The same for one policy changed at runtime from `before` to `after`.
void order_policy_element(const std::string& name, const model::Policy& before,
                          const model::Policy& after, RuntimeBindings& bindings);

}  // namespace fwctl::compiler
