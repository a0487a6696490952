#!/usr/bin/env bash
# Issue 19: fwctl as firewall-offline-cmd against Debian's firewall-offline-cmd 1.3.3, line by
# line and tree by tree. Each scenario of offline_cmd_cases.txt ("== NAME" starts one) runs its
# command lines in order with both programs, each on a system tree of its own that starts as the
# same small tree (a firewalld.conf); after every line the two stdouts, stderrs and exit codes
# must be equal, and so must the two trees, file by file (NAME.old and firewalld.conf included),
# the polkit actions directory (--policy-server) and what systemctl was asked (--enabled).
#
# fwctl runs as a symlink named firewall-offline-cmd, so the messages name the same program.
# The scenarios run in two workers, each in a mount namespace of its own: tmpfs over
# /etc/firewalld and /usr/share/polkit-1/actions, and a fake systemctl first in PATH, so nothing
# of the host is written, and nothing read but the default tree (SOURCE_DIR) and the programs.
#
#   offline_cmd_compare.sh FWCTL SOURCE_DIR [CASES]
#
# Exits 77 (skipped) when not root or when firewall-offline-cmd or unshare is missing.
set -uo pipefail
fwctl=$(readlink -f "${1:?usage: offline_cmd_compare.sh FWCTL SOURCE_DIR [CASES]}")
src=$(readlink -f "${2:?}")
cases=$(readlink -f "${3:-$src/tests/cli/offline_cmd_cases.txt}")
reference=/usr/bin/firewall-offline-cmd

if [ "$(id -u)" != 0 ]; then echo "SKIP: needs root (mount namespace)"; exit 77; fi
for tool in "$reference" unshare; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done

jobs=2  # scenarios run in this many workers, each in a mount namespace of its own
polkit=/usr/share/polkit-1/actions

# A worker's private mounts: tmpfs over the host's directories the programs may write (never
# created here; a missing one makes both programs fail alike).
private_mounts() {
  local dir
  for dir in /etc/firewalld "$polkit"; do
    [ -d "$dir" ] || continue
    mount -t tmpfs tmpfs "$dir" || { echo "FAIL: cannot mount a tmpfs over $dir"; exit 1; }
  done
}

work=$(mktemp -d /tmp/fwctl-offline-cmd.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/fake" "$work/in"
ln -s "$fwctl" "$work/bin/firewall-offline-cmd"
cat > "$work/fake/systemctl" <<'SH'
#!/bin/sh
echo "systemctl $*" >> "$FWCTL_SYSTEMCTL_LOG"
SH
chmod +x "$work/fake/systemctl"
export PATH="$work/fake:$PATH"

# The default tree both programs read: SOURCE_DIR's zones, policies and helpers, and the
# services and icmptypes the zones and the cases name (python's start-up reads every file:
# fewer make each firewall-offline-cmd call faster).
write_defaults() {
  local kind name
  mkdir -p "$work/defaults/services" "$work/defaults/icmptypes"
  for kind in zones policies helpers ipsets; do
    [ -d "$src/$kind" ] && cp -r "$src/$kind" "$work/defaults/$kind"
  done
  for name in ssh dhcpv6-client mdns samba-client netbios-ns http https ftp dhcp; do
    cp "$src/services/$name.xml" "$work/defaults/services/"
  done
  for name in echo-request echo-reply destination-unreachable neighbour-solicitation; do
    cp "$src/icmptypes/$name.xml" "$work/defaults/icmptypes/"
  done
}

# The seed of every system tree, and the files the cases read ($IN/...).
write_inputs() {
  cat > "$work/firewalld.conf" <<'CONF'
# firewalld config file (a test copy)

# default zone
DefaultZone=public

CleanupOnExit=yes
Lockdown=no
IPv6_rpfilter=yes
IndividualCalls=no
LogDenied=off
FirewallBackend=nftables
FlushAllOnReload=yes
RFC3964_IPv4=yes
CONF
  cat > "$work/in/svc.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<service>
  <short>From a file</short>
  <port protocol="tcp" port="7070"/>
  <protocol value="gre"/>
</service>
XML
  cat > "$work/in/zone.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<zone target="DROP">
  <short>Zone file</short>
  <service name="ssh"/>
  <port protocol="udp" port="5353"/>
</zone>
XML
  cat > "$work/in/policy.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<policy target="ACCEPT" priority="-5">
  <ingress-zone name="home"/>
  <egress-zone name="HOST"/>
  <service name="ssh"/>
</policy>
XML
  cat > "$work/in/ipset.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<ipset type="hash:net">
  <entry>10.9.0.0/16</entry>
</ipset>
XML
  cat > "$work/in/icmptype.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<icmptype>
  <short>Ping</short>
  <destination ipv4="yes"/>
</icmptype>
XML
  cat > "$work/in/helper.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<helper module="nf_conntrack_ftp">
  <port protocol="tcp" port="2121"/>
</helper>
XML
  printf '<zone>\n  <bogus/>\n' > "$work/in/broken.xml"
  printf '10.1.1.1\n# a comment\n10.1.1.2\n\n10.1.1.3\n' > "$work/in/entries.txt"
  # system-config-firewall's file, as lokkit wrote it (one option per line).
  printf '# Configuration file for system-config-firewall\n\n--enabled\n--service=ssh\n' \
    > "$work/in/sysconfig"
  printf -- '--port=1234:tcp\n--trust=eth9\n--masq=eth0\n' >> "$work/in/sysconfig"
}

# The polkit directory as Debian ships it (two choices, the policy a symlink to one).
reset_polkit() {
  mountpoint -q "$polkit" || return 0
  rm -rf "${polkit:?}"/*
  echo server > "$polkit/org.fedoraproject.FirewallD1.server.policy.choice"
  echo desktop > "$polkit/org.fedoraproject.FirewallD1.desktop.policy.choice"
  ln -s org.fedoraproject.FirewallD1.desktop.policy.choice \
    "$polkit/org.fedoraproject.FirewallD1.policy"
}

# run_one TOOL TREE OUT LINE: one command line, its outputs normalised, then the side effects.
# The polkit directory and systemctl are looked at except for the lines that edit one item
# (each look costs processes, and the reference's python start-up is slow enough).
run_one() {
  local tool=$1 tree=$2 out=$3 line=$4 rc=0 side=yes
  local -a argv
  case "$line" in
    --zone*|--policy=*|--service=*|--ipset*|--icmptype*|--helper*|--direct*) side=no ;;
  esac
  if [ $side = yes ]; then reset_polkit; rm -f "$FWCTL_SYSTEMCTL_LOG"; fi
  IN=$work/in eval "argv=($line)"
  (cd "$work/in" && exec "$tool" --default-config="$work/defaults" --system-config="$tree" \
    "${argv[@]}") >"$out.out" 2>"$out.err" </dev/null || rc=$?
  echo "$rc" > "$out.rc"
  sed -i "s|$tree|@TREE@|g; s|$work|@WORK@|g" "$out.out" "$out.err"
  : > "$out.side"
  if [ $side = yes ]; then
    { find "$polkit" -mindepth 1 -printf '%y %f %l\n' | sort
      cat "$FWCTL_SYSTEMCTL_LOG" 2>/dev/null; } > "$out.side"
  fi
}

same_outputs() {
  cmp -s "$1.out" "$2.out" && cmp -s "$1.err" "$2.err" && cmp -s "$1.rc" "$2.rc" &&
    cmp -s "$1.side" "$2.side"
}

show_difference() {
  local part
  for part in out err rc side; do
    diff -u --label "firewall-offline-cmd.$part" --label "fwctl.$part" "$1.$part" "$2.$part" |
      sed 's/^/    /'
  done
}

# run_scenario N NAME: its lines from $work/scenarios/N, results in $work/results/N.
run_scenario() {
  local n=$1 name=$2 line side
  local dir=$work/s$n
  for side in ref fw; do
    mkdir -p "$dir/$side/etc"
    # A scenario "no-conf..." starts without firewalld.conf (firewalld logs it, falls back).
    [ "${name#no-conf}" != "$name" ] || cp "$work/firewalld.conf" "$dir/$side/etc/firewalld.conf"
  done
  while IFS= read -r line; do
    run_one "$reference" "$dir/ref/etc" "$dir/ref/r" "$line"
    run_one "$work/bin/firewall-offline-cmd" "$dir/fw/etc" "$dir/fw/r" "$line"
    if ! same_outputs "$dir/ref/r" "$dir/fw/r"; then
      echo "DIFFERENT [$name]: $line"
      show_difference "$dir/ref/r" "$dir/fw/r"
    elif ! diff -r "$dir/ref/etc" "$dir/fw/etc" >"$dir/tree.diff"; then
      echo "TREES DIFFER [$name] after: $line"
      sed 's/^/    /' "$dir/tree.diff" | head -40
    else
      echo "equal [$name]: $line"
    fi
  done < "$work/scenarios/$n"
}

# worker I: the scenarios whose number is I modulo $jobs, in a mount namespace of its own.
worker() {
  local i=$1 n name
  private_mounts
  export FWCTL_SYSTEMCTL_LOG=$work/systemctl.$i.log
  while IFS=$'\t' read -r n name; do
    [ $((n % jobs)) -eq "$i" ] || continue
    run_scenario "$n" "$name" > "$work/results.$n"
  done < "$work/scenarios/index"
}

# Split the cases into numbered scenarios.
write_defaults
write_inputs
mkdir -p "$work/scenarios"
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  if [ "${line#== }" != "$line" ]; then
    n=$((n + 1))
    printf '%s\t%s\n' "$n" "${line#== }" >> "$work/scenarios/index"
    : > "$work/scenarios/$n"
  else
    printf '%s\n' "$line" >> "$work/scenarios/$n"
  fi
done < "$cases"

export -f private_mounts write_inputs reset_polkit run_one same_outputs show_difference \
  run_scenario worker
export reference src work jobs polkit
for ((i = 0; i < jobs; i++)); do
  unshare --mount --propagation private bash -c 'worker "$0"' "$i" &
done
wait

total=0 equal=0
for ((i = 1; i <= n; i++)); do
  cat "$work/results.$i"
  total=$((total + $(grep -c '^\(equal\|DIFFERENT\|TREES\)' "$work/results.$i")))
  equal=$((equal + $(grep -c '^equal' "$work/results.$i")))
done
echo "$equal of $total lines equal (outputs and trees) in $n scenarios"
# Equal because nothing ran proves nothing.
[ "$total" -gt 100 ] || { echo "FAIL: only $total lines ran"; exit 1; }
[ "$equal" -eq "$total" ]
