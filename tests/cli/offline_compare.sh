#!/usr/bin/env bash
# Issue 5: `fwctl --offline` edits the permanent files as fwctld does. Every line of
# offline_cases.txt runs once as `fwctl --permanent LINE` against a fresh fwctld (network
# namespace, private bus) and once as `fwctl --offline LINE` on a fresh system tree; each line's
# stdout, stderr and exit code must match, and so must the two system trees, file by file
# (NAME.xml.old included).
#
#   offline_compare.sh FWCTLD FWCTL SOURCE_DIR [CASES]
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=$(readlink -f "${1:?usage: offline_compare.sh FWCTLD FWCTL SOURCE_DIR [CASES]}")
fwctl=$(readlink -f "${2:?}")
src=$(readlink -f "${3:?}")
cases=${4:-$src/tests/cli/offline_cases.txt}

[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespace, nftables)"; exit 77; }
for tool in dbus-daemon python3 ip timeout; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d /tmp/fwctl-cli-offline.XXXXXX)
. "$src/tests/cli/daemon_lib.sh"
trap cleanup EXIT
start_bus

run_all() {  # run_all TAG FWCTL-OPTIONS...
  local tag=$1 n=0 line
  shift
  mkdir -p "$work/out-$tag"
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    local -a argv
    eval "argv=($line)"
    local rc=0
    (cd "$work" && "$fwctl" "$@" "${argv[@]}") >"$work/out-$tag/$n.out" 2>"$work/out-$tag/$n.err" \
      </dev/null || rc=$?
    echo "$rc" > "$work/out-$tag/$n.rc"
  done < "$cases"
  sed -i "s|$work/etc-$tag|@SYSTEM_CONFIG@|g" "$work/out-$tag"/*.out "$work/out-$tag"/*.err
}

start_daemon daemon
run_all daemon --permanent
stop_daemon
mkdir -p "$work/etc-offline"
run_all offline --offline --default-config "$src" --system-config "$work/etc-offline"

total=0 failures=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  total=$((total + 1))
  same=yes
  for part in out err rc; do
    cmp -s "$work/out-daemon/$total.$part" "$work/out-offline/$total.$part" || same=no
  done
  if [ "$same" = yes ]; then echo "equal: $line"; continue; fi
  failures=$((failures + 1))
  echo "DIFFERENT: $line"
  for part in out err rc; do
    diff -u --label "daemon.$part" --label "offline.$part" \
      "$work/out-daemon/$total.$part" "$work/out-offline/$total.$part" | sed 's/^/    /' || true
  done
done < "$cases"
echo "$((total - failures)) of $total command lines compare equal"

# Equal because nothing worked on either side proves nothing: the cases write files.
written=$(find "$work/etc-offline" -type f | wc -l)
if [ "$written" -eq 0 ]; then
  echo "FAIL: the offline run wrote no file"
  failures=$((failures + 1))
elif ! diff -r "$work/etc-daemon" "$work/etc-offline"; then
  echo "FAIL: the system trees differ"
  failures=$((failures + 1))
else
  echo "the system trees are identical: $written files"
fi
[ "$failures" -eq 0 ]
