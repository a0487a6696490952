#!/usr/bin/env bash
# Checks the style that tools can check (docs/style.md), and exits 1 on the first kind of
# difference it prints; scripts/test.sh runs it first.
# 1. Every C++ file as Debian 12's clang-format-14 formats it with the repository's
#    .clang-format. Fix with  git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 -i
# 2. No line of code, script or build file longer than 100 columns (characters, not bytes).
#    Left out, as data keeping its own width: firewall-offline-cmd's help text word for word
#    (cli/offline_cmd_help.cpp) and lines of XML markup (firewalld's files quoted in tests).
# `--long` only lists the long lines.
set -euo pipefail
cd "$(dirname "$0")/.."

long_lines() {
  local -a files
  mapfile -t files < <(
    { git ls-files '*.cpp' '*.hpp' '*.sh' '*.py' '*.cmake' '*CMakeLists.txt' 'completion/*'
      git ls-files | grep -v '\.[^/]*$' | while read -r f; do  # scripts without an extension
        [ -f "$f" ] && [ "$(head -c2 "$f")" = '#!' ] && echo "$f"
      done
    } | grep -v '^cli/offline_cmd_help\.cpp$' | sort -u)
  LC_ALL=C.UTF-8 grep -Hn '.\{101\}' "${files[@]}" | grep -v '^[^:]*:[0-9]*: *<' |
    sed 's/^\([^:]*:[0-9]*\):.*/\1: longer than 100 columns/' || true
}

if [ "${1:-}" = --long ]; then
  long_lines
  exit 0
fi
command -v clang-format-14 >/dev/null ||
  { echo "check-style: clang-format-14 is missing" >&2; exit 1; }
mapfile -t cpp < <(git ls-files '*.cpp' '*.hpp')
log=$(mktemp)
status=0
if ! clang-format-14 --dry-run --Werror "${cpp[@]}" 2>"$log"; then
  grep -o '^[^:]*\.[ch]pp' "$log" | sort -u | sed 's/$/: not as clang-format-14 formats it/'
  status=1
fi
rm -f "$log"
long=$(long_lines)
if [ -n "$long" ]; then
  echo "$long"
  status=1
fi
[ $status -eq 0 ] &&
  echo "check-style: ${#cpp[@]} C++ files as clang-format-14 formats them, no line over 100 columns"
exit $status
