#!/usr/bin/env bash
# Issue 4, process: what `cmake --install` puts where, and the systemd unit it installs.
#
#   daemon_process_install.sh layout BUILD_DIR SOURCE_DIR
#       installs with --prefix <tmp>/usr and checks that every file lands where a /usr install
#       must put it (fwctld in sbin, fwctl in bin, the unit in lib/systemd/system, the bus
#       policy in share/dbus-1/system.d, the polkit actions in share/polkit-1/actions, the
#       shipped defaults in lib/firewalld/<kind>) and nothing anywhere else
#   daemon_process_install.sh unit BUILD_DIR SOURCE_DIR
#       installs the same way and runs `systemd-analyze verify` on the installed unit (exits 77,
#       skipped, when systemd-analyze is absent)
set -euo pipefail
mode=${1:?usage: daemon_process_install.sh layout|unit BUILD_DIR SOURCE_DIR}
build=${2:?usage: daemon_process_install.sh layout|unit BUILD_DIR SOURCE_DIR}
src=${3:?usage: daemon_process_install.sh layout|unit BUILD_DIR SOURCE_DIR}

if [ "$mode" = unit ] && ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed"; exit 77
fi

work=$(mktemp -d /tmp/fwctl-install-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
prefix=$work/usr
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || {
  cat "$work/install.log"; exit 1
}

source "$src/tests/lib/fwctld_harness.sh"  # for check() only: nothing runs here
unit=$prefix/lib/systemd/system/fwctld.service

if [ "$mode" = layout ]; then
  # The man pages are built only where scdoc is (man/CMakeLists.txt).
  man_pages=""
  command -v scdoc >/dev/null && man_pages=$'\nshare/man/man1/fwctl.1\nshare/man/man8/fwctld.8'
  check "files outside lib/firewalld" "bin/fwctl
lib/systemd/system/fwctld.service
sbin/fwctld
share/bash-completion/completions/fwctl
share/dbus-1/system.d/org.fedoraproject.FirewallD1.conf$man_pages
share/polkit-1/actions/org.fedoraproject.FirewallD1.policy" \
    "$(cd "$prefix" && find . -type f ! -path './lib/firewalld/*' | sed 's|^\./||' | LC_ALL=C sort)"
  check "fwctld and fwctl are executable" "yes" \
    "$([ -x "$prefix/sbin/fwctld" ] && [ -x "$prefix/bin/fwctl" ] && echo yes || echo no)"
  check "lib/firewalld holds one directory per kind" \
    "helpers icmptypes ipsets policies services zones" \
    "$(cd "$prefix/lib/firewalld" && find . -mindepth 1 -maxdepth 1 | sed 's|^\./||' |
       LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"
  for kind in zones services icmptypes helpers policies; do
    check "lib/firewalld/$kind is the tree's $kind" \
      "$(cd "$src/$kind" && find . -name '*.xml' | LC_ALL=C sort)" \
      "$(cd "$prefix/lib/firewalld/$kind" && find . -type f | LC_ALL=C sort)"
  done
  check "public.xml installed unchanged" "same" \
    "$(cmp -s "$src/zones/public.xml" "$prefix/lib/firewalld/zones/public.xml" && echo same ||
       echo differs)"
  check "the unit starts the installed fwctld" \
    "ExecStart=$prefix/sbin/fwctld --nofork --nopid --watch-config" \
    "$(grep '^ExecStart=' "$unit")"
else
  # The installed unit, whose ExecStart names an installed fwctld, verifies clean: no error
  # (status) and no diagnostic about it (systemd-analyze only warns about unknown keys).
  # Documentation=man:firewalld(1) is firewalld's page; whether it is installed is not the unit's
  # business, hence --man=no.
  verify() { systemd-analyze verify --man=no "$1" 2>&1 && echo "rc=0" || echo "rc=$?"; }
  out=$(verify "$unit")
  echo "$out"
  check "systemd-analyze verify fwctld.service" "rc=0" "$(tail -n1 <<<"$out")"
  check "no diagnostic about fwctld.service" "" "$(grep 'fwctld\.service' <<<"$out" || true)"
  # The same check must catch a broken unit here, or it proves nothing.
  mkdir "$work/broken"
  sed 's|^ExecStart=.*|ExecStart=/nonexistent/fwctld --nofork|' "$unit" \
    > "$work/broken/fwctld.service"
  check "a unit starting a missing binary fails verification" "failed" \
    "$(tail -n1 <<<"$(verify "$work/broken/fwctld.service")" | grep -q '^rc=0$' && echo passed ||
       echo failed)"
  for key in "Type=dbus" "BusName=org.fedoraproject.FirewallD1" "Before=network-pre.target" \
             "Wants=network-pre.target" "ExecReload=/bin/kill -HUP \$MAINPID" "KillMode=mixed" \
             "Alias=dbus-org.fedoraproject.FirewallD1.service" "WantedBy=multi-user.target" \
             "Conflicts=firewalld.service iptables.service ip6tables.service ebtables.service \
ipset.service nftables.service"; do
    check "unit has $key" "1" "$(grep -cxF "$key" "$unit" || true)"
  done
fi

[ "$failures" -eq 0 ] || exit 1
echo "all checks passed"
