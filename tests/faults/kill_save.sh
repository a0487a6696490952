#!/usr/bin/env bash
# Issue 14, fault injection: fwctld killed with SIGKILL at every step of a save. strace, attached
# to the running daemon, sends SIGKILL at the Nth call of one system call among those touching
# the zone file, its temporary, its .old copy or their directory; a permanent change is made;
# the daemon dies at that step. Then: the zone file is byte for byte the old or the new one
# (never missing, never a mix), and fwctld's store (through `fwctl --offline`, the same reader
# a starting fwctld uses) reads whatever was left as that version.
# Every (call, N) of a save is one run, until N passes the calls one save makes.
#
#   kill_save.sh FWCTLD SOURCE_DIR FWCTL     (exits 77, skipped, without root or a tool)
fwctl=${3:?usage: kill_save.sh FWCTLD SOURCE_DIR FWCTL}
source "$(dirname "$0")/../integration/daemon_lib.sh" "$1" "$2"
command -v strace >/dev/null || { echo "SKIP: strace is not installed"; exit 77; }

zones=$work/etc/zones
zone=$zones/public.xml
daemon_start
fwcmd --permanent --add-port=1/tcp >/dev/null
cp "$zone" "$work/old.xml"

# strace on fwctld, filtered to the save's paths; returns once it is attached.
trace() {  # trace OUT [STRACE OPTION...]
  local out=$1
  shift
  strace -f -o "$out" -P "$zone" -P "$zone.tmp" -P "$zone.old" -P "$zones" "$@" \
    -p "$daemon_pid" 2>"$out.err" &
  strace_pid=$!
  for _ in $(seq 200); do grep -q attached "$out.err" && return 0; sleep 0.05; done
  echo "FAIL: strace did not attach"; cat "$out.err"; exit 1
}
untrace() { kill "$strace_pid" 2>/dev/null || true; wait "$strace_pid" 2>/dev/null || true; }
reset_files() { cp "$work/old.xml" "$zone"; rm -f "$zone.tmp" "$zone.old"; }

# One save, traced: the new file and the calls it makes.
trace "$work/save.trace"
fwcmd --permanent --add-port=2/tcp >/dev/null
untrace
cp "$zone" "$work/new.xml"
calls=$(grep -oE '^[0-9]+ +[a-z0-9_]+\(' "$work/save.trace" | sed -E 's/^[0-9]+ +//; s/\($//')
echo "one save makes these calls on its paths:" $calls
check "the save writes a temporary, syncs it and renames it over the file" "yes" \
  "$(grep -q 'public.xml.tmp", O_WRONLY|O_CREAT|O_EXCL' "$work/save.trace" &&
     grep -q '^[0-9]* *fsync(' "$work/save.trace" &&
     grep -qE 'rename(at2?)?\(.*public.xml.tmp", .*public.xml"' "$work/save.trace" && echo yes)"
daemon_stop
reset_files

runs=0 old=0 new=0
for call in $(tr ' ' '\n' <<<"$calls" | sort -u); do
  count=$(grep -cx "$call" <<<"$(tr ' ' '\n' <<<"$calls")")
  for n in $(seq "$count"); do
    runs=$((runs + 1))
    daemon_start
    trace "$work/run$runs.trace" -e "inject=$call:signal=KILL:when=$n"
    fwcmd --permanent --add-port=2/tcp >/dev/null 2>&1 || true
    wait "$daemon_pid" && rc=0 || rc=$?
    daemon_pid=""
    untrace
    check "killed at $call #$n" "137" "$rc"
    if cmp -s "$zone" "$work/old.xml"; then old=$((old + 1)); found=old
    elif cmp -s "$zone" "$work/new.xml"; then new=$((new + 1)); found=new
    else found="neither"; cat "$zone" 2>&1 || true; fi
    check "killed at $call #$n: the file is the old or the new one" "yes" \
      "$([ "$found" != neither ] && echo yes)"
    want=$([ "$found" = new ] && echo "1/tcp 2/tcp" || echo "1/tcp")
    check "killed at $call #$n: the store reads the file ($found)" "$want" \
      "$("$fwctl" --offline --default-config "$src" --system-config "$work/etc" --list-ports \
           2>/dev/null)"
    reset_files
  done
done
echo "$runs runs: $old left the old file, $new the new one"
check "some runs left the old file and some the new one" "yes" \
  "$([ "$old" -gt 0 ] && [ "$new" -gt 0 ] && echo yes)"
finish
