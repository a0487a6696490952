#!/usr/bin/env bash
# Runs Debian 12's clang-tidy-14 with the repository's .clang-tidy over every translation unit of
# a configured and built tree (compile_commands.json; the generated D-Bus glue must exist), and
# prints each finding once: file:line:col: the warning [check]. Exits 1 when there is one.
#
#   scripts/tidy.sh [--code-only] [BUILD_DIR]   (build/ unless given; FWCTL_TIDY_JOBS, default
#                                               nproc)
# --code-only: the translation units of daemon/ and cli/, not the tests' and benchmarks' (the unit
# tests' batches are the heaviest: gtest and gmock in each).
#
# The unity build's batches are translation units of their own (build/.../unity_N_cxx.cxx), so
# a header or a batched .cpp is analysed once per batch, not once per file: the header filter
# below names the repository's sources (through build/layer-include, the layers' include
# links, too) and leaves out the generated glue. docs/style.md says what it costs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dirs="daemon|cli|bench|tests|dbus|fuzz"
if [ "${1:-}" = --code-only ]; then
  dirs="daemon|cli"
  shift
fi
build=$(cd "${1:-$root/build}" && pwd)
jobs=${FWCTL_TIDY_JOBS:-$(nproc)}
command -v run-clang-tidy-14 >/dev/null ||
  { echo "tidy: clang-tidy-14 is missing (apt-get install clang-tidy-14)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] ||
  { echo "tidy: no $build/compile_commands.json: build first (scripts/build.sh)" >&2; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
sources="^$root/($dirs)/"
headers="^($root/(daemon|cli|bench|tests|dbus|fuzz)/|$build/layer-include/)"
rc=0
run-clang-tidy-14 -p "$build" -j "$jobs" -quiet -header-filter "$headers" \
  "$sources|^$build/($dirs)/.*/Unity/" >"$log" 2>&1 || rc=$?
# run-clang-tidy-14 always asks for colours: they go before the lines are read.
findings=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^/[^ ]+:[0-9]+:[0-9]+: (warning|error): ' |
             sed -e "s|^$build/layer-include/[^/]*/|daemon/|" -e "s|^$root/||" | sort -u || true)
if [ -n "$findings" ]; then
  echo "$findings"
  echo "tidy: $(grep -c . <<<"$findings") findings" >&2
  exit 1
fi
if [ $rc -ne 0 ]; then  # clang-tidy failed without a finding to show: a compile error, say
  tail -n 30 "$log" >&2
  exit 1
fi
echo "tidy: no finding"
