#!/usr/bin/env bash
# Issue 5: `fwctl --permanent` with no daemon edits the permanent files as fwctld does. Every
# line of offline_cases.txt runs once as `fwctl --permanent LINE` against a fresh fwctld
# (network namespace, private bus), and once, "fallback", as `fwctl --permanent LINE` while the
# bus is up but no fwctld owns the name (the automatic offline mode, on a fresh system tree);
# each line's stdout, stderr and exit code must match, and so must the two system trees, file
# by file (NAME.xml.old included).
#
# `fwctl --offline` is firewall-offline-cmd since issue 19, with its own semantics and texts:
# offline_cmd_compare.sh compares it with the real one.
#
#   offline_compare.sh FWCTLD FWCTL SOURCE_DIR [CASES]
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=$(readlink -f "${1:?usage: offline_compare.sh FWCTLD FWCTL SOURCE_DIR [CASES]}")
fwctl=$(readlink -f "${2:?}")
src=$(readlink -f "${3:?}")
cases=${4:-$src/tests/cli/offline_cases.txt}

. "$src/tests/cli/daemon_lib.sh"
require_root "network namespace, nftables"

work=$(mktemp -d /tmp/fwctl-cli-offline.XXXXXX)
trap harness_cleanup EXIT
start_bus

# The files the cases read (--new-*-from-file, --add-entries-from-file), relative to $work.
write_inputs() {
  cat > "$work/svcfile.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<service>
  <short>From a file</short>
  <description>A service read from a file.</description>
  <port protocol="tcp" port="7070"/>
  <port protocol="tcp" port="7070"/>
  <protocol value="gre"/>
</service>
XML
  cat > "$work/polfile.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<policy target="ACCEPT" priority="-5">
  <ingress-zone name="home"/>
  <egress-zone name="HOST"/>
  <service name="ssh"/>
  <rule family="ipv4"><source address="10.0.0.0/8"/><accept/></rule>
</policy>
XML
  cat > "$work/setfile.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<ipset type="hash:net">
  <option name="maxelem" value="100"/>
  <option name="family" value="inet"/>
  <entry>10.9.0.0/16</entry>
</ipset>
XML
  cat > "$work/zonefile.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<zone target="DROP">
  <short>Zone file</short>
  <service name="ssh"/>
  <port protocol="udp" port="5353"/>
  <forward/>
</zone>
XML
  printf '10.1.1.1\n# a comment\n10.1.1.2\n\n10.1.1.3\n' > "$work/entries.txt"
}

run_all() {  # run_all TAG OPTIONS...
  local tag=$1 n=0 line
  shift
  local -a use=("$@")
  mkdir -p "$work/out-$tag"
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    local -a argv
    eval "argv=($line)"
    local rc=0
    (cd "$work" && "$fwctl" "${use[@]}" "${argv[@]}") >"$work/out-$tag/$n.out" \
      2>"$work/out-$tag/$n.err" </dev/null || rc=$?
    echo "$rc" > "$work/out-$tag/$n.rc"
  done < "$cases"
  sed -i "s|$work/etc-$tag|@SYSTEM_CONFIG@|g" "$work/out-$tag"/*.out "$work/out-$tag"/*.err
}

write_inputs
start_daemon daemon
run_all daemon --permanent
stop_daemon
mkdir -p "$work/etc-fallback"
run_all fallback --permanent --default-config "$src" --system-config "$work/etc-fallback"

failures=0
for tag in fallback; do
  total=0
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    total=$((total + 1))
    same=yes
    for part in out err rc; do
      cmp -s "$work/out-daemon/$total.$part" "$work/out-$tag/$total.$part" || same=no
    done
    if [ "$same" = yes ]; then echo "equal ($tag): $line"; continue; fi
    failures=$((failures + 1))
    echo "DIFFERENT ($tag): $line"
    for part in out err rc; do
      diff -u --label "daemon.$part" --label "$tag.$part" \
        "$work/out-daemon/$total.$part" "$work/out-$tag/$total.$part" | sed 's/^/    /' || true
    done
  done < "$cases"

  # Equal because nothing worked on either side proves nothing: the cases write files.
  written=$(find "$work/etc-$tag" -type f | wc -l)
  if [ "$written" -eq 0 ]; then
    echo "FAIL: the $tag run wrote no file"
    failures=$((failures + 1))
  elif ! diff -r "$work/etc-daemon" "$work/etc-$tag"; then
    echo "FAIL: the system trees of the daemon and the $tag run differ"
    failures=$((failures + 1))
  else
    echo "the system trees of the daemon and the $tag run are identical: $written files"
  fi
done
echo "$failures differences"
[ "$failures" -eq 0 ]
