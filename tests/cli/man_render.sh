#!/usr/bin/env bash
# Each man page renders with groff's man macros without a warning, and has its NAME section.
# Usage: man_render.sh PAGE...
set -u
fail=0
for page in "$@"; do
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  if [ -n "$warnings" ]; then echo "FAIL: $page: $warnings" >&2; fail=1; fi
  name=$(basename "$page"); name=${name%.*}
  if ! groff -man -Tascii -P -bcou "$page" 2>/dev/null | grep -q "^NAME"; then
    echo "FAIL: $page has no NAME section" >&2; fail=1
  fi
  if ! MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q "$name"; then
    echo "FAIL: man -l $page does not show $name" >&2; fail=1
  fi
done
exit $fail
