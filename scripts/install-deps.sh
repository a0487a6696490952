#!/usr/bin/env bash
# Installs the Debian 12 packages fwctl builds and tests with, skipping what is already there.
# Usage: scripts/install-deps.sh [--test]   (--test adds the packages only the tests need)
set -euo pipefail
build_pkgs=(build-essential cmake ninja-build pkg-config libpugixml-dev libsdbus-c++-dev
            libsdbus-c++-bin libnftnl-dev libmnl-dev libsystemd-dev scdoc ccache)
            # scdoc: the man pages; ccache: scripts/build.sh uses it when installed (a rebuild
            # of an unchanged tree costs seconds).
test_pkgs=(libgtest-dev libgmock-dev googletest dbus iproute2 nftables iptables ipset python3-dbus
           libxml2-utils firewalld firewalld-tests
           systemd util-linux libglib2.0-bin clang-14 libclang-rt-14-dev clang-tidy-14
           debhelper lintian mmdebstrap systemd-container
           docker.io busybox-static podman netavark)
           # systemd: systemd-analyze, busctl; util-linux: unshare, mount; libglib2.0-bin: gdbus;
           # clang-14 and its runtime libraries: the sanitizer build of scripts/test.sh;
           # clang-tidy-14: scripts/tidy.sh, the last step of its sanitizer lane;
           # debhelper, lintian: scripts/package.sh; mmdebstrap, systemd-container: the package
           # test's Debian 12 root and its systemd-nspawn;
           # docker.io, busybox-static, podman, netavark: tests/clients/ (images are a busybox root)
# network-manager, fail2ban: tests/clients/network_manager.sh and fail2ban.sh (run privately in
# namespaces; policy-rc.d keeps their services from starting at install)
test_pkgs+=(network-manager fail2ban)
# libvirt-daemon-system (libvirtd, its zones `libvirt` and `libvirt-routed` and three policies
# under /usr/lib/firewalld, which tests/compat hides from firewalld's suite), libvirt-clients
# (virsh), dnsmasq-base: tests/clients/libvirt.sh, run privately in namespaces like the above
test_pkgs+=(libvirt-daemon-system libvirt-clients dnsmasq-base)
# cockpit-bridge (287.1): tests/clients/cockpit.sh talks to it as cockpit's firewall page does
# (it runs on the test's private bus, started by the test; nothing of it runs on the host)
test_pkgs+=(cockpit-bridge)
# strace: tests/faults/kill_save.sh kills fwctld at each system call of a save (strace -e inject);
# clang-format-14: scripts/check-style.sh
test_pkgs+=(strace clang-format-14)
pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--test" ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]} (run as root to install them)" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
apt-get update -qq
# policy-rc.d keeps package scripts from starting services (firewalld must never start on the host).
prc=/usr/sbin/policy-rc.d
created_prc=0
if [ ! -e "$prc" ]; then printf '#!/bin/sh\nexit 101\n' > "$prc"; chmod +x "$prc"; created_prc=1; fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
[ "$created_prc" -eq 1 ] && rm -f "$prc"
# The client tests run NetworkManager, fail2ban and libvirtd privately; installed for them, they
# must not start at the next boot either (their packages enable them).
boot_units=(network-manager:NetworkManager.service fail2ban:fail2ban.service)
for u in libvirtd.service libvirtd.socket libvirtd-ro.socket libvirtd-admin.socket \
    libvirt-guests.service virtlogd.socket virtlogd-admin.socket virtlockd.socket \
    virtlockd-admin.socket; do
  boot_units+=("libvirt-daemon-system:$u")
done
for unit in "${boot_units[@]}"; do
  if [[ " ${missing[*]} " == *" ${unit%%:*} "* ]]; then
    systemctl disable "${unit#*:}" >/dev/null 2>&1 || true
  fi
done
exit 0
