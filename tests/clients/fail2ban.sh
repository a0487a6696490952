#!/usr/bin/env bash
# fail2ban 1.0 (Debian's) against the firewall daemon (issue 12).
#
#   fail2ban.sh DAEMON SOURCE_DIR   DAEMON: fwctld's path, or "firewalld" for the reference run
#
# In a mount and network namespace of the script's own (tests/clients/lib.sh): fail2ban-server
# with a copy of /etc/fail2ban (no jail.d: Debian's enables sshd there), its socket, pid file and
# log private, its database in memory, and `firewall-cmd` in its PATH being $fwcmd (fwctl under
# ctest, linked as firewall-cmd). One jail per firewallcmd-* action: rich-rules, rich-logging,
# ipset, multiport, allports, new, each with `port = ssh` as jails give it. A listener on the
# host's 10.232.0.1:22 and [fd00:232::1]:22 stands for sshd. For each jail: `fail2ban-client set
# JAIL banip 10.232.0.2` and a connection from outside (10.232.0.2) is refused, `unbanip` and it
# gets through again; the same for fd00:232::2; a ban after a reload and after a daemon restart
# works too. No log parsing: bans are driven by fail2ban-client.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" fail2ban "$@" /usr/bin/fail2ban-server /usr/bin/fail2ban-client \
  /usr/sbin/ipset

conf=$work/fail2ban
f2b() { fail2ban-client -c "$conf" "$@"; }
on_cleanup() { f2b stop >/dev/null 2>&1; }

jails=(rich-rules rich-logging ipset multiport allports new)
cp -r /etc/fail2ban "$conf"
rm -rf "$conf/jail.d" "$conf/fail2ban.d"
mkdir -p "$conf/jail.d" "$work/bin"
touch "$work/auth.log"
cat > "$conf/fail2ban.local" <<EOF
[Definition]
logtarget = $work/fail2ban.log
loglevel = INFO
socket = /run/fail2ban-test.sock
pidfile = /run/fail2ban-test.pid
dbfile = :memory:
EOF
{
  printf '[DEFAULT]\nbackend = polling\nlogpath = %s\nbantime = 600\n' "$work/auth.log"
  for jail in "${jails[@]}"; do
    printf '[%s]\nenabled = true\nfilter = sshd\nport = ssh\nbanaction = firewallcmd-%s\n' \
      "$jail" "$jail"
  done
} > "$conf/jail.local"
# The actions call `firewall-cmd` by that name.
ln -s "$fwcmd" "$work/bin/firewall-cmd"
export PATH=$work/bin:$PATH

# sshd: accepts every connection on the host's 10.232.0.1:22 and [fd00:232::1]:22.
python3 -c '
import selectors, socket
sel = selectors.DefaultSelector()
for family, address in ((socket.AF_INET, "10.232.0.1"), (socket.AF_INET6, "fd00:232::1")):
    s = socket.socket(family)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, 22))
    s.listen(16)
    sel.register(s, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        key.fileobj.accept()[0].close()
' &
pids+=("$!")
wait_for "the ssh listener" sh -c "ss -Htln | grep -q 'fd00:232::1\]:22 '"

from_outside() {  # what a connection from outside to the host's port 22 meets
  ip netns exec outside python3 -c '
import socket, sys
try:
    socket.create_connection((sys.argv[1], 22), timeout=2).close()
    print("connected")
except ConnectionRefusedError:
    print("refused")
except OSError as e:
    print(type(e).__name__)
' "${1:-10.232.0.1}"
}

start_daemon
check "outside reaches ssh before fail2ban" connected "$(from_outside)"
f2b start >/dev/null
wait_for "fail2ban answers" f2b ping
for jail in "${jails[@]}"; do
  wait_for "jail $jail started" sh -c "fail2ban-client -c '$conf' status '$jail'"
done
check "fail2ban's jails" "$(printf '%s\n' "${jails[@]}" | sort | xargs)" \
  "$(f2b status | sed -n 's/.*Jail list:\s*//p' | tr -d ',' | xargs -n1 | sort | xargs)"

for jail in "${jails[@]}"; do
  check "$jail: ban" 1 "$(f2b set "$jail" banip 10.232.0.2)"
  check "$jail: the banned address is refused" refused "$(from_outside)"
  check "$jail: unban" 1 "$(f2b set "$jail" unbanip 10.232.0.2)"
  check "$jail: the address gets through again" connected "$(from_outside)"
done

# IPv6: fail2ban's inet6 variants (family ipv6, icmp6-port-unreachable, ip6tables rules).
for jail in "${jails[@]}"; do
  check "$jail: ban fd00:232::2" 1 "$(f2b set "$jail" banip fd00:232::2)"
  check "$jail: the banned IPv6 address is refused" refused "$(from_outside fd00:232::1)"
  check "$jail: unban fd00:232::2" 1 "$(f2b set "$jail" unbanip fd00:232::2)"
  check "$jail: the IPv6 address gets through again" connected "$(from_outside fd00:232::1)"
done

# The rich rules as fail2ban wrote them: the port by name, listed as given.
f2b set rich-rules banip 10.232.0.2 >/dev/null
rule='rule family="ipv4" source address="10.232.0.2" port port="ssh" protocol="tcp"'
check "rich-rules: the rule lists port ssh" \
  "$rule reject type=\"icmp-port-unreachable\"" "$("$fwcmd" --list-rich-rules)"
deny=$(nft list chain inet firewalld filter_IN_public_deny)
check "rich-rules: the kernel rule matches port 22" 1 \
  "$(grep -c 'saddr 10.232.0.2 tcp dport 22 reject' <<< "$deny")"
f2b set rich-rules unbanip 10.232.0.2 >/dev/null

# A reload drops the runtime rules (fail2ban does not listen for Reloaded); a jail's next ban
# finds its chain gone (actioncheck), restarts the action and bans. The same after a restart.
"$fwcmd" --reload >/dev/null
check "after a reload: multiport: ban" 1 "$(f2b set multiport banip 10.232.0.2)"
check "after a reload: multiport: the banned address is refused" refused "$(from_outside)"
f2b set multiport unbanip 10.232.0.2 >/dev/null
stop_daemon
start_daemon
check "after a restart: new: ban" 1 "$(f2b set new banip 10.232.0.2)"
check "after a restart: new: the banned address is refused" refused "$(from_outside)"
f2b set new unbanip 10.232.0.2 >/dev/null
check "after a restart: new: the address gets through again" connected "$(from_outside)"

f2b stop >/dev/null
check "fail2ban's stop removes its direct chains" "" "$("$fwcmd" --direct --get-all-chains)"
check "fail2ban's stop removes its direct rules" "" "$("$fwcmd" --direct --get-all-rules)"
check "outside reaches ssh after fail2ban" connected "$(from_outside)"
finish
