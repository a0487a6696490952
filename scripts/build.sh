#!/usr/bin/env bash
# Configures and builds fwctl into build/ (or $FWCTL_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${FWCTL_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFWD_WERROR=ON "$@" >/dev/null
ninja -C "$dir"
