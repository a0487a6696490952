#pragma once
// Waiting for a freshly configured interface to carry packets, without sleeping.
//
// `ip link set DEV up` returns before the device can transmit: the kernel's link watcher,
// which may run up to a second later, gives the device its real qdisc (until then "noop",
// which drops every packet). Likewise an IPv6 address is usable only once the kernel's
// address work has run (it joins the solicited-node group there; until then neighbour
// solicitations for the address go unanswered). A packet lost in either window looks exactly
// like a firewall's drop, so the harness waits for both, listening to rtnetlink.

#include <chrono>
#include <string>

#include "common/result.hpp"

namespace fwctl::integration {

// Blocks until interface `name` of the calling thread's network namespace has its carrier
// and a qdisc other than noop; fails after `timeout`.
Status wait_link_ready(const std::string& name, std::chrono::milliseconds timeout);

// Blocks until no IPv6 address of interface `name` (calling thread's namespace) is tentative;
// fails after `timeout`.
Status wait_ipv6_addresses_ready(const std::string& name, std::chrono::milliseconds timeout);

}  // namespace fwctl::integration
