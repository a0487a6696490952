#!/usr/bin/env bash
# Builds the Debian package fwctl_VERSION_ARCH.deb with `dpkg-buildpackage -b -us -uc`
# (docs/packaging.md). Needs scripts/install-deps.sh --test (debhelper, lintian).
#
#   scripts/package.sh [--prebuilt BUILD_DIR] [--out DIR] [--lintian]
#
#   --prebuilt DIR  package the binaries of that configured and built CMake tree (e.g. build/ of
#                   scripts/build.sh) instead of configuring and building again in the package
#                   build; for the package test, which must not compile everything twice
#   --out DIR       where the .deb, .buildinfo and .changes (and a plain build's -dbgsym .ddeb)
#                   go (default: the current directory)
#   --lintian       run lintian on the result; fail on an error or a warning
#
# dpkg-buildpackage writes into debian/ and puts its results beside the source tree, so it
# builds a copy of the tree in a temporary directory: the files git knows (tracked, or new and
# not ignored), or, outside a git checkout, everything but build*/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prebuilt="" out=$PWD lintian=0
while [ $# -gt 0 ]; do
  case $1 in
    --prebuilt) prebuilt=$(cd "${2:?--prebuilt needs a build directory}" && pwd); shift 2 ;;
    --out) out=$(mkdir -p "${2:?--out needs a directory}" && cd "$2" && pwd); shift 2 ;;
    --lintian) lintian=1; shift ;;
    *) echo "usage: scripts/package.sh [--prebuilt BUILD_DIR] [--out DIR] [--lintian]" >&2
       exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/fwctl-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
src=$work/fwctl
mkdir "$src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # --ignore-failed-read: a tracked file deleted in the work tree is not part of it.
  (cd "$root" && git ls-files -z --cached --others --exclude-standard) |
    tar -C "$root" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$src" -xf -
else
  tar -C "$root" --exclude='./build*' --exclude='./fwctl_*' -cf - . | tar -C "$src" -xf -
fi

opts=(-b -us -uc -Jauto)
if [ -n "$prebuilt" ]; then
  export FWCTL_PREBUILT=$prebuilt
  # The prebuilt binaries carry no debug information worth a -dbgsym package.
  export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }noautodbgsym nocheck"
fi
(cd "$src" && dpkg-buildpackage "${opts[@]}") > "$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  echo "package.sh: dpkg-buildpackage failed" >&2
  exit 1
}
debs=("$work"/fwctl_*.deb)
[ -f "${debs[0]}" ] || { echo "package.sh: no .deb was built" >&2; exit 1; }
cp "$work"/fwctl_*.deb "$work"/fwctl_*.buildinfo "$work"/fwctl_*.changes "$out"/
cp "$work"/fwctl-dbgsym_*.ddeb "$out"/ 2>/dev/null || true  # a plain build's debug symbols
deb=$out/$(basename "${debs[0]}")
echo "built $deb"
if [ "$lintian" -eq 1 ]; then
  # --display-info: the informational tags as well; only errors and warnings fail.
  lintian --display-info --fail-on error,warning "$deb"
  echo "lintian: no error or warning"
fi
