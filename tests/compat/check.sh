#!/usr/bin/env bash
# Runs firewalld's test suite in each MODE given (python, fwctl), all modes at once (each run has
# its own mount namespace, see run.sh), and fails when a mode's pass count is below its floor in
# tests/compat/floors. Exits 77 (skipped) without root.
#
#   tests/compat/check.sh python fwctl
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "compat: needs root (the suite creates network namespaces)" >&2; exit 77; }
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT

for mode in "$@"; do
  floor=$(awk -v m="$mode" '$1 == m { print $2 }' "$here/floors")
  [ -n "$floor" ] || { echo "compat: no floor for mode '$mode' in $here/floors" >&2; exit 1; }
done
pids=()
for mode in "$@"; do
  ("$here/run.sh" "$mode" > "$reports/$mode" 2>&1; echo $? > "$reports/$mode.rc") &
  pids+=($!)
done
wait "${pids[@]}"

status=0
for mode in "$@"; do
  floor=$(awk -v m="$mode" '$1 == m { print $2 }' "$here/floors")
  rc=$(cat "$reports/$mode.rc")
  cat "$reports/$mode"
  [ "$rc" -eq 0 ] || { echo "compat $mode: the harness failed (exit $rc)" >&2; status=1; continue; }
  passed=$(awk '$1 == "PASSED" { print $2 }' "$reports/$mode")
  if [ -z "$passed" ] || [ "$passed" -lt "$floor" ]; then
    echo "compat $mode: FAIL, ${passed:-no} passing cases, below the floor of $floor" >&2
    status=1
  elif [ "$passed" -gt "$floor" ]; then
    echo "compat $mode: $passed passing cases, above the floor of $floor: raise it in tests/compat/floors"
  else
    echo "compat $mode: $passed passing cases, at the floor"
  fi
done
exit $status
