#!/usr/bin/env bash
# ctest package_build: the .deb from BUILD_DIR's binaries (scripts/package.sh --prebuilt: no
# second compile) into OUT_DIR, emptied first; the fixture of package_lintian and package_deb.
#
#   build_deb.sh BUILD_DIR SOURCE_DIR OUT_DIR
#
# Exits 77 (skipped) without dpkg-buildpackage or debhelper (scripts/install-deps.sh --test).
set -euo pipefail
build=${1:?usage: build_deb.sh BUILD_DIR SOURCE_DIR OUT_DIR}
src=${2:?usage: build_deb.sh BUILD_DIR SOURCE_DIR OUT_DIR}
out=${3:?usage: build_deb.sh BUILD_DIR SOURCE_DIR OUT_DIR}
for tool in dpkg-buildpackage dh; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
rm -rf "$out"
"$src/scripts/package.sh" --prebuilt "$build" --out "$out"
