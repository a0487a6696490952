#!/usr/bin/env bash
# Issue 14, access (label `faults`): every method of every kind of object (352, from
# introspection), called by `nobody` with arguments of its signature (access_all.py).
#  - Without polkit on the bus every one is refused (NotAuthorizedException), as by firewalld.
#  - With a polkit stand-in answering yes for ...info and ...config.info and no for the rest,
#    the methods served and refused are exactly firewalld 1.3.3's (access.expected: 50 served,
#    302 refused; fwctl's own org.fwctl.Firewall1 reads under firewalld's info action, its
#    changes under its own), so no changing method is let through.
#  - With the stand-in answering "challenge" (not authorized, an agent could ask): all refused.
# Afterwards the kernel's table is the stock one and no file was written.
#
#   access.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/../integration/daemon_lib.sh" "$1" "$2"
here=$(cd "$(dirname "$0")" && pwd)
command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed"; exit 77; }
/usr/bin/python3 -c "from gi.repository import GLib" 2>/dev/null ||
  { echo "SKIP: python3-gi"; exit 77; }
daemon_start
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }

/usr/bin/python3 "$here/access_all.py" list "$work/methods.json"
chmod 0644 "$work/methods.json"
as_nobody /usr/bin/python3 "$here/access_all.py" call "$work/methods.json" > "$work/nopolkit"
check "without polkit: every method refused" "352 refused" \
  "$(awk '{print $NF}' "$work/nopolkit" | sort | uniq -c | sed 's/^ *//')"

/usr/bin/python3 -u "$src/tests/integration/polkit_standin.py" \
  org.fedoraproject.FirewallD1.info=yes org.fedoraproject.FirewallD1.config.info=yes \
  > "$work/polkit.out" &
polkit_pid=$!
for _ in $(seq 100); do grep -q ready "$work/polkit.out" && break; sleep 0.1; done
check "with polkit: served and refused as by firewalld" "$(cat "$here/access.expected")" \
  "$(as_nobody /usr/bin/python3 "$here/access_all.py" call "$work/methods.json")"
kill "$polkit_pid" 2>/dev/null || true
wait "$polkit_pid" 2>/dev/null || true

# polkit answering "challenge" (an agent could ask the user): refused, as firewalld refuses it.
/usr/bin/python3 -u "$src/tests/integration/polkit_standin.py" \
  org.fedoraproject.FirewallD1.info=challenge org.fedoraproject.FirewallD1.config.info=challenge \
  org.fedoraproject.FirewallD1.all=challenge org.fedoraproject.FirewallD1.config=challenge \
  > "$work/polkit2.out" &
polkit_pid=$!
for _ in $(seq 100); do grep -q ready "$work/polkit2.out" && break; sleep 0.1; done
as_nobody /usr/bin/python3 "$here/access_all.py" call "$work/methods.json" > "$work/challenge"
check "polkit answering challenge: every method refused" "352 refused" \
  "$(awk '{print $NF}' "$work/challenge" | sort | uniq -c | sed 's/^ *//')"
kill "$polkit_pid" 2>/dev/null || true

check "nothing changed: the kernel's table" "$(cat "$src/tests/golden/default.nft")" \
  "$(ip netns exec "$ns" nft list table inet firewalld)"
check "nothing changed: no file written" "" "$(cd "$work/etc" && find . -type f)"
daemon_stop
finish
