#!/usr/bin/env bash
# Runs a libFuzzer target of fuzz/ for SECONDS (README, "Reliability").
#
#   scripts/fuzz.sh TARGET SECONDS     fuzz_xml, fuzz_rich_rule, fuzz_cli_args, fuzz_settings,
#                                      fuzz_ruleset (root: it loads rulesets into a namespace)
#   scripts/fuzz.sh all SECONDS        each target in turn, SECONDS each
#   scripts/fuzz.sh ci                 each target for a fixed number of runs from a fixed seed
#                                      and a fresh corpus (what scripts/test.sh runs): bounded
#                                      by work, not time, so a slow CI machine explores about
#                                      what a run here did (libFuzzer is not fully
#                                      deterministic even so); longer runs belong to the others
#
# Builds the target in build-asan/ (clang, ASan + UBSan, -DFWD_FUZZ=ON; $FWCTL_BUILD_DIR
# elsewhere) unless FWCTL_FUZZ_NOBUILD=1, seeds its corpus from the repository (shipped defaults,
# firewalld's broken trees, the command lines and rich rules of tests/cli/cases.txt), and keeps
# the corpus in BUILD/fuzz/corpus/TARGET between runs. A crash leaves its input in
# BUILD/fuzz/crashes/TARGET/ and fails the run; copy the input to fuzz/regressions/TARGET/ when
# the bug is fixed, and ctest runs it from then on. Prints one line per target: runs, corpus
# size, result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FWCTL_BUILD_DIR:-$root/build-asan}
targets=(fuzz_xml fuzz_rich_rule fuzz_cli_args fuzz_settings fuzz_ruleset)
# Runs per target in ci mode: 5 to 15 s each on this 2-core machine under the load of a build.
declare -A ci_runs=([fuzz_xml]=8000 [fuzz_rich_rule]=30000 [fuzz_cli_args]=2500
                    [fuzz_settings]=20000 [fuzz_ruleset]=600)
if [ "${1:-}" = ci ] && [ $# -eq 1 ]; then
  what=ci seconds=120  # a cap only: a slow machine stops early and finds less, never more
else
  [ $# -eq 2 ] || { sed -n '4,11s/^# *//p' "$0" >&2; exit 2; }
  what=$1 seconds=$2
  [ "$what" = all ] || targets=("$what")
fi

if [ "${FWCTL_FUZZ_NOBUILD:-}" != 1 ]; then
  CC=clang-14 CXX=clang++-14 FWCTL_BUILD_DIR=$build FWCTL_TARGETS="${targets[*]}" \
    "$root/scripts/build.sh" -DFWD_CHECK_FLAGS=-O0 -DFWD_SANITIZE=ON -DFWD_FUZZ=ON >/dev/null
fi

# seed_xml DIR: the shipped files and the broken trees, each prefixed by its reader's selector.
seed_xml() {
  local dir=$1 kind sel f n=0
  for kind in zones:0 services:1 policies:2 ipsets:3 icmptypes:4 helpers:5; do
    sel=${kind#*:}
    for f in "$root/${kind%:*}"/*.xml "$root"/tests/data/broken/*/"${kind%:*}"/*.xml; do
      [ -f "$f" ] || continue
      { printf "\\$(printf %03o "$sel")"; cat "$f"; } > "$dir/seed-$((n += 1))"
    done
  done
  for f in "$root"/tests/data/broken/*/direct.xml; do
    [ -f "$f" ] && { printf '\006'; cat "$f"; } > "$dir/seed-$((n += 1))"
  done
  for f in "$root"/tests/data/broken/*/lockdown-whitelist.xml; do
    [ -f "$f" ] && { printf '\007'; cat "$f"; } > "$dir/seed-$((n += 1))"
  done
  for f in "$root"/tests/data/broken/*/firewalld.conf; do
    [ -f "$f" ] && { printf '\010'; cat "$f"; } > "$dir/seed-$((n += 1))"
  done
}
# seed_zones DIR: the shipped zones and the goldens' zones, as they are.
seed_zones() {
  local n=0 f
  for f in "$root"/zones/*.xml "$root"/tests/golden/*.etc/zones/*.xml; do
    [ -f "$f" ] && cp "$f" "$1/seed-$((n += 1))"
  done
}
# seed_lines DIR CMD: one seed per command line of cases.txt, as CMD makes it from its words.
seed_lines() {
  local dir=$1 make=$2 n=0 line
  set +u  # the lines name $src and the like: left empty
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    eval "set -- ${line#!}" 2>/dev/null || continue
    "$make" "$@" > "$dir/seed-$((n += 1))"
  done < "$root/tests/cli/cases.txt"
}
args_nul() {
  [ $# -gt 0 ] || return 0
  printf '%s' "$1"
  shift
  [ $# -eq 0 ] || printf '\0%s' "$@"
}
rich_rules() {
  local a
  for a in "$@"; do
    case $a in
      --add-rich-rule=* | --remove-rich-rule=* | --query-rich-rule=*) printf '%s' "${a#*=}" ;;
    esac
  done
}

status=0
for target in "${targets[@]}"; do
  corpus=$build/fuzz/corpus/$target crashes=$build/fuzz/crashes/$target
  limits=(-max_total_time="$seconds")
  if [ "$what" = ci ]; then
    corpus=$build/fuzz/ci-corpus/$target
    rm -rf "$corpus"
    limits+=(-runs="${ci_runs[$target]}" -seed=1)
  fi
  mkdir -p "$corpus" "$crashes"
  seeds=$(mktemp -d)
  for f in "$root/fuzz/regressions/$target"/*; do [ -f "$f" ] && cp "$f" "$seeds/"; done
  case $target in
    fuzz_xml) seed_xml "$seeds" ;;
    fuzz_ruleset) seed_zones "$seeds" ;;
    fuzz_cli_args) (seed_lines "$seeds" args_nul) ;;
    fuzz_rich_rule) (seed_lines "$seeds" rich_rules); find "$seeds" -empty -delete ;;
  esac
  rc=0 started=$SECONDS
  # libFuzzer's own exit code for a crash is 77, which means "skipped" here: make it 1.
  "$build/fuzz/$target" "${limits[@]}" -max_len=8192 -timeout=10 \
    -error_exitcode=1 -timeout_exitcode=1 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$seeds" \
    > "$build/fuzz/$target.log" 2>&1 || rc=$?
  rm -rf "$seeds"
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$build/fuzz/$target.log")
  if [ "$rc" -eq 77 ]; then
    echo "$target: skipped ($(tail -n 1 "$build/fuzz/$target.log"))"
  elif [ "$rc" -eq 0 ]; then
    echo "$target: ${runs:-?} runs in $((SECONDS - started)) s," \
      "corpus $(ls "$corpus" | wc -l) inputs, no crash"
  else
    echo "$target: CRASH after ${runs:-?} runs (exit $rc);" \
      "input in $crashes/, log $build/fuzz/$target.log"
    grep -m1 -A15 "ERROR: \|==ERROR\|runtime error\|abort" "$build/fuzz/$target.log" || true
    status=1
  fi
done
exit $status
