#!/usr/bin/env bash
# Issue 4: fwctld in a network namespace of its own with a private system bus, driven by Debian's
# python firewall-cmd (a real third-party client of our D-Bus API).
#
#   daemon_firewall_cmd.sh FWCTLD SOURCE_DIR
#
# Checks --state, --get-default-zone, --get-zones, --get-services, --list-all and --reload against
# firewalld 1.3.3's output for the stock configuration, the kernel's table against
# tests/golden/default.nft, and that SIGTERM removes the table (CleanupOnExit=yes).
# The daemon's readiness is its sd_notify READY=1 on a NOTIFY_SOCKET of the test's own: no sleeps.
# Exits 77 (skipped) when not root or when a tool is missing.
source "$(dirname "$0")/daemon_lib.sh" "$@"
daemon_start

check "--state" "running" "$(fwcmd --state)"
check "--get-default-zone" "public" "$(fwcmd --get-default-zone)"
check "--get-zones" "block dmz drop external home internal public trusted work" \
  "$(fwcmd --get-zones)"
services=$(cd "$src/services" && ls -1 ./*.xml | sed 's|^\./||; s|\.xml$||' | LC_ALL=C sort |
           tr '\n' ' ')
check "--get-services (221)" "${services% }" "$(fwcmd --get-services)"
check "221 services" "221" "$(fwcmd --get-services | wc -w)"
check "--list-all" "public
  target: default
  icmp-block-inversion: no
  interfaces: 
  sources: 
  services: dhcpv6-client ssh
  ports: 
  protocols: 
  forward: yes
  masquerade: no
  forward-ports: 
  source-ports: 
  icmp-blocks: 
  rich rules: " "$(fwcmd --list-all)"

golden=$(cat "$src/tests/golden/default.nft")
check "kernel table after start" "$golden" "$(ip netns exec "$ns" nft list table inet firewalld)"
check "--reload" "success" "$(fwcmd --reload)"
check "kernel table after reload" "$golden" "$(ip netns exec "$ns" nft list table inet firewalld)"
check "--state after reload" "running" "$(fwcmd --state)"

# SIGTERM: the daemon exits and, with CleanupOnExit=yes (the default), takes the table with it.
daemon_stop
check "exit status after SIGTERM" "0" "$daemon_rc"
check "table removed on exit" "" "$(ip netns exec "$ns" nft list tables)"

# Runtime port and service changes: a fresh daemon (the one above is gone), changed through
# firewall-cmd; each change is a delta batch into the kernel's table.
daemon_start
allow_chain() { ip netns exec "$ns" nft list chain inet firewalld filter_IN_public_allow; }

check "--add-port=8080/tcp" "success" "$(fwcmd --zone=public --add-port=8080/tcp)"
check "8080 rule in filter_IN_public_allow" "1" "$(allow_chain | grep -c 'tcp dport 8080 accept')"
check "--query-port=8080/tcp" "yes" "$(fwcmd --zone=public --query-port=8080/tcp)"
check "--list-ports" "8080/tcp" "$(fwcmd --zone=public --list-ports)"
# firewall-cmd prints the warning, then success, and exits 0.
check "--add-port=8080/tcp again" "Warning: ALREADY_ENABLED: '8080:tcp' already in 'public'
success
rc=0" "$(fwcmd_rc --zone=public --add-port=8080/tcp)"
check "--remove-port=8080/tcp" "success" "$(fwcmd --zone=public --remove-port=8080/tcp)"
check "8080 rule removed" "0" "$(allow_chain | grep -c 'tcp dport 8080 accept' || true)"
check "--query-port after remove" "no" "$(fwcmd --zone=public --query-port=8080/tcp || true)"
# firewall-cmd checks the port itself (FirewallError(INVALID_PORT, port)) before calling us.
check "--add-port=99999/tcp" "Error: INVALID_PORT: 99999
rc=102" "$(fwcmd_rc --zone=public --add-port=99999/tcp)"
# The daemon's own validation, past firewall-cmd's: the detail of firewalld's runtime check_port
# (firewalld 1.3.3 itself fails here with a Python TypeError before it gets to that check).
check "addPort 99999 over D-Bus" "INVALID_PORT: 99999" \
  "$(busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
       org.fedoraproject.FirewallD1.zone addPort sssi public 99999 tcp 0 2>&1 \
     | sed 's/^Call failed: //')"
check "--add-service=http" "success" "$(fwcmd --zone=public --add-service=http)"
check "http rule in filter_IN_public_allow" "1" "$(allow_chain | grep -c 'tcp dport 80 accept')"
check "--query-service=http" "yes" "$(fwcmd --zone=public --query-service=http)"
check "--remove-service=http" "success" "$(fwcmd --zone=public --remove-service=http)"
check "http rule removed" "0" "$(allow_chain | grep -c 'tcp dport 80 accept' || true)"
check "--add-service=nope" "Error: INVALID_SERVICE: nope
rc=101" "$(fwcmd_rc --zone=public --add-service=nope)"
check "kernel table back to the stock one" "$golden" \
  "$(ip netns exec "$ns" nft list table inet firewalld)"

daemon_stop
finish
