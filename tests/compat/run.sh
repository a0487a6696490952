#!/usr/bin/env bash
# Runs firewalld 1.3.3's own autotest suite (Debian's firewalld-tests) against fwctl.
#
#   tests/compat/run.sh MODE [TESTSUITE-ARGS...]
#
# MODE "python": the suite's `firewalld` is our fwctld, `firewall-cmd` is Debian's python client.
# MODE "fwctl":  `firewall-cmd` and `firewall-offline-cmd` are our fwctl as well.
# Without TESTSUITE-ARGS it runs the nftables cases (-k nftables). The suite starts the daemon
# itself in a network namespace of its own with a private dbus-daemon, so this needs root.
#
# Prints the pass count and the failing cases, and leaves the last line as "PASSED <n>" for
# check.sh. The suite's own log and each failing case's directory stay under
# $FWCTL_BUILD_DIR/compat/MODE (testsuite.log, testsuite.dir/NNN/); with TESTSUITE-ARGS under
# compat/MODE-selected.
# The suite names its network namespaces after the case number (fwd-test-NNN, in /run/netns) and
# puts each case's bus on an abstract socket inside that namespace: each run gets a mount
# namespace with a /run/netns of its own, so that several runs (the two modes) go at once.
# Exit status: 0 when the suite ran (whatever the count), 77 without root, 1 on a setup error.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FWCTL_BUILD_DIR:-$root/build}
suite=/usr/share/firewalld/testsuite/testsuite

mode=${1:-}
case $mode in
  python | fwctl) shift ;;
  *) echo "usage: $0 python|fwctl [testsuite args...]" >&2; exit 1 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
  echo "compat: needs root (the suite creates network namespaces)" >&2
  exit 77
fi
# The suite, and the tools its cases need (a case without gdbus or xmllint skips itself).
missing=()
[ -x "$suite" ] || missing+=(firewalld-tests)
command -v gdbus >/dev/null || missing+=(libglib2.0-bin)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v dbus-daemon >/dev/null || missing+=(dbus)
command -v nft >/dev/null || missing+=(nftables)
command -v ipset >/dev/null || missing+=(ipset)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
for bin in "$build/daemon/fwctld" "$build/cli/fwctl"; do
  [ -x "$bin" ] || { echo "compat: $bin is not built" >&2; exit 1; }
done

out=$build/compat/$mode
[ $# -eq 0 ] || out=$build/compat/$mode-selected  # a rerun of some cases keeps the full run's log
rm -rf "$out"
mkdir -p "$out/bin"
# The suite runs `firewalld` and `firewall-cmd` from PATH (inside `ip netns exec`, which keeps
# the environment); these links are all that stands between it and our binaries.
ln -s "$build/daemon/fwctld" "$out/bin/firewalld"
if [ "$mode" = fwctl ]; then
  # fwctl under the names of both of firewalld's clients: the cases call firewall-offline-cmd
  # too, and fwctl behaves as it under that name.
  ln -s "$build/cli/fwctl" "$out/bin/firewall-cmd"
  ln -s "$build/cli/fwctl" "$out/bin/firewall-offline-cmd"
fi

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-k nftables)
jobs=${FWCTL_COMPAT_JOBS:-$(nproc)}

# Every case starts the daemon, then waits up to 60 s for `firewall-cmd --state` to answer and fails
# when it never does. While the client rejects --state as a usage error (exit 2, as argparse does),
# that is all each case would do (139 cases x 60 s / 2 jobs = 70 min): report them failed unrun.
# FWCTL_COMPAT_FORCE=1 runs the suite regardless.
probe=0
if [ "$mode" = fwctl ]; then
  DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent "$out/bin/firewall-cmd" --state >/dev/null 2>&1 ||
    probe=$?
fi
if [ "$probe" -eq 2 ] && [ -z "${FWCTL_COMPAT_FORCE:-}" ]; then
  total=$("$suite" "${args[@]}" -l | grep -cE '^ +[0-9]+: ' || true)
  echo "compat $mode: 0 passed, $total failed, 0 skipped of $total cases (not run: \`firewall-cmd" \
    "--state\` is a usage error (exit 2) for $build/cli/fwctl, so no case gets past its start)"
  echo "PASSED 0"
  exit 0
fi

# The suite expects /usr/lib/firewalld to hold firewalld's package defaults only (case 188
# lists the zones), but other packages add theirs there: network-manager's nm-shared zone,
# libvirt's zone and policies. The run sees a copy of firewalld's own files in their place.
defaults=$out/usr-lib-firewalld
dpkg-query -L firewalld | grep '^/usr/lib/firewalld' | while read -r f; do
  copy=$defaults${f#/usr/lib/firewalld}
  if [ -d "$f" ]; then mkdir -p "$copy"; else cp "$f" "$copy"; fi
done

start=$(date +%s)
# The suite's exit status is 1 whenever a case fails: the count, not the status, is the verdict.
(cd "$out" && PATH="$out/bin:$PATH" unshare --mount --propagation private -- sh -c \
  'mkdir -p /run/netns && mount -t tmpfs fwctl-compat /run/netns &&
   mount --bind "$0" /usr/lib/firewalld && exec "$@"' "$defaults" \
  "$suite" -j"$jobs" PYTHON=/usr/bin/python3 "${args[@]}" > suite.out 2>&1) || true
elapsed=$(($(date +%s) - start))

"$(dirname "$0")/summarize.sh" "$out/suite.out" "$mode" "$elapsed"
