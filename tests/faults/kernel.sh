#!/usr/bin/env bash
# Issue 14, fault injection: the kernel under fwctld's feet.
#  - The kernel refuses a change: another program re-created `table inet firewalld` with the
#    owner flag (kernel >= 5.12), so only its socket may touch it. The caller gets
#    COMMAND_FAILED; the runtime state, the kernel's table and the files stay as they were.
#  - `nft flush ruleset` by another program: the next change notices the table is gone and
#    loads it whole (docs/differences.md; firewalld fails every change until a reload).
#  - An interface disappears while bound: its binding stays, as firewalld's, and changes go on.
#
#   kernel.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/../integration/daemon_lib.sh" "$@"
daemon_start

nftns() { ip netns exec "$ns" nft "$@"; }
# yes when nft's listing (of NFT-LIST-ARGS) has PATTERN. grep reads the listing from a string: in
# a pipe it would stop reading early, nft would die of SIGPIPE and pipefail turn a match to "no".
listed() {  # listed PATTERN NFT-LIST-ARGS...
  local pattern=$1
  shift
  grep -q -- "$pattern" <<<"$(nftns list "$@")" && echo yes || echo no
}
allow=(chain inet firewalld filter_IN_public_allow)
tree() { (cd "$work/etc" && find . -type f | sort | xargs -r sha1sum); }
fwcmd --add-port=8081/tcp >/dev/null

# --- The kernel refuses: an owned table in fwctld's place, held by an nft session of ours.
table_before=$(nftns list table inet firewalld)
mkfifo "$work/nft.in"; : > "$work/nft.out"
ip netns exec "$ns" nft -i < "$work/nft.in" > "$work/nft.out" 2>&1 &
nft_pid=$!
exec 8>"$work/nft.in"
printf 'delete table inet firewalld\nadd table inet firewalld { flags owner; }\nlist tables\n' >&8
for _ in $(seq 100); do grep -q "table inet firewalld" "$work/nft.out" && break; sleep 0.1; done
owned=$(nftns list table inet firewalld)
check "the table is another program's now" "yes" "$(grep -q 'flags owner' <<<"$owned" && echo yes)"
files_before=$(tree)
check "a refused change: COMMAND_FAILED, the kernel's words" \
  "Error: COMMAND_FAILED: chain 'filter_IN_public_allow' rule 4: tcp dport 8082 accept: \
Operation not permitted
rc=13" "$(fwcmd_rc --add-port=8082/tcp)"
check "refused: the runtime state is unchanged" "8081/tcp" "$(fwcmd --list-ports)"
check "refused: the kernel's table is unchanged" "$owned" "$(nftns list table inet firewalld)"
check "refused: no file changed" "$files_before" "$(tree)"
check "refused: a permanent change still works (files only)" "success" \
  "$(fwcmd --permanent --add-port=8083/tcp)"
check "refused: a reload is refused too, and says so" "rc=13" \
  "$(fwcmd_rc --reload | tail -n1)"
check "refused reload: still running on the old state" "8081/tcp" "$(fwcmd --list-ports)"

# --- The session ends: the kernel drops the owned table, as `nft flush ruleset` would.
exec 8>&-
wait "$nft_pid" || true
check "the table is gone" "" "$(nftns list tables)"
check "the next change restores the table and makes the change" "success" \
  "$(fwcmd --add-port=8084/tcp)"
check "restored: the runtime state" "8081/tcp 8084/tcp" "$(fwcmd --list-ports)"
check "restored: the kernel has the change" "yes" \
  "$(listed 'tcp dport 8084 accept' "${allow[@]}")"
check "restored: and the earlier runtime change" "yes" \
  "$(listed 'tcp dport 8081 accept' "${allow[@]}")"
check "undo the restoring change: the table is the one before the fault" "success" \
  "$(fwcmd --remove-port=8084/tcp)"
check "restored table equals the one before the fault" "$table_before" \
  "$(nftns list table inet firewalld)"

# --- `nft flush ruleset` itself, then a change that removes (a delta of deletes only).
nftns flush ruleset
check "after nft flush ruleset: a removal is made" "success" "$(fwcmd --remove-port=8081/tcp)"
check "after nft flush ruleset: the table is back without the port" "no" \
  "$(listed 'dport 8081' "${allow[@]}")"
check "after nft flush ruleset: a reload works" "success" "$(fwcmd --reload)"
check "the permanent change of the refused phase is loaded" "8083/tcp" "$(fwcmd --list-ports)"

# --- An interface disappears while bound.
ip -n "$ns" link add fwt0 type veth peer name fwt1
check "bind fwt0 to internal" "success" "$(fwcmd --zone=internal --add-interface=fwt0)"
ip -n "$ns" link del fwt0
check "gone: the binding stays (firewalld keeps it too)" "internal" \
  "$(fwcmd --get-zone-of-interface=fwt0)"
check "gone: a change to its zone goes on" "success" "$(fwcmd --zone=internal --add-port=9999/tcp)"
check "gone: the kernel still dispatches the name" "yes" \
  "$(listed 'iifname "fwt0"' chain inet firewalld filter_INPUT_ZONES)"
check "gone: it can be unbound" "success" "$(fwcmd --zone=internal --remove-interface=fwt0)"
check "gone: and no rule names it" "no" \
  "$(listed fwt0 table inet firewalld)"

daemon_stop
finish
