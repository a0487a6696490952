#!/usr/bin/env bash
# Issue 17: the Debian package, installed as Debian users install a firewall, in a booted Debian 12.
#
#   package_test.sh DEB_DIR SOURCE_DIR
#
# Takes the .deb in DEB_DIR (ctest's fixture package_build makes it from the build tree);
# boots a Debian 12 root (tests/package/debian_root.sh, cached; the fixture package_root makes
# it) with systemd in systemd-nspawn, with a network namespace of its own and throwaway changes
# (--volatile=overlay); then, inside it:
#   0. a systemd preset that disables fwctld is obeyed by the installation
#   1. apt-get install of the .deb: fwctld enabled and started by the package; `systemctl enable
#      --now`; firewall-cmd --state and fwctl --state; a port added, in `nft list ruleset`;
#      `systemctl reload` (the runtime port gone, a permanent one loaded); `systemctl restart`
#      (the table never missing meanwhile);
#      D-Bus activation of the stopped daemon; firewalld.service as the unit's alias
#   2. apt-get remove: daemon stopped, its ruleset removed (CleanupOnExit=yes), /etc/firewalld
#      kept, no alias left behind; purge: the conffile gone, the administrator's zones kept
#   3. firewalld installed, a permanent port added with its firewall-cmd; the .deb installed in
#      its place: firewalld removed, the same checks as in 1, firewalld's port loaded
#   4. firewalld installed back: fwctl removed, firewalld running with fwctl's permanent port
# The host is not touched: nspawn runs in a mount namespace of the test's own with a tmpfs on
# /run/systemd, registers nowhere (--register=no --keep-unit) and starts no host service.
# Exits 77 (skipped) without root or a tool it needs.
set -euo pipefail
debs=$(cd "${1:?usage: package_test.sh DEB_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: package_test.sh DEB_DIR SOURCE_DIR}" && pwd)
source "$src/tests/lib/fwctld_harness.sh"  # check() and require_root() only
require_root "systemd-nspawn, apt in the container" mmdebstrap systemd-nspawn nsenter unshare \
  flock

# A mount namespace of our own: the tmpfs on /run/systemd hides the host's from nspawn.
if [ -z "${FWCTL_PACKAGE_TEST_NS:-}" ]; then
  exec unshare --mount --propagation private env FWCTL_PACKAGE_TEST_NS=1 "$0" "$@"
fi
mkdir -p /run/systemd
mount -t tmpfs -o mode=0755 fwctl-package-test /run/systemd

start=$SECONDS
say() { printf '[%3d s] %s\n' $((SECONDS - start)) "$*"; }
work=$(mktemp -d /tmp/fwctl-package-test.XXXXXX)
nspawn_pid=""
leader=""  # the container's init
cleanup() {
  if [ -n "$nspawn_pid" ]; then
    kill -TERM "$nspawn_pid" 2>/dev/null || true  # nspawn powers the container off
    for _ in $(seq 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
    # A container whose nspawn is killed lives on: killing its init ends its PID namespace.
    [ -z "$leader" ] || kill -KILL "$leader" 2>/dev/null || true
    kill -KILL "$nspawn_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/share"
cp "$debs"/fwctl_*.deb "$work/share/"
deb=$(basename "$(ls "$work"/share/fwctl_*.deb)")  # one: package_build empties DEB_DIR
root=$("$src/tests/package/debian_root.sh")
say "Debian 12 root ready: $root"

# Timers that would run apt or dpkg in the background at boot, holding dpkg's lock: masked
# (a unit file that is /dev/null).
mask=()
for unit in apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer; do
  mask+=("--bind-ro=/dev/null:/etc/systemd/system/$unit")
done

boot() {
  systemd-nspawn --quiet --boot --private-network --register=no --keep-unit --volatile=overlay \
    --directory="$root" --machine="fwctl-test-$$" --bind-ro="$work/share:/fwctl-test" \
    --console=read-only "${mask[@]}" > "$work/console.log" 2>&1 &
  nspawn_pid=$!
  local pid
  for _ in $(seq 300); do
    # The container's init: PID 1 in a PID namespace of its own, a descendant of our nspawn.
    for pid in $(awk '/^NSpid:/ && NF == 3 && $3 == 1 { split(FILENAME, p, "/"); print p[3] }' \
                   /proc/[0-9]*/status 2>/dev/null || true); do
      is_descendant "$pid" "$nspawn_pid" && { leader=$pid; break 2; }
    done
    kill -0 "$nspawn_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$leader" ] || { cat "$work/console.log"; echo "FAIL: the container did not start"; exit 1; }
  local state=""
  # Until init listens on its private socket, systemctl says "offline" or cannot connect, at once.
  for _ in $(seq 150); do
    state=$(c systemctl is-system-running --wait 2>/dev/null || true)
    case $state in ""|offline) sleep 0.2 ;; *) break ;; esac
  done
  if [ "$state" != running ]; then
    echo "system state: $state"
    c systemctl --failed --no-legend || true
  fi
  [ "$state" = running ] || [ "$state" = degraded ] || {
    cat "$work/console.log"; echo "FAIL: the container did not boot"; exit 1
  }
}
is_descendant() {  # is_descendant PID ANCESTOR
  local p=$1
  while [ -n "$p" ] && [ "$p" -gt 1 ]; do
    [ "$p" = "$2" ] && return 0
    p=$(awk '/^PPid:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
  done
  return 1
}
c() {  # c CMD...: runs CMD in the container, as root in all its namespaces, 120 s at most
  timeout 120 nsenter --target "$leader" --mount --uts --ipc --net --pid --root --wd -- \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb \
    DEBIAN_FRONTEND=noninteractive "$@" </dev/null
}
pkg_state() {  # pkg_state PKG: dpkg's status of PKG, "none" when dpkg does not know it
  local s
  s=$(c dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
  case $s in ""|"unknown ok not-installed") echo none ;; *) echo "$s" ;; esac
}
c_rc() { c "$@" >/dev/null 2>&1 && echo 0 || echo $?; }
apt_get() {  # apt_get ARGS...: apt-get in the container; its output on failure
  # Not --no-download: apt 2.6 then fails on a local .deb ("Pathname to install is not
  # absolute"). The root holds every dependency, and the container has no network anyway.
  c apt-get -y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=60 "$@" > "$work/apt.log" 2>&1 || {
    cat "$work/apt.log"; echo "FAIL: apt-get $*"; failures=$((failures + 1)); return 1
  }
}
wait_for() {  # wait_for WHAT EXPECTED CMD...: polls CMD's output for 20 s, then check()s it
  local what=$1 expected=$2 actual=""
  shift 2
  for _ in $(seq 100); do
    actual=$("$@" 2>&1 || true)
    [ "$actual" = "$expected" ] && break
    sleep 0.2
  done
  check "$what" "$expected" "$actual"
}
# Not `nft ... | grep -q`: with pipefail, nft killed by SIGPIPE when grep stops early would
# make a match look like none.
ruleset_has() {  # ruleset_has PORT: yes when the kernel accepts PORT/tcp in zone public
  grep -q "tcp dport $1 accept" <<<"$(c nft list ruleset)" && echo yes || echo no
}
has_firewalld_table() {
  grep -qx 'table inet firewalld' <<<"$(c nft list tables)" && echo yes || echo no
}
main_pid() { c systemctl show -P MainPID fwctld.service; }

running_checks() {  # running_checks LABEL RUNTIME_PORT PERMANENT_PORT
  local l=$1 rt=$2 perm=$3 pid
  check "$l: systemctl enable --now fwctld" 0 "$(c_rc systemctl enable --now fwctld.service)"
  check "$l: fwctld active" active "$(c systemctl is-active fwctld.service)"
  check "$l: firewalld.service is fwctld.service" "fwctld.service" \
    "$(c systemctl show -P Id firewalld.service)"
  check "$l: firewall-cmd is fwctl" /usr/bin/fwctl "$(c readlink -f /usr/bin/firewall-cmd)"
  check "$l: firewall-cmd --state" running "$(c firewall-cmd --state 2>&1)"
  check "$l: fwctl --state" running "$(c fwctl --state 2>&1)"
  check "$l: python3-firewall's client library talks to fwctld" public \
    "$(c python3 -c 'import firewall.client as f; print(f.FirewallClient().getDefaultZone())' 2>&1)"
  check "$l: add port $rt at runtime" success \
    "$(c firewall-cmd --zone=public --add-port="$rt/tcp" 2>&1)"
  check "$l: port $rt in nft list ruleset" yes "$(ruleset_has "$rt")"
  check "$l: add port $perm permanently" success \
    "$(c firewall-cmd --permanent --zone=public --add-port="$perm/tcp" 2>&1)"
  check "$l: systemctl reload" 0 "$(c_rc systemctl reload fwctld.service)"
  # ExecReload only sends SIGHUP: the reload is done when the ruleset shows it.
  wait_for "$l: after reload, runtime port $rt gone and permanent $perm loaded" "no yes" \
    eval 'echo "$(ruleset_has "$rt") $(ruleset_has "$perm")"'
  pid=$(main_pid)
  # No moment without the firewall across a restart: a poller in the container counts the times
  # `nft list tables` lacks fwctld's table while systemd stops and starts it.
  c rm -f /run/fwctl-poll-stop
  c sh -c 'n=0; while [ ! -e /run/fwctl-poll-stop ]; do
             nft list tables | grep -qx "table inet firewalld" || n=$((n + 1)); done
           echo "$n"' > "$work/missing" &
  local poller=$!
  sleep 0.5
  check "$l: systemctl restart" 0 "$(c_rc systemctl restart fwctld.service)"
  c touch /run/fwctl-poll-stop
  wait "$poller"
  check "$l: the table was there all through the restart (times seen missing)" 0 \
    "$(cat "$work/missing")"
  check "$l: restarted: a new fwctld" new "$([ "$(main_pid)" != "$pid" ] && echo new || echo same)"
  check "$l: firewall-cmd --state after restart" running "$(c firewall-cmd --state 2>&1)"
  check "$l: port $perm in the ruleset after restart" yes "$(ruleset_has "$perm")"
  check "$l: systemctl stop" 0 "$(c_rc systemctl stop fwctld.service)"
  check "$l: stopped" inactive "$(c systemctl is-active fwctld.service || true)"
  check "$l: CleanupOnExit=yes: no firewalld table after stop" no "$(has_firewalld_table)"
  check "$l: a call to the stopped daemon starts it (D-Bus activation)" 's "public"' \
    "$(c busctl call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
       org.fedoraproject.FirewallD1 getDefaultZone 2>&1)"
  check "$l: activated fwctld is the unit" active "$(c systemctl is-active fwctld.service)"
  check "$l: activated fwctld loaded port $perm" yes "$(ruleset_has "$perm")"
}

removal_checks() {  # removal_checks LABEL PERMANENT_PORT
  local l=$1 perm=$2
  check "$l: fwctld stopped by apt-get remove" inactive \
    "$(c systemctl is-active fwctld.service || true)"
  check "$l: /etc/firewalld kept with port $perm" 1 \
    "$(c grep -c "port=\"$perm\"" /etc/firewalld/zones/public.xml || true)"
  check "$l: no link to fwctld.service left in /etc/systemd/system" "" \
    "$(c find /etc/systemd/system -lname '*fwctld.service')"
}

t0=$SECONDS
boot
say "container booted in $((SECONDS - t0)) s"

# 0. A preset that disables fwctld is obeyed, as for firewalld (deb-systemd-helper runs
#    `systemctl preset` on a first installation): installed, neither enabled nor started.
l=preset
c sh -c 'mkdir -p /etc/systemd/system-preset &&
         echo "disable fwctld.service" > /etc/systemd/system-preset/10-fwctl-test.preset'
apt_get install "/fwctl-test/$deb" || true
check "$l: installed" "install ok installed" "$(pkg_state fwctl)"
check "$l: not enabled" disabled "$(c systemctl is-enabled fwctld.service 2>&1 || true)"
check "$l: not started" inactive "$(c systemctl is-active fwctld.service || true)"
apt_get purge fwctl || true
c rm /etc/systemd/system-preset/10-fwctl-test.preset
say "$l: checked"

# 1. A fresh installation.
l=fresh
apt_get install "/fwctl-test/$deb" || true
check "$l: enabled by the package" enabled "$(c systemctl is-enabled fwctld.service 2>&1)"
check "$l: started by the package" active "$(c systemctl is-active fwctld.service)"
check "$l: firewalld.conf is a conffile" "/etc/firewalld/firewalld.conf" \
  "$(c dpkg-query -W -f='${Conffiles}' fwctl | awk '{print $1}' | grep firewalld.conf || true)"
check "$l: /etc/firewalld is 0750" 750 "$(c stat -c %a /etc/firewalld)"
check "$l: bash completes firewall-cmd with fwctl's completion" "complete -F _fwctl firewall-cmd" \
  "$(c bash -c '. /usr/share/bash-completion/completions/firewall-cmd && complete -p firewall-cmd')"
running_checks "$l" 4711 4712
say "$l: installed and checked"

# 2. Removal, then purge.
apt_get remove fwctl || true
removal_checks "$l remove" 4712
check "$l remove: CleanupOnExit=yes: no firewalld table" no "$(has_firewalld_table)"
check "$l remove: firewalld.conf kept" yes \
  "$(c test -f /etc/firewalld/firewalld.conf && echo yes || echo no)"
apt_get purge fwctl || true
check "$l purge: firewalld.conf removed" no \
  "$(c test -e /etc/firewalld/firewalld.conf && echo yes || echo no)"
check "$l purge: the administrator's zone kept" yes \
  "$(c test -f /etc/firewalld/zones/public.xml && echo yes || echo no)"
check "$l purge: no fwctl left in dpkg" none "$(pkg_state fwctl)"
say "$l: removed and purged"

# 3. firewalld first, then the package in its place.
l=replace
apt_get install "$(c sh -c 'ls /root/debs/firewalld_*.deb')" || true
check "$l: firewalld runs" active "$(c systemctl is-active firewalld.service)"
check "$l: firewalld's firewall-cmd adds port 4713 permanently" success \
  "$(c firewall-cmd --permanent --zone=public --add-port=4713/tcp 2>&1)"
apt_get install "/fwctl-test/$deb" || true
check "$l: firewalld removed, its conffiles kept" "deinstall ok config-files" \
  "$(pkg_state firewalld)"
check "$l: firewalld.conf now belongs to fwctl" "fwctl: /etc/firewalld/firewalld.conf" \
  "$(c dpkg -S /etc/firewalld/firewalld.conf 2>&1)"
check "$l: polkit actions are fwctl's" \
  "fwctl: /usr/share/polkit-1/actions/org.fedoraproject.FirewallD1.policy" \
  "$(c dpkg -S /usr/share/polkit-1/actions/org.fedoraproject.FirewallD1.policy 2>&1)"
check "$l: enabled by the package" enabled "$(c systemctl is-enabled fwctld.service 2>&1)"
check "$l: started by the package" active "$(c systemctl is-active fwctld.service)"
check "$l: firewalld's permanent port 4713 loaded" yes "$(ruleset_has 4713)"
# Purging the replaced firewalld must not take fwctld's links (one has the name of one of
# firewalld's) nor firewalld.conf, which is fwctl's now.
apt_get purge firewalld || true
check "$l: firewalld purged" none "$(pkg_state firewalld)"
check "$l: firewalld.conf kept by the purge of firewalld" yes \
  "$(c test -f /etc/firewalld/firewalld.conf && echo yes || echo no)"
check "$l: fwctld still enabled after the purge of firewalld" enabled \
  "$(c systemctl is-enabled fwctld.service 2>&1)"
running_checks "$l" 4714 4715
say "$l: installed in firewalld's place and checked"

# 4. And back: firewalld takes /etc/firewalld as fwctl left it.
l=back
apt_get install "$(c sh -c 'ls /root/debs/firewalld_*.deb')" || true
check "$l: fwctl removed" "deinstall ok config-files" "$(pkg_state fwctl)"
removal_checks "$l" 4715
wait_for "$l: firewalld runs" active c systemctl is-active firewalld.service
check "$l: firewalld.service is firewalld's own unit" /lib/systemd/system/firewalld.service \
  "$(c systemctl show -P FragmentPath firewalld.service)"
check "$l: firewalld's firewall-cmd --state" running "$(c firewall-cmd --state 2>&1)"
check "$l: firewalld loaded fwctl's permanent port 4715" yes "$(ruleset_has 4715)"
check "$l: firewalld's firewall-cmd sees it" yes \
  "$(c firewall-cmd --zone=public --query-port=4715/tcp 2>&1)"
say "$l: firewalld back in place"

if [ "$failures" -ne 0 ]; then
  echo "$failures checks failed; the container's console:"
  tail -n 30 "$work/console.log"
  exit 1
fi
say "all checks passed"
