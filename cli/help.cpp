#include "help.hpp"

namespace fwctl::cli {

std::string help_text(const std::string& prog) {
  return "\nUsage: " + prog + " [OPTIONS...]\n" + R"(
fwctl takes firewall-cmd's options and prints what firewall-cmd prints.
[P] works with --permanent, [Z] with --zone, [O] with --policy, [T] with --timeout.

General
  -h, --help            This text
  -V, --version         The daemon's version
  -q, --quiet           No status messages
  -v, --verbose         Also print summaries and descriptions

State
  --state  --reload  --complete-reload  --runtime-to-permanent  --reset-to-defaults
  --check-config        (with --offline: check the files without a daemon)
  --get-log-denied  --set-log-denied=<value>
  --panic-on  --panic-off  --query-panic

Zones
  --get-default-zone  --set-default-zone=<zone>  --get-active-zones  --get-zones [P]
  --get-services [P]  --get-icmptypes [P]  --get-zone-of-interface=<iface> [P]
  --get-zone-of-source=<source> [P]  --list-all-zones [P]  --zone=<zone>
  --new-zone=<zone>  --new-zone-from-file=<file> [--name=<zone>]  --delete-zone=<zone>
  --load-zone-defaults=<zone>  --info-zone=<zone>  --path-zone=<zone>

Policies
  --get-policies  --get-active-policies  --list-all-policies  --policy=<policy>
  --new-policy=<policy>  --new-policy-from-file=<file> [--name=<policy>]
  --delete-policy=<policy>  --load-policy-defaults=<policy>  --info-policy=<policy>
  --path-policy=<policy>

Zone and policy elements [P] [Z] [O]
  --list-all  --get-target  --set-target=<target>  --get-description
  --set-description=<text>  --get-short  --set-short=<text>
  --list-services  --add-service=<service> [T]  --remove-service=  --query-service=
  --list-ports  --add-port=<port>[-<port>]/<proto> [T]  --remove-port=  --query-port=
  --list-protocols  --add-protocol=<protocol> [T]  --remove-protocol=  --query-protocol=
  --list-source-ports  --add-source-port=<port>/<proto> [T]  --remove-source-port=
  --query-source-port=  --list-icmp-blocks  --add-icmp-block=<icmptype> [T]
  --remove-icmp-block=  --query-icmp-block=  --list-forward-ports
  --add-forward-port=port=<port>:proto=<proto>[:toport=<port>][:toaddr=<address>] [T]
  --remove-forward-port=  --query-forward-port=  --add-masquerade [T]  --remove-masquerade
  --query-masquerade  --list-rich-rules  --add-rich-rule=<rule> [T]  --remove-rich-rule=
  --query-rich-rule=  --timeout=<N>[s|m|h]

Zones only [P] [Z]
  --add-icmp-block-inversion  --remove-icmp-block-inversion  --query-icmp-block-inversion
  --add-forward [T]  --remove-forward  --query-forward
  --list-interfaces  --add-interface=<iface>  --change-interface=<iface>
  --query-interface=<iface>  --remove-interface=<iface>
  --list-sources  --add-source=<address>[/<mask>]|<MAC>|ipset:<ipset>  --change-source=
  --query-source=  --remove-source=
  --get-ingress-priority  --set-ingress-priority=<priority>  --get-egress-priority
  --set-egress-priority=<priority>      (firewalld 2.0, --permanent only)

Policies only [P] [O]
  --get-priority  --set-priority=<priority>  --list-ingress-zones  --add-ingress-zone=<zone>
  --remove-ingress-zone=  --query-ingress-zone=  --list-egress-zones  --add-egress-zone=<zone>
  --remove-egress-zone=  --query-egress-zone=
  --add-disable  --remove-disable  --query-disable   (firewalld 2.4)
  --policy-set=<prefix> with --add-disable or --remove-disable: every policy named so

IPsets
  --get-ipset-types  --get-ipsets  --new-ipset=<ipset> --type=<type> [--option=<k>[=<v>]]
  --new-ipset-from-file=<file> [--name=<ipset>]  --delete-ipset=  --load-ipset-defaults=
  --info-ipset=<ipset>  --path-ipset=<ipset>  --ipset=<ipset> with --add-entry=<entry>
  --remove-entry=  --query-entry=  --get-entries  --add-entries-from-file=<file>
  --remove-entries-from-file=<file>  --set-description= ...

Services, icmptypes and helpers (permanent)
  --new-service=  --delete-service=  --info-service=  --path-service=  --service=<service>
  with --add-port= --remove-port= --query-port= --get-ports --add-protocol= ...
  --add-source-port= ... --add-helper= ... --set-destination=<ipv>:<address>
  --remove-destination=<ipv> --add-include= ...
  --new-icmptype=  --info-icmptype=  --icmptype=<icmptype> with --add-destination=<ipv> ...
  --new-helper=<helper> --module=<module> [--family=<family>]  --info-helper=
  --helper=<helper> with --set-module= --get-module --set-family= --get-family ...

Direct [P]
  --direct with --get-all-chains  --get-chains  --add-chain  --remove-chain  --query-chain
  --get-all-rules  --get-rules  --add-rule  --remove-rule  --remove-rules  --query-rule
  --passthrough  --get-all-passthroughs  --get-passthroughs  --add-passthrough
  --remove-passthrough  --query-passthrough

Lockdown
  --lockdown-on  --lockdown-off  --query-lockdown
  --list-lockdown-whitelist-{commands,contexts,uids,users} [P]
  --{add,remove,query}-lockdown-whitelist-{command,context,uid,user}=<value> [P]

fwctl only
  --offline --check-config [--default-config DIR] [--system-config DIR]
  --json                With any query or listing: print a JSON document (see fwctl(1))
  --explain             With --zone=<zone> or --policy=<policy>: print the nftables chains it
                        compiles to, from the configuration files, applying nothing
  --why=<packet>        The path a packet takes through the ruleset and the rule that decides:
                        'tcp 198.51.100.7:40000 -> 22 in eth0' (see fwctl(1)); with --offline
                        from the configuration files
  --confirm=<time>      With --reload, --complete-reload or a runtime change: undone by fwctld
                        after <time> (N, Ns, Nm or Nh) unless confirmed
  --confirm             Keep the runtime change waiting for confirmation (from any session)
  --counters            With --list-all, --info-zone or --info-policy: packets and bytes per
                        element, from the kernel (needs NftablesCounters=yes)
  --zero-counters       Count from 0 from now on
  --trace[=<packet>]    Trace real packets (matching <packet>, --why's syntax) through the
                        kernel's ruleset and print each one's path and verdict (root)
  --count=<n>           With --trace: stop after <n> packets

See firewall-cmd(1) for what each option does.

)";
}

}  // namespace fwctl::cli
