#!/usr/bin/env bash
# The bash completion sources cleanly, completes options from fwctl's table ("--zo" -> "--zone="),
# and completes values.
# Usage: completion.sh COMPLETION_SCRIPT
set -u
script=$1
fail=0
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected '$2', got '$3'" >&2; fail=1; fi
}
complete_line() {  # complete_line WORD... : prints COMPREPLY, one per line
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _fwctl
  printf '%s\n' "${COMPREPLY[@]}"
}

errors=$( { source "$script"; } 2>&1 ) || { echo "FAIL: sourcing: $errors" >&2; exit 1; }
check "sourcing prints nothing" "" "$errors"
source "$script"
check "fwctl --zo" "--zone=" "$(complete_line fwctl --zo)"
check "fwctl --get-def" "--get-default-zone" "$(complete_line fwctl --get-def)"
check "fwctl --list-all" "$(printf '%s\n' --list-all --list-all-zones --list-all-policies | sort)" \
      "$(complete_line fwctl --list-all | sort)"
check "fwctl --set-log-denied=u" "unicast" "$(complete_line fwctl --set-log-denied = u)"
check "fwctl --set-target ''" "ACCEPT" "$(complete_line fwctl --zone=x --set-target A)"
# Names come from the client itself: a stand-in that answers --get-zones as fwctl would.
fake=$(mktemp)
trap 'rm -f "$fake"' EXIT
printf '#!/bin/sh\n[ "$*" = "--get-zones" ] && echo "block public trusted"\n' > "$fake"
chmod +x "$fake"
check "fwctl --zone=p" "public" "$(complete_line "$fake" --zone = p)"
check "fwctl --zone p" "$(printf '%s\n' block public trusted)" "$(complete_line "$fake" --zone '')"
# With --offline the options are firewall-offline-cmd's (issue 19).
check "fwctl --offline --policy-serv" "--policy-server" \
  "$(complete_line fwctl --offline --policy-serv)"
check "fwctl --policy-serv" "" "$(complete_line fwctl --policy-serv)"
# firewalld 2.4's --policy-set, in both tables.
check "fwctl --policy-s" "--policy-set=" "$(complete_line fwctl --policy-s)"
check "fwctl --offline --remove-service-from-z" "--remove-service-from-zone=" \
      "$(complete_line fwctl --offline --remove-service-from-z)"
check "fwctl --offline --perm" "" "$(complete_line fwctl --offline --perm)"
check "complete -p fwctl" "complete -F _fwctl fwctl" "$(complete -p fwctl)"

# cli/completion_test.cpp checks the option lists against fwctl's table.
exit $fail
