#!/usr/bin/env bash
# Issue 14, hostile input (label `faults`).
#  - D-Bus: item names that would be file names ('/', '..', control characters, 5,000
#    characters), values firewalld's checks accept only by accident ("80\n", " 80", "80-",
#    "+80"): hostile.py's answers equal hostile.expected (firewalld 1.3.3's answers but where
#    README's "Reliability" lists fwctld refusing), and nothing refused left a trace in the
#    daemon, the kernel or the files.
#  - Requests of 100,000 elements (hostile_big.py): a zone of that many ports, an ipset's entries
#    at runtime; with one bad element last each is refused whole. (Before issue 14 these took
#    minutes: duplicates were removed in quadratic time.)
#  - XML files through the daemon's reader (fwctl --offline, the store fwctld loads with): entities
#    (external, internal, billion laughs), an external DTD, invalid UTF-8, 100,000 levels of
#    nesting, a 20 MB file. No entity is expanded; each is refused with a parse error or loaded.
#
#   hostile.sh FWCTLD SOURCE_DIR FWCTL     (exits 77, skipped, without root or a tool)
fwctl=${3:?usage: hostile.sh FWCTLD SOURCE_DIR FWCTL}
source "$(dirname "$0")/../integration/daemon_lib.sh" "$1" "$2"
here=$(cd "$(dirname "$0")" && pwd)
nftns() { ip netns exec "$ns" nft "$@"; }
tree() { (cd "$work/etc" && find . -type f | sort); }

mkdir -p "$work/etc/ipsets"
printf '<?xml version="1.0" encoding="utf-8"?>\n<ipset type="hash:ip"/>\n' \
  > "$work/etc/ipsets/big.xml"
daemon_start

# --- Names and values over D-Bus.
check "hostile calls: firewalld's answers, or refusals where it accepts by accident" \
  "$(cat "$here/hostile.expected")" \
  "$(FWCTL_ETC=$work/etc /usr/bin/python3 "$here/hostile.py" 2>&1)"
check "only the accepted names became files (no '..', no control characters, one '/' in zones)" \
  "./ipsets/big.xml
./ipsets/xxxxxxxxxxxxxxxxxx.xml
./ipsets/zöne.xml
./services/xxxxxxxxxxxxxxxxxx.xml
./services/zöne.xml
./zones/a/b.xml
./zones/zöne.xml" "$(tree)"
check "only the accepted ports are in the runtime" "0/tcp 1-65535/tcp" "$(fwcmd --list-ports)"
check "no source, interface or forward port came in" "||eth0|" \
  "$(fwcmd --list-sources)|$(fwcmd --list-source-ports)|$(fwcmd --list-interfaces)|$(
     fwcmd --list-forward-ports)"
# ssh's port, the accepted ports, and the rich rule's port (control characters in a rich rule
# are dropped before it is read, as firewalld does: "80\n" is "80").
check "the kernel has the accepted ports only" "tcp dport 22 accept
tcp dport 0 accept
tcp dport 1-65535 accept
tcp dport 80 accept" \
  "$(nftns list chain inet firewalld filter_IN_public_allow | grep -o 'tcp dport [0-9-]* accept')"

# --- Requests of many elements.
big=${FWCTL_HOSTILE_ELEMENTS:-100000}
check "$big-element requests" "\
config.addZone2(big, N ports, one bad last) -> INVALID_PORT: '80\n' is invalid port range
config.addZone2(big, N ports) -> OK
ipset.setEntries(N entries, one bad last) -> INVALID_ENTRY: \
invalid address '10.0.0.256' in '10.0.0.256' for hash:ip (ipv4)
ipset.setEntries(N entries) -> OK
entries: $big" "$(/usr/bin/python3 "$here/hostile_big.py" "$big" 2>&1)"
check "the zone file has the $big ports" "$big" "$(grep -c '<port ' "$work/etc/zones/big.xml")"
check "the kernel's set has the $big entries" "$big" \
  "$(nftns -j list set inet firewalld big | /usr/bin/python3 -c '
import json, sys
print(len([x for x in json.load(sys.stdin)["nftables"] if "set" in x][0]["set"]["elem"]))')"
check "fwctld still serves" "running" "$(fwcmd --state)"
daemon_stop

# --- XML files through the store fwctld loads with.
xml_case() {  # xml_case NAME: the zone file NAME.xml from stdin, alone in a system tree
  rm -rf "$work/xml"
  mkdir -p "$work/xml/zones"
  cat > "$work/xml/zones/$1.xml"
  printf 'DefaultZone=public\n' > "$work/xml/firewalld.conf"
  "$fwctl" --offline --default-config "$src" --system-config "$work/xml" --check-config 2>&1 || true
  "$fwctl" --offline --default-config "$src" --system-config "$work/xml" --zone="$1" \
    --get-short 2>&1 | cut -c1-40 || true
}
# xml.etree, as firewalld reads it, refuses an entity it does not define or will not fetch.
check "external and internal entities: refused, none expanded" \
  "ERROR: Failed to load user configuration. Falling back to full stock configuration.
Configuration error: INVALID_ZONE: not a valid zone file: undefined entity: line 9, column 9
INVALID_ZONE: get_zone(): ent" "$(xml_case ent <<'X'
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE zone [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY ext SYSTEM "http://192.0.2.1/x.dtd">
]>
<zone>
  <short>&passwd;</short>
  <description>&lol2;&ext;</description>
</zone>
X
)"
check "an external DTD: not fetched, the zone loads" "x" "$(xml_case extdtd <<'X'
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE zone SYSTEM "file:///etc/passwd">
<zone><short>x</short></zone>
X
)"
check "invalid UTF-8: refused" \
  "ERROR: Failed to load user configuration. Falling back to full stock configuration.
Configuration error: INVALID_ZONE: not a valid zone file: not well-formed (invalid token): \
line 2, column 17
INVALID_ZONE: get_zone(): utf" \
  "$(printf '<?xml version="1.0" encoding="utf-8"?>\n<zone><short>bad \xff\xfe</short></zone>\n' |
     xml_case utf)"
check "100,000 levels of nesting: refused, no crash" \
  "ERROR: Failed to load user configuration. Falling back to full stock configuration.
Configuration error: PARSE_ERROR: Unexpected element a
INVALID_ZONE: get_zone(): deep" "$(/usr/bin/python3 -c '
n = 100000
print("<?xml version=\"1.0\"?>\n<zone>" + "<a>" * n + "</a>" * n + "</zone>")' | xml_case deep)"
check "a 20 MB file: loaded" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" "$(/usr/bin/python3 -c '
print("<?xml version=\"1.0\"?>\n<zone><short>" + "x" * (20 << 20) + "</short></zone>")' |
  xml_case huge)"

finish
