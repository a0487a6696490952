# Sourced by the test harnesses (fwctld_harness.sh, tests/clients/lib.sh): one check, its verdict
# printed, a failure counted in $failures (which the harness sets to 0 and reads at the end).
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") || true
    failures=$((failures + 1))
  fi
}
