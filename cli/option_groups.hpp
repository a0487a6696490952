#pragma once
// Options that come in families, named once: the options of each kind of item (--new-zone,
// --delete-zone, ... for the zones) and the add/remove/query options of each element of a zone.
// Code that treats a family alike goes through these instead of building dests from strings.

#include <string_view>

#include "option_table.hpp"

namespace fwctl::cli {

// The options that create, delete, show and locate the items of one kind.
struct KindDests {
  std::string_view kind;  // "zone": what firewalld's messages and file names call it
  Dest get_all, info, create, create_from_file, remove, load_defaults, path;
};

inline constexpr KindDests kZoneDests{
    "zone",        "get_zones",          "info_zone", "new_zone", "new_zone_from_file",
    "delete_zone", "load_zone_defaults", "path_zone"};
inline constexpr KindDests kPolicyDests{
    "policy",        "get_policies",         "info_policy", "new_policy", "new_policy_from_file",
    "delete_policy", "load_policy_defaults", "path_policy"};
inline constexpr KindDests kServiceDests{"service",
                                         "get_services",
                                         "info_service",
                                         "new_service",
                                         "new_service_from_file",
                                         "delete_service",
                                         "load_service_defaults",
                                         "path_service"};
inline constexpr KindDests kIpsetDests{
    "ipset",        "get_ipsets",          "info_ipset", "new_ipset", "new_ipset_from_file",
    "delete_ipset", "load_ipset_defaults", "path_ipset"};
inline constexpr KindDests kIcmptypeDests{"icmptype",
                                          "get_icmptypes",
                                          "info_icmptype",
                                          "new_icmptype",
                                          "new_icmptype_from_file",
                                          "delete_icmptype",
                                          "load_icmptype_defaults",
                                          "path_icmptype"};
inline constexpr KindDests kHelperDests{
    "helper",        "get_helpers",          "info_helper", "new_helper", "new_helper_from_file",
    "delete_helper", "load_helper_defaults", "path_helper"};
inline constexpr KindDests kAllKindDests[] = {kZoneDests,  kPolicyDests,   kServiceDests,
                                              kIpsetDests, kIcmptypeDests, kHelperDests};

// The add/remove/query options of one list of a zone, a policy or another item.
struct ElementDests {
  Dest add, remove, query;
};

inline constexpr ElementDests kInterfaceDests{"add_interface", "remove_interface",
                                              "query_interface"};
inline constexpr ElementDests kSourceDests{"add_source", "remove_source", "query_source"};
inline constexpr ElementDests kIngressZoneDests{"add_ingress_zone", "remove_ingress_zone",
                                                "query_ingress_zone"};
inline constexpr ElementDests kEgressZoneDests{"add_egress_zone", "remove_egress_zone",
                                               "query_egress_zone"};
inline constexpr ElementDests kServiceElementDests{"add_service", "remove_service",
                                                   "query_service"};
inline constexpr ElementDests kPortDests{"add_port", "remove_port", "query_port"};
inline constexpr ElementDests kProtocolDests{"add_protocol", "remove_protocol", "query_protocol"};
inline constexpr ElementDests kSourcePortDests{"add_source_port", "remove_source_port",
                                               "query_source_port"};
inline constexpr ElementDests kIcmpBlockDests{"add_icmp_block", "remove_icmp_block",
                                              "query_icmp_block"};
inline constexpr ElementDests kRichRuleDests{"add_rich_rule", "remove_rich_rule",
                                             "query_rich_rule"};
inline constexpr ElementDests kForwardPortDests{"add_forward_port", "remove_forward_port",
                                                "query_forward_port"};
inline constexpr ElementDests kMasqueradeDests{"add_masquerade", "remove_masquerade",
                                               "query_masquerade"};
inline constexpr ElementDests kForwardDests{"add_forward", "remove_forward", "query_forward"};
inline constexpr ElementDests kIcmpBlockInversionDests{
    "add_icmp_block_inversion", "remove_icmp_block_inversion", "query_icmp_block_inversion"};
inline constexpr ElementDests kDisableDests{"add_disable", "remove_disable", "query_disable"};

}  // namespace fwctl::cli
