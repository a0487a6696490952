// firewall-offline-cmd 1.3.3's --help text, word for word (its __usage(), with Debian's
// SYSCONFIGDIR /etc/sysconfig).
#include "offline_cmd_help.hpp"

namespace fwctl::cli {

const char* offline_help_text() {
  return R"HELP(
Usage: firewall-offline-cmd [OPTIONS...]

If no options are given, configuration from '/etc/sysconfig/system-config-firewall' will be migrated.

General Options
  -h, --help           Prints a short help text and exits
  -V, --version        Print the version string of firewalld
  -q, --quiet          Do not print status messages
      --system-config  Path to firewalld system configuration
      --default-config Path to firewalld default configuration
      --check-config   Check system and default configuration
      --reset-to-defaults
                       Reset configuration to firewalld's default configuration

Lokkit Compatibility Options
  --migrate-system-config-firewall=<file>
                        Import configuration data from the given configuration
                        file.
  --enabled             Enable firewall (default)
  --disabled            Disable firewall
  --addmodule=<module>  Ignored option, was used to enable an iptables module
  --removemodule=<module>
                        Ignored option, was used to disable an iptables module
  -s <service>, --service=<service>
                        Enable a service in the default zone (example: ssh)
  --remove-service=<service>
                        Disable a service in the default zone (example: ssh)
  -p <port>[-<port>]:<protocol>, --port=<port>[-<port>]:<protocol>
                        Enable a port in the default zone (example: ssh:tcp)
  -t <interface>, --trust=<interface>
                        Bind an interface to the trusted zone
  -m <interface>, --masq=<interface>
                        Enables masquerading in the default zone, interface
                        argument is ignored. This is IPv4 only.
  --custom-rules=[<type>:][<table>:]<filename>
                        Ignored option. Was used to add custom rules to the
                        firewall (Example:
                        ipv4:filter:/etc/sysconfig/ipv4_filter_addon)
  --forward-port=if=<interface>:port=<port>:proto=<protocol>[:toport=<destination port>][:toaddr=<destination address>]
                        Forward the port with protocol for the interface to
                        either another local destination port (no destination
                        address given) or to an other destination address with
                        an optional destination port. This will be added to
                        the default zone. This is IPv4 only.
  --block-icmp=<icmp type>
                        Block this ICMP type in the default zone. The default
                        is to accept all ICMP types.

Log Denied Options
  --get-log-denied     Print the log denied value
  --set-log-denied=<value>
                       Set log denied value

Automatic Helpers Options
  --get-automatic-helpers
                       Print the automatic helpers value
  --set-automatic-helpers=<value>
                       Set automatic helpers value

Zone Options
  --get-default-zone   Print default zone for connections and interfaces
  --set-default-zone=<zone>
                       Set default zone
  --get-zones          Print predefined zones
  --get-services       Print predefined services
  --get-icmptypes      Print predefined icmptypes
  --get-zone-of-interface=<interface>
                       Print name of the zone the interface is bound to
  --get-zone-of-source=<source>[/<mask>]|<MAC>|ipset:<ipset>
                       Print name of the zone the source is bound to
  --list-all-zones     List everything added for or enabled in all zones
  --new-zone=<zone>    Add a new empty zone
  --new-zone-from-file=<filename> [--name=<zone>]
                       Add a new zone from file with optional name override [P only]
  --delete-zone=<zone> Delete an existing zone
  --load-zone-defaults=<zone>
                       Load zone default settings
  --zone=<zone>        Use this zone to set or query options, else default zone
                       Usable for options marked with [Z]
  --info-zone=<zone>   Print information about a zone
  --path-zone=<zone>   Print file path of a zone

Policy Options
  --get-policies       Print predefined policies
  --list-all-policies  List everything added for or enabled in all policies
  --new-policy=<policy>
                       Add a new empty policy
  --new-policy-from-file=<filename> [--name=<policy>]
                       Add a new policy from file with optional name override [P only]
  --delete-policy=<policy>
                       Delete an existing policy
  --load-policy-defaults=<policy>
                       Load policy default settings
  --policy=<policy>    Use this policy to set or query options
                       Usable for options marked with [O]
  --info-policy=<policy>
                       Print information about a policy
  --path-policy=<policy>
                       Print file path of a policy

IPSet Options
  --new-ipset=<ipset> --type=<ipset type> [--option=<key>[=<value>]]..
                       Add a new empty ipset
  --new-ipset-from-file=<filename> [--name=<ipset>]
                       Add a new ipset from file with optional name override [P only]
  --delete-ipset=<ipset>
                       Delete an existing ipset
  --load-ipset-defaults=<ipset>
                       Load ipset default settings
  --info-ipset=<ipset> Print information about an ipset
  --path-ipset=<ipset> Print file path of an ipset
  --get-ipsets         Print predefined ipsets
  --ipset=<ipset> --set-description=<description>
                       Set new description to ipset
  --ipset=<ipset> --get-description
                       Print description for ipset
  --ipset=<ipset> --set-short=<description>
                       Set new short description to ipset
  --ipset=<ipset> --get-short
                       Print short description for ipset
  --ipset=<ipset> --add-entry=<entry>
                       Add a new entry to an ipset
  --ipset=<ipset> --remove-entry=<entry>
                       Remove an entry from an ipset
  --ipset=<ipset> --query-entry=<entry>
                       Return whether ipset has an entry
  --ipset=<ipset> --get-entries
                       List entries of an ipset
  --ipset=<ipset> --add-entries-from-file=<entry>
                       Add a new entries to an ipset
  --ipset=<ipset> --remove-entries-from-file=<entry>
                       Remove entries from an ipset

IcmpType Options
  --new-icmptype=<icmptype>
                       Add a new empty icmptype
  --new-icmptype-from-file=<filename> [--name=<icmptype>]
                       Add a new icmptype from file with optional name override [P only]
  --delete-icmptype=<icmptype>
                       Delete an existing icmptype
  --load-icmptype-defaults=<icmptype>
                       Load icmptype default settings
  --info-icmptype=<icmptype>
                       Print information about an icmptype
  --path-icmptype=<icmptype>
                       Print file path of an icmptype
  --icmptype=<icmptype> --set-description=<description>
                       Set new description to icmptype
  --icmptype=<icmptype> --get-description
                       Print description for icmptype
  --icmptype=<icmptype> --set-short=<description>
                       Set new short description to icmptype
  --icmptype=<icmptype> --get-short
                       Print short description for icmptype
  --icmptype=<icmptype> --add-destination=<ipv>
                       Enable destination for ipv in icmptype
  --icmptype=<icmptype> --remove-destination=<ipv>
                       Disable destination for ipv in icmptype
  --icmptype=<icmptype> --query-destination=<ipv>
                       Return whether destination ipv is enabled in icmptype
  --icmptype=<icmptype> --get-destinations
                       List destinations in icmptype

Service Options
  --new-service=<service>
                       Add a new empty service
  --new-service-from-file=<filename> [--name=<service>]
                       Add a new service from file with optional name override [P only]
  --delete-service=<service>
                       Delete an existing service
  --load-service-defaults=<service>
                       Load icmptype default settings
  --info-service=<service>
                       Print information about a service
  --path-service=<service>
                       Print file path of a service
  --service=<service> --set-description=<description>
                       Set new description to service
  --service=<service> --get-description
                       Print description for service
  --service=<service> --set-short=<description>
                       Set new short description to service
  --service=<service> --get-short
                       Print short description for service
  --service=<service> --add-port=<portid>[-<portid>]/<protocol>
                       Add a new port to service
  --service=<service> --remove-port=<portid>[-<portid>]/<protocol>
                       Remove a port from service
  --service=<service> --query-port=<portid>[-<portid>]/<protocol>
                       Return whether the port has been added for service
  --service=<service> --get-ports
                       List ports of service
  --service=<service> --add-protocol=<protocol>
                       Add a new protocol to service
  --service=<service> --remove-protocol=<protocol>
                       Remove a protocol from service
  --service=<service> --query-protocol=<protocol>
                       Return whether the protocol has been added for service
  --service=<service> --get-protocols
                       List protocols of service
  --service=<service> --add-source-port=<portid>[-<portid>]/<protocol>
                       Add a new source port to service
  --service=<service> --remove-source-port=<portid>[-<portid>]/<protocol>
                       Remove a source port from service
  --service=<service> --query-source-port=<portid>[-<portid>]/<protocol>
                       Return whether the source port has been added for service [P only]
  --service=<service> --get-source-ports
                       List source ports of service
  --service=<service> --add-helper=<helper>
                       Add a new helper to service
  --service=<service> --remove-helper=<helper>
                       Remove a helper from service
  --service=<service> --query-helper=<helper>
                       Return whether the helper has been added for service
  --service=<service> --get-service-helpers
                       List helpers of service
  --service=<service> --set-destination=<ipv>:<address>[/<mask>]
                       Set destination for ipv to address in service
  --service=<service> --remove-destination=<ipv>
                       Disable destination for ipv i service
  --service=<service> --query-destination=<ipv>:<address>[/<mask>]
                       Return whether destination ipv is set for service
  --service=<service> --get-destinations
                       List destinations in service
  --service=<service> --add-include=<service>
                       Add a new include to service
  --service=<service> --remove-include=<service>
                       Remove a include from service
  --service=<service> --query-include=<service>
                       Return whether the include has been added for service
  --service=<service> --get-includes
                       List includes of service

Options to Adapt and Query Zones and Policies
  --list-all           List everything added for or enabled [Z] [O]
  --set-description=<description>
                       Set new description [Z] [O]
  --get-description    Print description [Z] [O]
  --get-target         Get the target [Z] [O]
  --set-target=<target>
                       Set the target [Z] [O]
  --set-short=<description>
                       Set new short description to zone [Z] [O]
  --get-short          Print short description for zone [Z] [O]
  --list-services      List services added [Z] [O]
  --add-service=<service>
                       Add a service [Z] [O]
  --remove-service-from-zone=<service>
                       Remove a service from a zone [Z]
  --remove-service-from-policy=<service>
                       Remove a service from a policy [O]
  --query-service=<service>
                       Return whether service has been added [Z] [O]
  --list-ports         List ports added [Z] [O]
  --add-port=<portid>[-<portid>]/<protocol>
                       Add the port [Z] [O]
  --remove-port=<portid>[-<portid>]/<protocol>
                       Remove the port [Z] [O]
  --query-port=<portid>[-<portid>]/<protocol>
                       Return whether the port has been added [Z] [O]
  --list-protocols     List protocols added [Z] [O]
  --add-protocol=<protocol>
                       Add the protocol [Z] [O]
  --remove-protocol=<protocol>
                       Remove the protocol [Z] [O]
  --query-protocol=<protocol>
                       Return whether the protocol has been added [Z] [O]
  --list-source-ports  List source ports added [Z] [O]
  --add-source-port=<portid>[-<portid>]/<protocol>
                       Add the source port [Z] [O]
  --remove-source-port=<portid>[-<portid>]/<protocol>
                       Remove the source port [Z] [O]
  --query-source-port=<portid>[-<portid>]/<protocol>
                       Return whether the source port has been added [Z] [O]
  --list-icmp-blocks   List Internet ICMP type blocks added [Z] [O]
  --add-icmp-block=<icmptype>
                       Add an ICMP block [Z] [O]
  --remove-icmp-block=<icmptype>
                       Remove the ICMP block [Z] [O]
  --query-icmp-block=<icmptype>
                       Return whether an ICMP block has been added [Z] [O]
  --list-forward-ports List IPv4 forward ports added [Z] [O]
  --add-forward-port=port=<portid>[-<portid>]:proto=<protocol>[:toport=<portid>[-<portid>]][:toaddr=<address>[/<mask>]]
                       Add the IPv4 forward port [Z] [O]
  --remove-forward-port=port=<portid>[-<portid>]:proto=<protocol>[:toport=<portid>[-<portid>]][:toaddr=<address>[/<mask>]]
                       Remove the IPv4 forward port [Z] [O]

Options to Adapt and Query Zones
  --add-icmp-block-inversion
                       Enable inversion of icmp blocks for a zone [Z]
  --remove-icmp-block-inversion
                       Disable inversion of icmp blocks for a zone [Z]
  --query-icmp-block-inversion
                       Return whether inversion of icmp blocks has been enabled
                       for a zone [Z]
  --add-forward        Enable forwarding of packets between interfaces and
                       sources in a zone [Z]
  --remove-forward     Disable forwarding of packets between interfaces and
                       sources in a zone [Z]
  --query-forward      Return whether forwarding of packets between interfaces
                       and sources has been enabled for a zone [Z]

Options to Adapt and Query Policies
  --get-priority       Get the priority [O]
  --set-priority=<priority>
                       Set the priority [O]
  --list-ingress-zones
                       List ingress zones that are bound to a policy [O]
  --add-ingress-zone=<zone>
                       Add the ingress zone to a policy [O]
  --remove-ingress-zone=<zone>
                       Remove the ingress zone from a policy [O]
  --query-ingress-zone=<zone>
                       Query whether the ingress zone has been adedd to a
                       policy [O]
  --list-egress-zones
                       List egress zones that are bound to a policy [O]
  --add-egress-zone=<zone>
                       Add the egress zone to a policy [O]
  --remove-egress-zone=<zone>
                       Remove the egress zone from a policy [O]
  --query-egress-zone=<zone>
                       Query whether the egress zone has been adedd to a
                       policy [O]

Options to Handle Bindings of Interfaces
  --list-interfaces    List interfaces that are bound to a zone [Z]
  --add-interface=<interface>
                       Bind the <interface> to a zone [Z]
  --change-interface=<interface>
                       Change zone the <interface> is bound to [Z]
  --query-interface=<interface>
                       Query whether <interface> is bound to a zone [Z]
  --remove-interface=<interface>
                       Remove binding of <interface> from a zone [Z]

Options to Handle Bindings of Sources
  --list-sources       List sources that are bound to a zone [Z]
  --add-source=<source>[/<mask>]|<MAC>|ipset:<ipset>
                       Bind the source to a zone [Z]
  --change-source=<source>[/<mask>]|<MAC>|ipset:<ipset>
                       Change zone the source is bound to [Z]
  --query-source=<source>[/<mask>]|<MAC>|ipset:<ipset>
                       Query whether the source is bound to a zone [Z]
  --remove-source=<source>[/<mask>]|<MAC>|ipset:<ipset>
                       Remove binding of the source from a zone [Z]

Helper Options
  --new-helper=<helper> --module=<module> [--family=<family>]
                       Add a new helper
  --new-helper-from-file=<filename> [--name=<helper>]
                       Add a new helper from file with optional name
  --delete-helper=<helper>
                       Delete an existing helper
  --load-helper-defaults=<helper>
                       Load helper default settings
  --info-helper=<helper> Print information about an helper
  --path-helper=<helper> Print file path of an helper
  --get-helpers         Print predefined helpers
  --helper=<helper> --set-description=<description>
                       Set new description to helper
  --helper=<helper> --get-description
                       Print description for helper
  --helper=<helper> --set-short=<description>
                       Set new short description to helper
  --helper=<helper> --get-short
                       Print short description for helper
  --helper=<helper> --add-port=<portid>[-<portid>]/<protocol>
                       Add a new port to helper
  --helper=<helper> --remove-port=<portid>[-<portid>]/<protocol>
                       Remove a port from helper
  --helper=<helper> --query-port=<portid>[-<portid>]/<protocol>
                       Return whether the port has been added for helper
  --helper=<helper> --get-ports
                       List ports of helper
  --helper=<helper> --set-module=<module>
                       Set module to helper
  --helper=<helper> --get-module
                       Get module from helper
  --helper=<helper> --set-family={ipv4|ipv6|}
                       Set family for helper
  --helper=<helper> --get-family
                       Get module from helper

Direct Options
  --direct             First option for all direct options
  --get-all-chains
                       Get all chains
  --get-chains {ipv4|ipv6|eb} <table>
                       Get all chains added to the table
  --add-chain {ipv4|ipv6|eb} <table> <chain>
                       Add a new chain to the table
  --remove-chain {ipv4|ipv6|eb} <table> <chain>
                       Remove the chain from the table
  --query-chain {ipv4|ipv6|eb} <table> <chain>
                       Return whether the chain has been added to the table
  --get-all-rules
                       Get all rules
  --get-rules {ipv4|ipv6|eb} <table> <chain>
                       Get all rules added to chain in table
  --add-rule {ipv4|ipv6|eb} <table> <chain> <priority> <arg>...
                       Add rule to chain in table
  --remove-rule {ipv4|ipv6|eb} <table> <chain> <priority> <arg>...
                       Remove rule with priority from chain in table
  --remove-rules {ipv4|ipv6|eb} <table> <chain>
                       Remove rules from chain in table
  --query-rule {ipv4|ipv6|eb} <table> <chain> <priority> <arg>...
                       Return whether a rule with priority has been added to
                       chain in table
  --get-all-passthroughs
                       Get all passthrough rules
  --get-passthroughs {ipv4|ipv6|eb} <arg>...
                       Get passthrough rules
  --add-passthrough {ipv4|ipv6|eb} <arg>...
                       Add a new passthrough rule
  --remove-passthrough {ipv4|ipv6|eb} <arg>...
                       Remove a passthrough rule
  --query-passthrough {ipv4|ipv6|eb} <arg>...
                       Return whether the passthrough rule has been added

Lockdown Options
  --lockdown-on        Enable lockdown.
  --lockdown-off       Disable lockdown.
  --query-lockdown     Query whether lockdown is enabled

Lockdown Whitelist Options
  --list-lockdown-whitelist-commands
                       List all command lines that are on the whitelist
  --add-lockdown-whitelist-command=<command>
                       Add the command to the whitelist
  --remove-lockdown-whitelist-command=<command>
                       Remove the command from the whitelist
  --query-lockdown-whitelist-command=<command>
                       Query whether the command is on the whitelist
  --list-lockdown-whitelist-contexts
                       List all contexts that are on the whitelist
  --add-lockdown-whitelist-context=<context>
                       Add the context context to the whitelist
  --remove-lockdown-whitelist-context=<context>
                       Remove the context from the whitelist
  --query-lockdown-whitelist-context=<context>
                       Query whether the context is on the whitelist
  --list-lockdown-whitelist-uids
                       List all user ids that are on the whitelist
  --add-lockdown-whitelist-uid=<uid>
                       Add the user id uid to the whitelist
  --remove-lockdown-whitelist-uid=<uid>
                       Remove the user id uid from the whitelist
  --query-lockdown-whitelist-uid=<uid>
                       Query whether the user id uid is on the whitelist
  --list-lockdown-whitelist-users
                       List all user names that are on the whitelist
  --add-lockdown-whitelist-user=<user>
                       Add the user name user to the whitelist
  --remove-lockdown-whitelist-user=<user>
                       Remove the user name user from the whitelist
  --query-lockdown-whitelist-user=<user>
                       Query whether the user name user is on the whitelist

Polkit Options
  --policy-server      Change Polkit actions to 'server'  (more restricted)
  --policy-desktop     Change Polkit actions to 'desktop' (less restricted)

)HELP";
}

}  // namespace fwctl::cli
