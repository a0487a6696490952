#!/usr/bin/env bash
# Regenerates a golden file from firewalld 1.3.3 itself (see README.md).
#   capture.sh NAME   reads tests/golden/NAME.etc/ (a firewalld --system-config tree), starts
#                     firewalld in a throwaway sandbox, copies the tree in, reloads, and writes
#                     `nft list ruleset` to tests/golden/NAME.nft. FW_SANDBOX_NAME names the
#                     sandbox (default cmp-golden-PID).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=${1:?usage: capture.sh NAME}
sandbox=${FW_SANDBOX:-$here/../tools/fw-sandbox}
box=${FW_SANDBOX_NAME:-cmp-golden-$$}
"$sandbox" start "$box" firewalld >/dev/null
trap '"$sandbox" stop "$box"' EXIT
if [ -d "$here/$name.etc" ]; then
  cp -r "$here/$name.etc/." "/run/fw-sandbox/$box/etc/"
fi
"$sandbox" exec "$box" firewall-cmd --reload >/dev/null
state=$("$sandbox" exec "$box" firewall-cmd --state 2>&1 || true)
[ "$state" = running ] || { echo "firewalld state after reload: $state" >&2; exit 1; }
# firewalld keeps running when it rejects part of the configuration; it only logs an ERROR.
if grep -E 'ERROR|WARNING' "/run/fw-sandbox/$box/daemon.log" >&2; then
  echo "firewalld complained about $name.etc (above)" >&2; exit 1
fi
"$sandbox" exec "$box" nft list ruleset > "$here/$name.nft"
echo "wrote $here/$name.nft"
