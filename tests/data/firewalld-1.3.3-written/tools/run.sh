#!/usr/bin/env bash
# Regenerate the firewalld-1.3.3-written reference files.
# Usage: run.sh OUTDIR   (needs root, Debian firewalld 1.3.3, tests/tools/fw-sandbox)
# Starts sandbox "ref", replays commands.txt line by line (each line is eval'ed behind
# "fw-sandbox exec ref"), logs every command with its exit code and output to
# OUTDIR/run-logs/commands.log, copies the files the daemon wrote (without *.old backups) to
# OUTDIR/<kind>/, stops the sandbox.
set -u
export LC_ALL=C.UTF-8
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: run.sh OUTDIR}
SB=$(cd "$(dirname "$0")/../../.." && pwd)/tools/fw-sandbox
mkdir -p "$out"
"$SB" start ref firewalld || exit 1
mkdir -p "$out/run-logs"; log="$out/run-logs/commands.log"; : > "$log"
while IFS= read -r line; do
  case $line in ''|'#'*) echo "$line" >> "$log"; continue;; esac
  res=$(eval "$SB exec ref $line" 2>&1); rc=$?
  printf '$ %s\n[rc=%d] %s\n' "$line" "$rc" "$res" >> "$log"
done < "$here/commands.txt"
sleep 1
for k in zones services policies ipsets icmptypes helpers; do
  mkdir -p "$out/$k"
  for f in /run/fw-sandbox/ref/etc/$k/*.xml; do [ -e "$f" ] && cp -p "$f" "$out/$k/"; done
done
cp -p /run/fw-sandbox/ref/etc/firewalld.conf "$out/firewalld.conf"
ls -laR /run/fw-sandbox/ref/etc > "$out/run-logs/etc-listing.txt"
cp /run/fw-sandbox/ref/daemon.log "$out/run-logs/daemon.log"
"$SB" stop ref
