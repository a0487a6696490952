#!/usr/bin/env bash
# Configures and builds fwctl into build/ (or $FWCTL_BUILD_DIR). Extra arguments go to cmake;
# FWCTL_TARGETS (space-separated) builds only those targets. The build type is Check (what
# scripts/test.sh builds, so that run.sh, test.sh and a hand build share build/) unless an
# argument says otherwise (-DCMAKE_BUILD_TYPE=Release).
# Uses ccache when installed; CCACHE_BASEDIR makes its hits independent of where the tree lives,
# so several checkouts of the tree share one cache.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${FWCTL_BUILD_DIR:-$root/build}
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=$root
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Check -DFWD_WERROR=ON "${launcher[@]}" "$@" \
  >/dev/null
# shellcheck disable=SC2086 # a list of target names
ninja -C "$dir" ${FWCTL_TARGETS:-}
