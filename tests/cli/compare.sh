#!/usr/bin/env bash
# Issue 5: every command line of cases.txt through Debian's python firewall-cmd and through
# fwctl (installed under the name firewall-cmd, as firewalld's own test suite runs it), each
# against a fresh fwctld in a network namespace of its own on a private system bus. The two
# runs start from the same state and run the same lines in the same order, so each line's
# stdout, stderr and exit code must be identical.
#
#   compare.sh FWCTLD FWCTL SOURCE_DIR [CASES]
#
# Lines starting with '!' are known differences (the reason is in the comment above them):
# they are run and reported but do not fail the test. Prints how many lines compare equal.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: compare.sh FWCTLD FWCTL SOURCE_DIR [CASES]}
fwctl=${2:?}
src=${3:?}
cases=${4:-$src/tests/cli/cases.txt}

. "$src/tests/cli/daemon_lib.sh"
require_root "network namespace, nftables" /usr/bin/firewall-cmd

work=$(mktemp -d /tmp/fwctl-cli-compare.XXXXXX)
trap harness_cleanup EXIT
start_bus

# fwctl under firewall-cmd's name: argparse's messages carry the program name.
mkdir -p "$work/fwctl-bin"
ln -s "$(readlink -f "$fwctl")" "$work/fwctl-bin/firewall-cmd"

# Runs every case with CLIENT, one output directory per case number.
run_all() {  # run_all TAG CLIENT
  local tag=$1 client=$2 n=0 line
  mkdir -p "$work/out-$tag"
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    line=${line#!}
    local -a argv
    eval "argv=($line)"
    local rc=0
    (cd "$work" && "$client" "${argv[@]}") \
      >"$work/out-$tag/$n.out" 2>"$work/out-$tag/$n.err" </dev/null || rc=$?
    echo "$rc" > "$work/out-$tag/$n.rc"
  done < "$cases"
  # Each daemon has a system config directory of its own: paths in it compare by their tail.
  sed -i "s|$work/etc-$tag|@SYSTEM_CONFIG@|g" "$work/out-$tag"/*.out "$work/out-$tag"/*.err
}

start_daemon ref
run_all ref /usr/bin/firewall-cmd
stop_daemon
start_daemon fwctl
run_all fwctl "$work/fwctl-bin/firewall-cmd"
stop_daemon

total=0 equal=0 failures=0 known=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  total=$((total + 1))
  n=$total
  same=yes
  for part in out err rc; do
    cmp -s "$work/out-ref/$n.$part" "$work/out-fwctl/$n.$part" || same=no
  done
  if [ "$same" = yes ]; then
    equal=$((equal + 1)); echo "equal: ${line#!}"
    continue
  fi
  if [ "${line:0:1}" = '!' ]; then
    known=$((known + 1)); echo "known difference: ${line#!}"
  else
    failures=$((failures + 1)); echo "DIFFERENT: $line"
  fi
  for part in out err rc; do
    diff -u --label "firewall-cmd.$part" --label "fwctl.$part" \
      "$work/out-ref/$n.$part" "$work/out-fwctl/$n.$part" | sed 's/^/    /' || true
  done
done < "$cases"

echo "$equal of $total command lines compare equal ($known known differences, $failures unexpected)"
[ "$failures" -eq 0 ]
