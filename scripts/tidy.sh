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
#
# Each unit's findings are cached, as ccache caches objects, in $FWCTL_TIDY_CACHE
# (~/.cache/fwctl-tidy unless set): the key is the tool's version, .clang-tidy, this script, the
# unit's command and the content of every file the unit read when it was last compiled (ninja's
# dependency log; a unit whose object is out of date is analysed afresh). Paths of the checkout
# and the build directory are left out of the key, so a clean clone in another place hits too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dirs="daemon|cli|bench|tests|dbus|fuzz"
if [ "${1:-}" = --code-only ]; then
  dirs="daemon|cli"
  shift
fi
build=$(cd "${1:-$root/build}" && pwd)
jobs=${FWCTL_TIDY_JOBS:-$(nproc)}
cache=${FWCTL_TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fwctl-tidy}
command -v clang-tidy-14 >/dev/null ||
  { echo "tidy: clang-tidy-14 is missing (apt-get install clang-tidy-14)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] ||
  { echo "tidy: no $build/compile_commands.json: build first (scripts/build.sh)" >&2; exit 1; }
mkdir -p "$cache"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
headers="^($root/(daemon|cli|bench|tests|dbus|fuzz)/|$build/layer-include/)"
# Every unit of $dirs: its file, its object and a hash of its command without the checkout's and
# the build directory's paths, one per line, tab-separated.
/usr/bin/python3 - "$root" "$build" "^($root/($dirs)/|$build/($dirs)/.*/Unity/)" \
  > "$work/units" <<'PY'
import hashlib, json, re, shlex, sys
root, build, pattern = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])
for entry in json.load(open(build + "/compile_commands.json")):
    if pattern.match(entry["file"]):
        args = shlex.split(entry["command"])
        command = entry["command"].replace(build, "@BUILD@").replace(root, "@ROOT@")
        digest = hashlib.sha256(command.encode()).hexdigest()
        print("\t".join([entry["file"], args[args.index("-o") + 1], digest]))
PY
{ clang-tidy-14 --version; cat "$root/.clang-tidy" "$0"; echo "$headers"; } |
  sed -e "s|$build|@BUILD@|g" -e "s|$root|@ROOT@|g" > "$work/common"

# tidy_unit FILE OBJECT COMMAND_HASH: the unit's findings (root-relative) into a file of
# $work/out, from the cache or from clang-tidy; a unit clang-tidy fails on without a finding is
# noted in $work/failed.
tidy_unit() {
  local file=$1 object=$2 command=$3 key="" out deps
  out=$work/out/$(basename "$object").$$.$RANDOM
  if deps=$(cd "$build" && ninja -t deps "$object") && head -1 <<<"$deps" | grep -q '(VALID)'; then
    key=$( { cat "$work/common"
             echo "$command"
             tail -n +2 <<<"$deps" | sed 's/^ *//' | grep . | (cd "$build" && xargs sha256sum)
           } | sed -e "s|$build|@BUILD@|g" -e "s|$root|@ROOT@|g" | sha256sum | cut -c1-40)
  fi
  if [ -n "$key" ] && [ -f "$cache/$key" ]; then
    cp "$cache/$key" "$out"
    return 0
  fi
  local log rc=0
  log=$(clang-tidy-14 -p "$build" --quiet --header-filter="$headers" "$file" 2>&1) || rc=$?
  sed 's/\x1b\[[0-9;]*m//g' <<<"$log" | grep -E '^/[^ ]+:[0-9]+:[0-9]+: (warning|error): ' |
    sed -e "s|^$build/layer-include/[^/]*/|daemon/|" -e "s|^$root/||" > "$out" || true
  if [ "$rc" -ne 0 ] && [ ! -s "$out" ]; then
    { echo "== $file"; tail -n 30 <<<"$log"; } >> "$work/failed"
    return 0
  fi
  if [ -n "$key" ]; then  # written whole or not at all: several runs may share the cache
    cp "$out" "$cache/$key.$$" && mv "$cache/$key.$$" "$cache/$key"
  fi
  return 0
}
export -f tidy_unit
export work build root cache headers
mkdir -p "$work/out"
tr '\t' '\n' < "$work/units" | xargs -d '\n' -n 3 -P "$jobs" bash -c 'tidy_unit "$1" "$2" "$3"' _

findings=$(cat "$work"/out/* 2>/dev/null | sort -u || true)
units=$(grep -c . "$work/units" || true)
if [ -n "$findings" ]; then
  echo "$findings"
  echo "tidy: $(grep -c . <<<"$findings") findings in $units units" >&2
  exit 1
fi
if [ -s "$work/failed" ]; then  # clang-tidy failed without a finding to show: a compile error
  cat "$work/failed" >&2
  exit 1
fi
echo "tidy: no finding ($units units)"
