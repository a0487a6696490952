#!/usr/bin/env bash
# Daemon bench (issue 13): fwctld and firewalld 1.3.3 measured from outside, the same workloads
# in the same run, each daemon in network namespaces of its own on a private system bus
# (tests/lib/fwctld_harness.sh), against `nft -f` of the same ruleset. Called by bench/run.sh:
#
#   bench/daemon_bench.sh BUILD OUT [--quick]
#
# BUILD has daemon/fwctld, cli/fwctl, bench/fwctl_dbus_bench and bench/fwctl_load_bench (Release).
# Writes OUT/fwctld.kv, OUT/firewalld.kv and OUT/nft.kv ("key value" lines) and prints the table
# (bench/daemon_table.py). Environment:
#   FIREWALLD=/usr/sbin/firewalld   firewalld to compare with; FIREWALLD=none skips it
#   FW_CAP=120                      seconds a daemon gets per step of a big workload; a step that
#                                   does not finish in time is stopped and the table says so
#   FLOOD_CAP=60                    seconds each half of the 20-client workload may take
#   MEM_CAP_MB=4096                 address-space limit of each daemon (RLIMIT_AS): a daemon that
#                                   needs more fails its workload, and the table says so
#   STEPS="defaults add_entries big"  which steps run (all by default)
#   BIG="ipset-1m ipset-net-1m"     which big workloads `big` runs (all three by default)
# --quick: 62,500-entry sets, 2,000 ports + 500 rich rules, 10,000 entries from a file, fewer
# calls: a few minutes, to try the bench itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$1 out=$2
quick=${3:-}
fwctld=$build/daemon/fwctld
fwctl=$build/cli/fwctl
client=$build/bench/fwctl_dbus_bench
loadbench=$build/bench/fwctl_load_bench
firewalld=${FIREWALLD:-/usr/sbin/firewalld}
cap=${FW_CAP:-120}
flood_cap=${FLOOD_CAP:-60}
mem_cap_kb=$(( ${MEM_CAP_MB:-4096} * 1024 ))

if [ "$quick" = --quick ]; then
  big=(ipset-ip ipset-net zone-ports-rich) add_entries=10000 start_reps=3 rtt_calls=300
  cli_calls=21 flood_total=2000
else
  big=(ipset-1m ipset-net-1m rich-10k) add_entries=100000 start_reps=5 rtt_calls=1000
  cli_calls=51 flood_total=10000
fi
if [ -n "${BIG:-}" ]; then read -ra big <<<"$BIG"; fi
steps=" ${STEPS:-defaults add_entries big} "
flood_clients=20
flood_port=41000  # ports 41000-50999: in no workload, not 22 or 546 of the defaults

mkdir -p "$out"
work=$out/daemon-work
rm -rf "$work"
mkdir -p "$work"
src=$root  # for the harness
# shellcheck source=../tests/lib/fwctld_harness.sh
source "$root/tests/lib/fwctld_harness.sh"
dpid=""
ready_pid=""
netns_n=0
cleanup_bench() {
  stop_daemon || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  local n
  for n in $(ip netns list | awk '{print $1}' | grep "^fwbd-$$-" || true); do
    ip netns del "$n" 2>/dev/null || true
  done
}
trap cleanup_bench EXIT
start_bus

log() { echo "[daemon bench $(date -u +%H:%M:%S)] $*" >&2; }
kv() { echo "$1 $2" >> "$kvfile"; }  # kv KEY VALUE into the current daemon's results
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
reset_hwm() { echo 5 > "/proc/$1/clear_refs" 2>/dev/null || true; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.6f", b - a}'; }  # elapsed START END
median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }

# The configuration tree of a workload (DIR/zones, ipsets, policies) and firewalld.conf.
make_tree() {  # make_tree WORKLOAD DIR
  [ -d "$2" ] && return 0
  "$loadbench" tree "$1" "$2"
  printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$2/firewalld.conf"
}

# Starts daemon $daemon with system configuration ETC in a fresh namespace; sets dpid, ns and
# either ready_s or fail ("did not finish within N s", "out of memory", "exited").
start_daemon() {  # start_daemon ETC TIMEOUT_S
  local etc=$1 timeout_s=$2 dlog report cmd
  netns_n=$((netns_n + 1))
  ns=fwbd-$$-$netns_n
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  dlog=$work/$daemon.log
  if [ "$daemon" = fwctld ]; then
    cmd=("$fwctld" --nofork --nopid --default-config "$root" --system-config "$etc"
      --log-target file --log-file "$dlog")
  else
    cmd=("$firewalld" --nofork --nopid --system-config "$etc" --log-target file
      --log-file "$dlog")
  fi
  : > "$dlog"
  # The client stays the daemon's parent until it exits (stop_daemon waits for both); its
  # outcome line is awaited here.
  local rfile=$work/ready.out i
  : > "$rfile"
  prlimit --as=$((mem_cap_kb * 1024)) -- "$client" ready "$ns" "$dlog" "$timeout_s" \
    "${cmd[@]}" > "$rfile" &
  ready_pid=$!
  for ((i = 0; i < (timeout_s + 30) * 50; i++)); do
    grep -q '^ready_s\|^failed' "$rfile" && break
    kill -0 "$ready_pid" 2>/dev/null || break
    sleep 0.02
  done
  report=$(cat "$rfile")
  dpid=$(awk '$1 == "pid" {print $2}' <<<"$report")
  ready_s=$(awk '$1 == "ready_s" {print $2}' <<<"$report")
  fail=""
  if [ -n "$ready_s" ]; then  # answering, but did the load succeed?
    local state
    state=$(busctl --system get-property org.fedoraproject.FirewallD1 \
      /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1 state 2>&1) || true
    if [ "$state" != 's "RUNNING"' ]; then
      ready_s=""
      report="failed state ${state#s }"
    fi
  fi
  if [ -z "$ready_s" ]; then
    fail=$(sed -n 's/^failed //p' <<<"$report")
    if grep -qi 'MemoryError\|Cannot allocate\|bad_alloc\|out of memory' "$dlog" 2>/dev/null; then
      fail="out of memory (${MEM_CAP_MB:-4096} MB address-space cap)"
    elif [[ $fail == no* ]]; then
      fail="did not finish within $timeout_s s"
    fi
    log "$daemon: start failed: $fail"
    stop_daemon
  fi
}

stop_daemon() {
  local pid=$dpid
  dpid=""
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    timeout 20 tail --pid="$pid" -f /dev/null 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  if [ -n "$ready_pid" ]; then
    wait "$ready_pid" 2>/dev/null || true
    ready_pid=""
  fi
  if [ -n "$ns" ]; then ip netns del "$ns" 2>/dev/null || true; fi
  ns=""
}

call() {  # call TIMEOUT_S INTERFACE-SUFFIX METHOD [SIGNATURE ARG...]: busctl, JSON answer
  local t=$1 itf=org.fedoraproject.FirewallD1${2:+.$2}
  shift 2
  busctl --system --json=short --timeout="$t" call org.fedoraproject.FirewallD1 \
    /org/fedoraproject/FirewallD1 "$itf" "$@"
}

# Port numbers of zone public at runtime and in the kernel's ruleset, in the flood's range, one
# a line, sorted.
runtime_ports() {
  call 60 zone getPorts s public | /usr/bin/python3 -c '
import json, sys
for port, proto in json.load(sys.stdin)["data"][0]:
    if proto == "tcp" and port.isdigit() and 41000 <= int(port) < 51000: print(port)' | sort -n
}
kernel_ports() {
  timeout 60 ip netns exec "$ns" nft list table inet firewalld |
    grep -oE 'tcp dport [0-9]+ accept' | awk '$3 >= 41000 && $3 < 51000 {print $3}' | sort -n
}

# Runtime and kernel agree, and hold WANT ports of the flood's range; sets state_ok 1/0.
check_state() {  # check_state WANT
  local rt kern
  rt=$(runtime_ports) kern=$(kernel_ports) || true
  state_ok=0
  if [ "$rt" = "$kern" ] && [ "$(grep -c . <<<"$rt")" = "$1" ]; then state_ok=1; fi
}

time_cli() {  # time_cli CLIENT FIRST COUNT: sorted seconds of COUNT --add-port processes
  local cli=$1 first=$2 count=$3 i a b o
  for ((i = 0; i < count; i++)); do
    a=$(now)
    o=$("$cli" --zone=public --add-port=$((first + i))/tcp)
    b=$(now)
    [ "$o" = success ] || { log "$cli: unexpected output: $o"; return 1; }
    elapsed "$a" "$b"
    echo
  done
}

# Start, idle memory, D-Bus round trips, CLI processes and the 20-client flood on the defaults.
bench_defaults() {
  local etc=$work/etc-default i starts=() rss=() t cli reps=$start_reps
  make_tree default "$etc"
  [ "$daemon" = fwctld ] || reps=3  # about 2 s each
  for ((i = 0; i < reps; i++)); do
    start_daemon "$etc" 60
    [ -n "$ready_s" ] || { kv start.fail "$fail"; return 0; }
    starts+=("$ready_s")
    sleep 1  # idle: what it holds once started, not a transient of the start
    rss+=("$(rss_kb "$dpid")")
    stop_daemon
  done
  kv start.ready_s "$(printf '%s\n' "${starts[@]}" | median)"
  kv start.ready_min_s "$(printf '%s\n' "${starts[@]}" | sort -g | head -n1)"
  kv rss.idle_kb "$(printf '%s\n' "${rss[@]}" | median)"

  start_daemon "$etc" 60
  [ -n "$ready_s" ] || { kv calls.fail "$fail"; return 0; }
  sleep 1
  kv rss.before_calls_kb "$(rss_kb "$dpid")"
  local calls=$rtt_calls
  [ "$daemon" = fwctld ] || calls=$((rtt_calls / 10))
  log "$daemon: $calls D-Bus round trips of each call"
  local report
  if report=$("$client" rtt "$calls" 30000); then
    sed 's/^/rtt./' <<<"$report" >> "$kvfile"
    kv rtt.calls "$calls"
  else
    kv calls.fail "a D-Bus call failed (see the log)"
  fi
  cli=$fwctl
  [ "$daemon" = fwctld ] || cli=/usr/bin/firewall-cmd
  local n=$cli_calls
  [ "$daemon" = fwctld ] || n=11
  log "$daemon: $n $(basename "$cli") --add-port processes"
  t=$(time_cli "$cli" 35000 "$n") || { kv cli.fail "unexpected output"; t=""; }
  if [ -n "$t" ]; then
    kv cli.median_s "$(median <<<"$t")"
    kv cli.min_s "$(sort -g <<<"$t" | head -n1)"
    kv cli.calls "$n"
  fi
  kv rss.after_calls_kb "$(rss_kb "$dpid")"
  "$client" flood 1 "$n" 60 35000 remove > /dev/null || true
  flood_per_client=""
  kv flood.total "$flood_total"
  flood add
  flood remove
  kv rss.after_removed_kb "$(rss_kb "$dpid")"
  kv rss.peak_kb "$(hwm_kb "$dpid")"
  stop_daemon
}

flood() {  # flood add|remove: the 20-client workload, then the state check
  local op=$1 report n_done
  log "$daemon: flood: $flood_clients clients, $flood_total ${op} calls, cap $flood_cap s"
  # A remove takes back what each client added (all of it, unless the add was capped).
  report=$("$client" flood "$flood_clients" "$flood_total" "$flood_cap" "$flood_port" "$op" \
    ${flood_per_client:+"$flood_per_client"}) || true
  grep -v '^per_client' <<<"$report" | sed "s/^/flood_$op./" >> "$kvfile" || true
  n_done=$(awk '$1 == "done" {print $2}' <<<"$report")
  if [ "$op" = add ]; then
    flood_added=${n_done:-0}
    flood_per_client=$(awk '$1 == "per_client" {print $2}' <<<"$report")
    check_state "$flood_added"
    kv rss.after_flood_kb "$(rss_kb "$dpid")"
  else
    check_state $((flood_added - ${n_done:-0}))
  fi
  kv "flood_$op.state_ok" "$state_ok"
  if [ "$op" = add ] && [ "${n_done:-0}" -lt "$flood_total" ]; then kv flood_add.capped 1; fi
}

# --add-entries-from-file of $add_entries addresses into an empty hash:ip set.
bench_add_entries() {
  local etc=$work/etc-ipset-add file=$work/entries.txt a b o cli=$fwctl count
  make_tree ipset-add "$etc"
  [ -f "$file" ] || awk -v n="$add_entries" 'BEGIN {
    for (i = 0; i < n; i++)
      printf "198.%d.%d.%d\n", 18 + int(i / 65536) % 2, int(i / 256) % 256, i % 256 }' > "$file"
  [ "$daemon" = fwctld ] || cli=/usr/bin/firewall-cmd
  kv add_entries.n "$add_entries"
  start_daemon "$etc" 60
  [ -n "$ready_s" ] || { kv add_entries.fail "$fail"; return 0; }
  reset_hwm "$dpid"
  log "$daemon: --add-entries-from-file, $add_entries entries"
  a=$(now)
  if o=$(timeout "$cap" "$cli" --ipset=bench-add --add-entries-from-file="$file" 2>&1); then
    b=$(now)
    kv add_entries.s "$(elapsed "$a" "$b")"
    count=$(call 120 ipset getEntries s bench-add | /usr/bin/python3 -c '
import json, sys; print(len(json.load(sys.stdin)["data"][0]))') || count=0
    kv add_entries.count_ok "$([ "$count" = "$add_entries" ] && echo 1 || echo 0)"
  else
    local rc=$?
    if [ "$rc" = 124 ]; then
      kv add_entries.fail "did not finish within $cap s"
    elif [[ $o == *"Did not receive a reply"* ]]; then
      kv add_entries.fail "no answer within the client's D-Bus timeout (25 s)"
    else
      kv add_entries.fail "failed (exit $rc): ${o:0:60}"
    fi
  fi
  kv add_entries.peak_kb "$(hwm_kb "$dpid")"
  stop_daemon
}

# A big workload: start (the first load), reload, memory, then the workload removed again.
bench_big() {  # bench_big WORKLOAD
  local w=$1 etc=$work/etc-$1 live=$work/etc-live reps=3 i a b t=()
  make_tree "$w" "$etc"
  [[ $w == *1m ]] && reps=1
  [ "$daemon" = fwctld ] || reps=1  # minutes each
  rm -rf "$live"
  cp -a "$etc" "$live"
  log "$daemon: $w: start"
  start_daemon "$live" "$cap"
  [ -n "$ready_s" ] || { kv "$w.fail" "$fail"; return 0; }
  kv "$w.start_s" "$ready_s"
  kv "$w.rss_started_kb" "$(rss_kb "$dpid")"
  for ((i = 0; i < reps; i++)); do
    log "$daemon: $w: reload $((i + 1))/$reps"
    a=$(now)
    if ! call "$cap" "" reload > /dev/null 2>&1; then
      kv "$w.reload_fail" "did not finish within $cap s"
      break
    fi
    b=$(now)
    t+=("$(elapsed "$a" "$b")")
  done
  [ ${#t[@]} = 0 ] || kv "$w.reload_s" "$(printf '%s\n' "${t[@]}" | median)"
  kv "$w.peak_kb" "$(hwm_kb "$dpid")"
  kv "$w.rss_loaded_kb" "$(rss_kb "$dpid")"
  rm -rf "$live"
  make_tree default "$work/etc-default"  # when the defaults step did not run
  cp -a "$work/etc-default" "$live"
  if call "$cap" "" reload > /dev/null 2>&1; then
    sleep 1
    kv "$w.rss_removed_kb" "$(rss_kb "$dpid")"
  fi
  stop_daemon
}

firewalld_version() {  # firewalld has no --version
  /usr/bin/python3 -c 'import firewall.config as c; print(c.VERSION)' 2>/dev/null || echo unknown
}

run_daemon() {  # run_daemon fwctld|firewalld
  daemon=$1 kvfile=$out/$1.kv
  : > "$kvfile"
  if [ "$daemon" = firewalld ]; then
    kv version "$(firewalld_version)"
  fi
  local w
  if [[ $steps == *" defaults "* ]]; then bench_defaults; fi
  if [[ $steps == *" add_entries "* ]]; then bench_add_entries; fi
  if [[ $steps == *" big "* ]]; then
    for w in "${big[@]}"; do bench_big "$w"; done
  fi
}

# `nft -f` of the compiler's text of each big workload into a fresh namespace, and the kernel
# memory it takes (Slab + VmallocUsed of /proc/meminfo, before and after; other activity on the
# machine is in it too).
kernel_mem_kb() { awk '/^Slab:|^VmallocUsed:/ {s += $2} END {print s}' /proc/meminfo; }
run_nft() {
  kvfile=$out/nft.kv
  : > "$kvfile"
  local w file reps i a b m0 m1 t mem
  for w in "${big[@]}"; do
    file=$work/$w.nft
    if ! "$loadbench" emit "$w" "$file" > "$work/emit.kv"; then
      log "fwctl_load_bench emit $w failed"
      continue
    fi
    sed "s/^/$w./" "$work/emit.kv" >> "$kvfile"
    reps=3
    [[ $w == *1m ]] && reps=2
    t=() mem=()
    for ((i = 0; i < reps; i++)); do
      ns=fwbd-$$-nft
      ip netns add "$ns"
      sync
      m0=$(kernel_mem_kb)
      a=$(now)
      if ip netns exec "$ns" nft -f "$file"; then
        b=$(now)
        m1=$(kernel_mem_kb)
        t+=("$(elapsed "$a" "$b")") mem+=($((m1 - m0)))
      else
        log "nft -f $w failed"
      fi
      ip netns del "$ns"
      ns=""
      sleep 2  # the kernel frees a namespace's ruleset after `ip netns del` returns
    done
    [ ${#t[@]} -gt 0 ] || continue
    kv "$w.nft_s" "$(printf '%s\n' "${t[@]}" | median)"
    kv "$w.kernel_kb" "$(printf '%s\n' "${mem[@]}" | median)"
    log "nft -f $w: ${t[*]} s"
  done
  rm -f "$work"/*.nft
}

ns=""
run_nft
run_daemon fwctld
if [ "$firewalld" != none ] && [ -x "$firewalld" ]; then
  run_daemon firewalld
else
  log "firewalld not installed (FIREWALLD=$firewalld): its column stays empty"
  : > "$out/firewalld.kv"
fi
/usr/bin/python3 "$root/bench/daemon_table.py" "$out" "${big[@]}"
