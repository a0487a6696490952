#!/usr/bin/env bash
# Runs firewalld's test suite in each MODE given (python, fwctl) and fails when a mode's pass count
# is below its floor in tests/compat/floors. Exits 77 (skipped) without root.
#
#   tests/compat/check.sh python fwctl
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
status=0
for mode in "$@"; do
  floor=$(awk -v m="$mode" '$1 == m { print $2 }' "$here/floors")
  [ -n "$floor" ] || { echo "compat: no floor for mode '$mode' in $here/floors" >&2; exit 1; }
  rc=0
  report=$("$here/run.sh" "$mode") || rc=$?
  [ "$rc" -ne 77 ] || exit 77
  printf '%s\n' "$report"
  [ "$rc" -eq 0 ] || { echo "compat $mode: the harness failed (exit $rc)" >&2; exit 1; }
  passed=$(printf '%s\n' "$report" | awk '$1 == "PASSED" { print $2 }')
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
