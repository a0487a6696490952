#!/usr/bin/env bash
# Issue 14, fault injection: the disk is full, then read-only, during permanent changes. The
# configuration directory is a 256 KiB tmpfs in the test's own mount namespace. Each refused
# change: an error naming the file and the cause, the old file intact and no temporary file
# left, the permanent configuration fwctld serves unchanged, the runtime untouched.
#
#   disk.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
if [ -z "${FWCTL_FAULTS_UNSHARED:-}" ] && [ "$(id -u)" = 0 ]; then
  FWCTL_FAULTS_UNSHARED=1 exec unshare --mount --propagation private "$0" "$@"
fi
source "$(dirname "$0")/../integration/daemon_lib.sh" "$@"
mount -t tmpfs -o size=256k,mode=0755 fwctl-faults "$work/etc"
trap 'umount -l "$work/etc" 2>/dev/null || true; harness_cleanup' EXIT
daemon_start

zone=$work/etc/zones/public.xml
listing() { (cd "$work/etc" && find . -type f ! -name filler | sort); }
fwcmd --permanent --add-port=1/tcp >/dev/null
fwcmd --permanent --new-zone=keep >/dev/null
before=$(cat "$zone")
files_before=$(listing)
check "the zone file and its directory" "./zones/keep.xml
./zones/public.xml" "$files_before"

zones() { fwcmd --permanent --get-zones | tr ' ' '\n' | grep -x -e keep -e extra | tr '\n' ' '; }
refused() {  # refused WHAT ERROR: each kind of permanent change refused, the first with ERROR
  local what=$1 error=$2
  check "$what: a zone change refused" "Error: COMMAND_FAILED: $error
rc=13" "$(fwcmd_rc --permanent --add-port=2/tcp)"
  check "$what: a new zone refused" "rc=13" "$(fwcmd_rc --permanent --new-zone=extra | tail -n1)"
  check "$what: a new default zone (firewalld.conf) refused" "rc=13" \
    "$(fwcmd_rc --set-default-zone=work | tail -n1)"
  check "$what: the default zone stays, at runtime too" "public" "$(fwcmd --get-default-zone)"
  check "$what: the old file intact" "$before" "$(cat "$zone")"
  check "$what: no file added or removed, no temporary left" "$files_before" "$(listing)"
  check "$what: the permanent configuration served is unchanged" "1/tcp" \
    "$(fwcmd --permanent --list-ports)"
  check "$what: the zones served are unchanged" "keep " "$(zones)"
  check "$what: a runtime change still works" "success" "$(fwcmd --add-port=3/tcp)"
  fwcmd --remove-port=3/tcp >/dev/null
}

# Disk full: a filler takes every block left.
dd if=/dev/zero of="$work/etc/filler" bs=4k 2>/dev/null || true
refused "disk full" "cannot write '$zone.tmp': No space left on device"
rm "$work/etc/filler"
check "space again: the change is made" "success" "$(fwcmd --permanent --add-port=2/tcp)"
check "space again: the file has it" "yes" "$(grep -q 'port="2"' "$zone" && echo yes)"
fwcmd --permanent --remove-port=2/tcp >/dev/null
before=$(cat "$zone")
files_before=$(listing)

# Read-only: the superblock, so fwctld's mount namespace (ip netns exec made one) sees it too.
mount -o remount,ro "$work/etc"
refused "read-only" "cannot create '$zone.tmp': Read-only file system"
check "read-only: a zone's removal refused" "rc=13" \
  "$(fwcmd_rc --permanent --delete-zone=keep | tail -n1)"
check "read-only: the zone stays, file and all" "keep $files_before" "$(zones)$(listing)"
mount -o remount,rw "$work/etc"
check "writable again: the change is made" "success" "$(fwcmd --permanent --add-port=2/tcp)"

daemon_stop
finish
