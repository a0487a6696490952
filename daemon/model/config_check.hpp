#pragma once
// Checks between the items of a whole configuration. The items themselves are assumed to have
// passed their own checks (validate.hpp).
//
// firewalld 1.3.3 resolves references in two places, and so does fwctl:
//  - check_references(): what firewalld's start-up and --check-config verify (full_check_config
//    and _start_check). A problem here makes firewalld refuse the configuration.
//  - check_runtime_references(): references that --check-config accepts but firewalld only
//    resolves later: when it applies a zone or policy (an unknown ipset, a rich rule's unknown
//    service, a service's unknown helper) or when it picks the default zone (it logs an error and
//    falls back to public). They fail, with the same codes, only once the item is used; a caller
//    may report them as warnings.
//
// Both return every problem found, in the order firewalld would meet them (services, zones and
// policies, each by name). Each Error has firewalld's code and wording, `file` set to the offending
// item's Item::path (empty for problems of the configuration as a whole) and line 0.

#include <vector>

#include "common/error.hpp"
#include "model/config.hpp"

namespace fwctl::model {

//  - zones block, drop and trusted exist               INVALID_ZONE "Zone 'block' is not
//  available."
//  - a service's includes exist                        INVALID_SERVICE
//  - zone and policy services and icmp-blocks exist    INVALID_SERVICE, INVALID_ICMPTYPE
//  - rich-rule icmp-block/icmp-type names exist, and the rule's family suits the type
//                                                      INVALID_ICMPTYPE
//  - a zone and a policy do not share a name           NAME_CONFLICT
//  - an interface or source is bound to one zone only  INVALID_INTERFACE, INVALID_ADDR (firewalld's
//    codes for this check; ZONE_CONFLICT is the runtime one)
//  - policy ingress and egress zones exist             INVALID_ZONE
//  - a policy's forward ports, rich-rule forward ports and mark actions do not point into a zone
//    with interfaces; nor its masquerading, with the iptables backend   INVALID_ZONE
std::vector<Error> check_references(const Config& config);

//  - the default zone exists                           INVALID_ZONE "Default zone 'x' is not
//  valid."
//  - a service's helpers, and the helpers its modules name, exist        INVALID_HELPER
//  - zone sources and rich-rule sources name an ipset of a type a source can use, rich-rule
//    destinations an existing ipset                    INVALID_IPSET
//  - rich-rule services exist                          INVALID_SERVICE
std::vector<Error> check_runtime_references(const Config& config);

}  // namespace fwctl::model
