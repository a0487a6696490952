#!/usr/bin/env bash
# Fails when a layer includes a header of a layer above it (docs/architecture.md).
# Each line: a layer and the layers it may include besides itself.
set -u
root=${1:-$(dirname "$0")/..}
allowed="common:
model:common
config:common model
compiler:common model
nft:common compiler
core:common model config compiler nft
bus:common core sys
sys:common"
bad=0
while IFS=: read -r layer deps; do
  dir=$root/daemon/$layer
  [ -d "$dir" ] || continue
  for other in common model config compiler nft core bus sys; do
    [ "$other" = "$layer" ] && continue
    case " $deps " in *" $other "*) continue ;; esac
    if grep -rnE "#include \"$other/" "$dir" --include='*.cpp' --include='*.hpp' |
       grep -v '_test\.cpp:'; then
      echo "layer '$layer' must not include '$other'" >&2
      bad=1
    fi
  done
done <<<"$allowed"
exit $bad
