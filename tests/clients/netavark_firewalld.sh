#!/usr/bin/env bash
# podman 4.3 with netavark 1.4's firewalld driver (NETAVARK_FW=firewalld, not 1.4's default)
# against the firewall daemon (issue 12).
#
#   netavark_firewalld.sh DAEMON SOURCE_DIR   DAEMON: fwctld's path, or "firewalld"
#
# Set up as tests/clients/podman.sh. The driver writes no iptables rule: it creates the
# permanent zone netavark_zone (config.addZone2) and the policies netavark_policy (masquerade
# from netavark_zone to ANY) and netavark_portfwd (config.addPolicy with a{sv} settings),
# reloads, puts the subnet into netavark_zone (changeZoneOfSource), and
# publishes a port as a forward port of netavark_portfwd (getPolicySettings, then
# setPolicySettings with the list grown); the teardown shrinks the list and calls removeSource.
# podman 4.3 starts its cleanup process (conmon's exit command) with an environment of its own,
# so NETAVARK_FW reaches it through containers.conf's conmon_env_vars, as a user of the driver
# would have to set it.
# Checks: the zone and policies exist; the subnet is in netavark_zone and the forward port in
# netavark_portfwd while a container runs; the published port is reachable from outside and the
# container reaches outside masqueraded, both through the firewall's own rules; both bindings go
# when the container is killed. Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" netavark_firewalld "$@" /usr/bin/podman \
  /usr/lib/podman/netavark /usr/bin/conmon /usr/sbin/runc /bin/busybox

export NETAVARK_FW=firewalld
cat > "$work/containers.conf" <<EOF
[engine]
conmon_env_vars = ["PATH=$PATH", "NETAVARK_FW=firewalld"]
EOF
export CONTAINERS_CONF=$work/containers.conf
on_cleanup() { podman_cleanup; }
podman_setup fwctl-netavark-test
start_daemon
podman_image

# Low limits: see podman.sh.
podman run -d --name web --cgroup-parent "/$cgroup_parent" -p 8083:80 \
  --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 \
  fwctl/busybox:test /bin/busybox httpd -f -p 80 -h /www > /dev/null
wait_for "the container serves" podman exec web /bin/busybox wget -q -O - http://127.0.0.1/ \
  || true

sources() { "$fwcmd" --zone=netavark_zone --list-sources 2>&1; }
forward_ports() { "$fwcmd" --policy=netavark_portfwd --list-forward-ports 2>&1; }
check "addZone2: the permanent zone netavark_zone" "yes" \
  "$("$fwcmd" --permanent --get-zones | tr ' ' '\n' | grep -qx netavark_zone && echo yes)"
policy() { "$fwcmd" --permanent --policy=netavark_policy "$@" 2>&1 || true; }
check "addPolicy: netavark_policy masquerades from netavark_zone to ANY" \
  "netavark_zone ANY yes ACCEPT" \
  "$(policy --list-ingress-zones) $(policy --list-egress-zones) $(policy --query-masquerade)\
 $(policy --get-target)"
check "changeZoneOfSource: the subnet in netavark_zone" "10.88.0.0/16" "$(sources)"
check "setPolicySettings: the published port forwarded by netavark_portfwd" \
  "port=8083:proto=tcp:toport=80:toaddr=10.88.0.2" "$(forward_ports)"
check "published port reachable from outside through the forward port" "hello from podman" \
  "$(from_outside_http http://10.232.0.1:8083/)"
listen_outside 9005
podman exec web /bin/busybox sh -c 'echo hi | busybox nc -w 3 10.232.0.2 9005' >/dev/null 2>&1 \
  || true
check "container masqueraded to outside by netavark_policy" "10.232.0.1" "$(peer_seen)"

podman kill web >/dev/null
torn_down() { [ -z "$(sources)" ] && [ -z "$(forward_ports)" ]; }
wait_for "removeSource and the forward port gone when the container is killed" torn_down \
  && echo "ok: removeSource and the forward port gone when the container is killed"
finish
