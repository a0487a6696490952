#!/usr/bin/env bash
# Prints the path of a Debian 12 root for the package test (tests/package/package_test.sh),
# creating it with mmdebstrap from Debian's archive when the cache does not hold it yet.
#
#   debian_root.sh [CACHE_DIR]     (default: $FWCTL_TEST_CACHE or /var/cache/fwctl-tests)
#
# The root boots with systemd and holds everything the test installs from, so that the test
# itself needs no network: the run-time libraries fwctl's package depends on, what firewalld's
# package depends on and recommends, nftables for `nft list ruleset`, and firewalld's own .deb
# in /root/debs. Its directory is named after a hash of this recipe: a changed recipe builds a
# new root and removes the old ones. The creation is timed and reported on stderr.
# Exits 77 (skipped: ctest's fixture package_root) without root or mmdebstrap.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (mmdebstrap, chroot)" >&2; exit 77; }
command -v mmdebstrap >/dev/null || { echo "SKIP: mmdebstrap is not installed" >&2; exit 77; }
cache=${1:-${FWCTL_TEST_CACHE:-/var/cache/fwctl-tests}}
suite=bookworm
mirror=http://deb.debian.org/debian
packages=(
  # booting, the bus, polkit
  systemd systemd-sysv dbus polkitd
  # fwctl's Depends and Recommends (dpkg-shlibdeps: libstdc++6 and libsystemd0 come with systemd)
  libsdbus-c++1 libpugixml1v5 libnftnl11 libmnl0 iptables ipset
  # /bin/kill, which ExecReload= runs (Priority important: on every installed Debian system)
  procps
  # what the test looks with
  nftables
  # firewalld 1.3.3's Depends and Recommends, so that its .deb installs without a download
  python3 python3-dbus python3-gi gir1.2-glib-2.0 gir1.2-nm-1.0 python3-nftables
  python3-firewall python3-cap-ng
)
# The test installs firewalld from this file (the exact version its dependencies were taken for).
hook='mkdir -p "$1/root/debs" && chroot "$1" sh -c "cd /root/debs && apt-get download -q firewalld"'
variant=apt  # Essential packages and apt, then the list above
key=$(printf '%s\n' "$suite" "$mirror" "$variant" "${packages[@]}" "$hook" | sha256sum | cut -c1-12)
dir=$cache/$suite-$key

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "debian_root: cached root $dir ($(cat "$dir/.complete"))" >&2
  echo "$dir"
  exit 0
fi

start=$SECONDS
for old in "$cache"/"$suite"-*; do
  [ -e "$old" ] && [ "$old" != "$dir" ] && rm -rf --one-file-system "$old"
done
rm -rf --one-file-system "$dir" "$dir.new"
include=$(IFS=,; echo "${packages[*]}")
if ! mmdebstrap --quiet --variant="$variant" --include="$include" --customize-hook="$hook" \
     "$suite" "$dir.new" "$mirror" > "$cache/mmdebstrap.log" 2>&1; then
  cat "$cache/mmdebstrap.log" >&2
  rm -rf --one-file-system "$dir.new"
  echo "debian_root: mmdebstrap failed" >&2
  exit 1
fi
ls "$dir.new"/root/debs/firewalld_*.deb >/dev/null
size=$(du -sm "$dir.new" | cut -f1)
echo "created $(date -u '+%F %H:%M UTC') in $((SECONDS - start)) s, $size MB" > "$dir.new/.complete"
mv "$dir.new" "$dir"
echo "debian_root: created $dir: $(cat "$dir/.complete")" >&2
echo "$dir"
