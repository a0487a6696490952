#!/usr/bin/env bash
# ctest package_lintian: lintian has no error or warning about the .deb in DEB_DIR (the
# informational tags are shown; debian/fwctl.lintian-overrides explains the overridden ones),
# and the package holds what it should: tests/package/contents.txt (mode, path, link target)
# outside /usr/lib/firewalld/KIND/, and there exactly the tree's shipped defaults.
#
#   check_deb.sh DEB_DIR SOURCE_DIR
#
# Exits 77 (skipped) without lintian.
set -euo pipefail
debs=${1:?usage: check_deb.sh DEB_DIR SOURCE_DIR}
src=${2:?usage: check_deb.sh DEB_DIR SOURCE_DIR}
source "$src/tests/lib/fwctld_harness.sh"  # check() only
command -v lintian >/dev/null || { echo "SKIP: lintian is not installed"; exit 77; }
deb=$(ls "$debs"/fwctl_*.deb)  # one: the fixture package_build empties the directory

lintian_rc=0
lintian --display-info --fail-on error,warning "$deb" 2>&1 | grep -v 'with root privileges' ||
  lintian_rc=${PIPESTATUS[0]}
check "lintian: no error or warning" 0 "$lintian_rc"

contents=$(dpkg-deb -c "$deb" | awk '{ print $1, $6, $7, $8 }' | sed 's/ *$//')
check "package contents outside /usr/lib/firewalld/KIND/" \
  "$(cat "$src/tests/package/contents.txt")" \
  "$(grep -vE '^[-l]\S* \./usr/lib/firewalld/[a-z]+/.' <<<"$contents" | LC_ALL=C sort -k2)"
check "/usr/lib/firewalld/KIND/ holds the tree's defaults" \
  "$(cd "$src" && find zones services icmptypes helpers policies -name '*.xml' | LC_ALL=C sort)" \
  "$(awk '$1 ~ /^-/ { sub("^\\./usr/lib/firewalld/", "", $2); print $2 }' <<<"$contents" |
     grep -E '^[a-z]+/.+\.xml$' | LC_ALL=C sort)"

[ "$failures" -eq 0 ] || exit 1
echo "all checks passed"
