#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (README, "The test loop"):
#
#   deps     scripts/install-deps.sh --test
#   style    scripts/check-style.sh (seconds; a failure fails the run but stops nothing)
#   build    build/ in build type Check with g++, the compiler Debian builds with
#   then three lanes at once, each with its own log in build/test-logs/:
#   ctest    every test of build/: unit, integration (namespaces, real packets, private buses),
#            the comparisons with firewall-cmd
#   compat   firewalld's own test suite against fwctld, with Debian's firewall-cmd and with fwctl
#            (tests/compat/check.sh; both modes at once)
#   asan     build-asan/ with clang, ASan and UBSan at -O0 (clang builds that twice as fast as
#            g++ at -O1), niced so that it takes the CPU the tests leave; then its unit tests,
#            then each libFuzzer target of fuzz/ for a fixed number of runs from a fixed seed
#            (scripts/fuzz.sh ci); then, niced too, clang-tidy over daemon/ and cli/
#            (scripts/tidy.sh --code-only: about 260 s of CPU, seconds for the units its cache
#            holds)
#
# Prints each step's duration as it ends and a table of them at the end; exits 1 when a step
# failed. Root runs everything; without root the tests that need it are skipped.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
logs=$root/build/test-logs
start=$SECONDS
declare -A took=() result=()
steps=()

say() {
  local t=$((SECONDS - start))
  printf '[test.sh %3d:%02d] %s\n' $((t / 60)) $((t % 60)) "$*"
}

# step NAME CMD...: runs CMD with its output in $logs/NAME.log and records how long it took.
step() {
  local name=$1 t0=$SECONDS rc=0
  shift
  "$@" > "$logs/$name.log" 2>&1 || rc=$?
  echo "$rc $((SECONDS - t0))" > "$logs/$name.status"
  say "$name: $( [ "$rc" -eq 0 ] && echo passed || echo "FAILED (exit $rc)") in $((SECONDS - t0)) s"
  return "$rc"
}

collect() {  # collect NAME: prints the step's log and records its outcome
  local rc secs
  read -r rc secs < "$logs/$1.status" || { rc=1 secs=0; }
  echo "===== $1 ($secs s, exit $rc) ====="
  cat "$logs/$1.log"
  steps+=("$1") took[$1]=$secs result[$1]=$rc
}

ctest_lane() {
  cd "$root/build" && ctest --output-on-failure -j"$(nproc)"
}
compat_lane() {
  # 77: skipped without root.
  FWCTL_BUILD_DIR=$root/build "$root/tests/compat/check.sh" python fwctl || [ $? -eq 77 ]
}
asan_build() {
  # What `ctest -L unit` runs: the unit tests, the D-Bus glue test, and what the install tests
  # install.
  CC=clang-14 CXX=clang++-14 FWCTL_BUILD_DIR=$root/build-asan \
    FWCTL_TARGETS="fwctl_unit_tests fwctl_dbus_glue_test fwctld fwctl fwctl_man $fuzz_targets" \
    nice -n 19 "$root/scripts/build.sh" \
    -DCMAKE_BUILD_TYPE=Check -DFWD_CHECK_FLAGS=-O0 -DFWD_SANITIZE=ON -DFWD_BUILD_BENCH=OFF \
    -DFWD_UNIT_TEST_SHARDS=4 -DFWD_FUZZ=ON
}
fuzz_targets="fuzz_xml fuzz_rich_rule fuzz_cli_args fuzz_settings fuzz_ruleset"
fuzz_lane() {
  FWCTL_FUZZ_NOBUILD=1 FWCTL_BUILD_DIR=$root/build-asan \
    "$root/scripts/fuzz.sh" ci
}
asan_unit() {
  cd "$root/build-asan" && ctest --output-on-failure -j"$(nproc)" -L unit
}
tidy_lane() {
  nice -n 19 "$root/scripts/tidy.sh" --code-only "$root/build"
}

mkdir -p "$logs"
rm -f "$logs"/*.log "$logs"/*.status
say "logs in $logs"
step deps "$root/scripts/install-deps.sh" --test &&
  { step style "$root/scripts/check-style.sh" || true; }
if [ -f "$logs/style.status" ] &&
   step build env FWCTL_BUILD_DIR="$root/build" "$root/scripts/build.sh" \
     -DCMAKE_BUILD_TYPE=Check; then
  step ctest ctest_lane &
  lanes=($!)
  step compat compat_lane &
  lanes+=($!)
  (step asan-build asan_build && step asan-unit asan_unit && step fuzz fuzz_lane
   step tidy tidy_lane) &
  lanes+=($!)
  wait "${lanes[@]}"
fi

for name in deps style build ctest compat asan-build asan-unit fuzz tidy; do
  [ -f "$logs/$name.status" ] && collect "$name"
done
# CI shows the end of this output: repeat the end of each failed step's log just above the table.
for name in "${steps[@]}"; do
  [ "${result[$name]}" -eq 0 ] && continue
  echo "===== $name FAILED: the last 40 lines of $logs/$name.log ====="
  tail -n 40 "$logs/$name.log"
done
status=0
echo "===== summary ====="
for name in "${steps[@]}"; do
  printf '%-11s %5d s  %s\n' "$name" "${took[$name]}" \
    "$( [ "${result[$name]}" -eq 0 ] && echo passed || echo "FAILED (exit ${result[$name]})")"
  [ "${result[$name]}" -eq 0 ] || status=1
done
[ ${#steps[@]} -eq 9 ] || { echo "not every step ran"; status=1; }
verdict=FAILED
[ $status -ne 0 ] || verdict=passed
printf '%-11s %5d s  %s\n' total $((SECONDS - start)) "$verdict"
exit $status
