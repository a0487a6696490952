#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the unit tests in a normal and in an
# ASan+UBSan build, and the integration tests (which need root for namespaces).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test

FWCTL_BUILD_DIR=$root/build "$root/scripts/build.sh"
(cd "$root/build" && ctest --output-on-failure -j"$(nproc)")

FWCTL_BUILD_DIR=$root/build-asan "$root/scripts/build.sh" -DFWD_SANITIZE=ON
(cd "$root/build-asan" && ctest --output-on-failure -j"$(nproc)" -L unit)
