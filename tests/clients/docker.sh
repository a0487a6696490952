#!/usr/bin/env bash
# docker.io 20.10 (Debian's dockerd) against the firewall daemon, as on a real host (issue 12).
#
#   docker.sh DAEMON SOURCE_DIR     DAEMON: fwctld's path, or "firewalld" for the reference run
#
# In a mount and network namespace of the script's own (tests/clients/lib.sh): dockerd with a
# private /run and /etc/docker, data and exec roots in a scratch directory, the vfs storage
# driver, a cgroup parent of its own, on a private system bus where DAEMON owns
# org.fedoraproject.FirewallD1. The image is a busybox-static root brought in with
# `docker import`: nothing is downloaded.
# Checks: dockerd starts and creates its permanent `docker` zone (config.addZone with the
# settings as an array of variants), binds docker0 to it, a published port is reachable from
# outside only through DNAT (--userland-proxy=false), the container reaches outside masqueraded
# (outside sees the host's address and has no route back), and both still hold after a reload
# and after a restart of the daemon while dockerd runs (docker re-applies on Reloaded and on
# NameOwnerChanged). Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" docker "$@" /usr/sbin/dockerd /usr/bin/docker /usr/sbin/runc \
  /bin/busybox

cgroup_parent=fwctl-docker-test-$$
sock=unix:///run/fwctl-docker/docker.sock
docker() { /usr/bin/docker -H "$sock" "$@"; }
on_cleanup() {
  [ -S /run/fwctl-docker/docker.sock ] && timeout 20 /usr/bin/docker -H "$sock" rm -f web \
    >/dev/null 2>&1
  kill "$dockerd_pid" 2>/dev/null && timeout 20 tail --pid="$dockerd_pid" -f /dev/null
  for d in /sys/fs/cgroup/*/"$cgroup_parent"; do
    [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
  done
  umount -l /etc/docker 2>/dev/null
}
mkdir -p /run/fwctl-docker /etc/docker
mount -t tmpfs tmpfs /etc/docker   # dockerd writes its key.json there

start_daemon

echo "{}" > "$work/daemon.json"
/usr/sbin/dockerd -H "$sock" --data-root "$work/docker" --exec-root /run/fwctl-docker/exec \
  --pidfile /run/fwctl-docker/docker.pid --storage-driver vfs --bip 10.231.0.1/24 \
  --ipv6 --fixed-cidr-v6 fd00:231::/64 --experimental --ip6tables \
  --userland-proxy=false --cgroup-parent "/$cgroup_parent" --config-file "$work/daemon.json" \
  > "$work/dockerd.log" 2>&1 &
dockerd_pid=$!
wait_for "dockerd answers" docker version || finish

check "docker created its permanent zone" "yes" \
  "$("$fwcmd" --permanent --get-zones | tr ' ' '\n' | grep -qx docker && echo yes)"
check "docker zone target" "ACCEPT" "$("$fwcmd" --permanent --zone=docker --get-target)"
check "docker0 bound to the docker zone" "docker" \
  "$("$fwcmd" --get-zone-of-interface=docker0 2>&1)"

# An image of busybox-static alone; a web server on 80 with a page of its own.
mkdir -p "$work/root/bin" "$work/root/www"
cp /bin/busybox "$work/root/bin/busybox"
ln -s busybox "$work/root/bin/sh"
echo "hello from the container" > "$work/root/www/index.html"
tar -C "$work/root" -c . | docker import - fwctl/busybox:test >/dev/null
docker run -d --name web -p 8080:80 fwctl/busybox:test /bin/busybox httpd -f -p 80 -h /www \
  > /dev/null
wait_for "the container serves" docker exec web /bin/busybox wget -q -O - http://127.0.0.1/ || true

traffic() {  # traffic WHEN
  check "published port reachable from outside through DNAT ($1)" "hello from the container" \
    "$(from_outside_http http://10.232.0.1:8080/)"
  listen_outside 9000
  docker exec web /bin/busybox sh -c 'echo hi | busybox nc -w 3 10.232.0.2 9000' >/dev/null 2>&1 \
    || true
  check "container masqueraded to outside ($1)" "10.232.0.1" "$(peer_seen)"
  check "published port reachable from outside over IPv6 ($1)" "hello from the container" \
    "$(from_outside_http "http://[fd00:232::1]:8080/")"
  listen_outside 9000 fd00:232::2
  docker exec web /bin/busybox sh -c 'echo hi | busybox nc -w 3 fd00:232::2 9000' >/dev/null \
    2>&1 || true
  check "container masqueraded to outside over IPv6 ($1)" "fd00:232::1" "$(peer_seen)"
}
traffic "after start"

"$fwcmd" --reload >/dev/null
wait_for "docker re-bound docker0 after the reload" \
  sh -c '[ "$("$fwcmd" --get-zone-of-interface=docker0)" = docker ]' || true
traffic "after --reload"

stop_daemon
start_daemon
wait_for "docker re-bound docker0 after the restart" \
  sh -c '[ "$("$fwcmd" --get-zone-of-interface=docker0)" = docker ]' || true
traffic "after a restart of the daemon"
finish
