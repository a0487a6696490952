#!/usr/bin/env bash
# Reads the suite's console output (one line per case: "NNN: name   ok | FAILED (file.at:line) |
# skipped (file.at:line)") and prints the counts and the failing cases, then "PASSED <n>" last.
#
#   tests/compat/summarize.sh SUITE-OUTPUT MODE SECONDS
set -euo pipefail
out=$1 mode=$2 seconds=$3

cases=$(grep -E '^ *[0-9]+: ' "$out" | sort -n || true)
count() { printf '%s\n' "$cases" | grep -cE "$1" || true; }
passed=$(count ' ok$')
failed=$(count ' FAILED \(')
skipped=$(count ' skipped \(')
total=$(printf '%s\n' "$cases" | grep -c . || true)

echo "compat $mode: $passed passed, $failed failed, $skipped skipped of $total cases ($seconds s)"
# A failed case's first telling line in the suite's log: the first error or difference the
# failing check printed.
log=$(dirname "$out")/testsuite.log
reason() {
  [ -f "$log" ] || return 0
  awk -v n="$1" '
    index($0, n ". ") == 1 && / testing / { inside = 1; next }
    !inside { next }
    index($0, n ". ") == 1 { exit }
    /^\+Error|^grep: |^\+[^+]|^-[^-]|exit code was|hard failure/ && !first { first = $0 }
    END { if (first != "") print first }' "$log" | head -n 1 | cut -c1-160
}
if [ "$failed" -gt 0 ]; then
  echo "failing (first failing check; why, from testsuite.log):"
  printf '%s\n' "$cases" | grep -E ' FAILED \(' |
    sed -E 's/^ *([0-9]+): +(.*[^ ]) +FAILED \((.*)\)$/\1|\2|\3/' |
    while IFS='|' read -r n name at; do
      echo "  $n $name ($at): $(reason "$n")"
    done
fi
if [ "$skipped" -gt 0 ]; then
  echo "skipped by the suite:"
  printf '%s\n' "$cases" | grep -E ' skipped \(' |
    sed -E 's/^ *([0-9]+): +(.*[^ ]) +skipped \((.*)\)$/  \1 \2 (\3)/'
fi
echo "PASSED $passed"
