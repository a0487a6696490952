#pragma once
// Short names for the adaptor classes sdbus-c++-xml2cpp generates from dbus/*.xml (firewalld
// 1.3.3's interfaces). Every member there is pure virtual and each adaptor derives from its class
// directly, so a member of firewalld's API that fwctld does not serve fails to compile.

#include "dbus_glue/org.fedoraproject.FirewallD1.config.direct_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.helper_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.icmptype_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.ipset_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.policies_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.policy_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.service_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config.zone_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.config_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.direct_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.ipset_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.policies_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.policy_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1.zone_adaptor.h"
#include "dbus_glue/org.fedoraproject.FirewallD1_adaptor.h"
#include "dbus_glue/org.fwctl.Config1_adaptor.h"
#include "dbus_glue/org.fwctl.Firewall1_adaptor.h"

namespace fwctl::bus::glue {

namespace fw = org::fedoraproject::FirewallD1;

using FirewallD1 = org::fedoraproject::FirewallD1_adaptor;
using FirewallD1_zone = fw::zone_adaptor;
using FirewallD1_policy = fw::policy_adaptor;
using FirewallD1_ipset = fw::ipset_adaptor;
using FirewallD1_direct = fw::direct_adaptor;
using FirewallD1_policies = fw::policies_adaptor;
using FirewallD1_config = fw::config_adaptor;
using FirewallD1_config_zone = fw::config::zone_adaptor;
using FirewallD1_config_policy = fw::config::policy_adaptor;
using FirewallD1_config_service = fw::config::service_adaptor;
using FirewallD1_config_ipset = fw::config::ipset_adaptor;
using FirewallD1_config_icmptype = fw::config::icmptype_adaptor;
using FirewallD1_config_helper = fw::config::helper_adaptor;
using FirewallD1_config_direct = fw::config::direct_adaptor;
using FirewallD1_config_policies = fw::config::policies_adaptor;
// fwctl's own (dbus/org.fwctl.Config1.xml).
using FwctlConfig1 = org::fwctl::Config1_adaptor;
using FwctlFirewall1 = org::fwctl::Firewall1_adaptor;

}  // namespace fwctl::bus::glue
