#pragma once
// Validation of single values and of whole configuration items, with firewalld 1.3.3's error
// codes and details (e.g. INVALID_PORT "65536"). Nothing here does I/O.
//
// Checks of one item never look at other items; references between items (a zone naming a
// service, a policy naming a zone) are checked by check_references() over a whole Config.

#include <string_view>

#include "common/result.hpp"
#include "model/helper.hpp"
#include "model/icmptype.hpp"
#include "model/ipset.hpp"
#include "model/policy.hpp"
#include "model/service.hpp"
#include "model/zone.hpp"
#include "model/firewalld_conf.hpp"

namespace fwctl::model {

// Single values.
Status check_port(std::string_view port);          // "80", "8080-8090"; INVALID_PORT
Status check_protocol(std::string_view protocol);  // name or number of an IP protocol; INVALID_PROTOCOL
Status check_port_protocol(std::string_view protocol);  // tcp, udp, sctp, dccp; INVALID_PROTOCOL
Status check_interface(std::string_view name);     // INVALID_INTERFACE
Status check_mac(std::string_view mac);            // INVALID_MAC
bool is_ipv4_address(std::string_view s);
bool is_ipv6_address(std::string_view s);
bool is_ipv4_network(std::string_view s);  // address or address/prefix (prefix or dotted mask)
bool is_ipv6_network(std::string_view s);  // address or address/prefix
Status check_address(std::string_view family, std::string_view address);  // INVALID_ADDR
Status check_zone_target(std::string_view target);    // INVALID_TARGET
Status check_policy_target(std::string_view target);  // INVALID_TARGET
Status check_policy_priority(int priority);           // INVALID_PRIORITY
Status check_item_name(std::string_view kind, std::string_view name);  // INVALID_NAME

// Whole items, each on its own.
Status check_zone(const Zone& zone);
Status check_policy(const Policy& policy);
Status check_service(const Service& service);
Status check_ipset(const IpSet& ipset);
Status check_icmptype(const IcmpType& icmptype);
Status check_helper(const Helper& helper);
Status check_firewalld_conf(const FirewalldConf& conf);

}  // namespace fwctl::model
