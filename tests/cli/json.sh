#!/usr/bin/env bash
# Issue 5: `fwctl --json` against a running fwctld (network namespace, private system bus):
# each document parses, holds what the text output says, and the exit codes are firewall-cmd's.
#
#   json.sh FWCTLD FWCTL SOURCE_DIR
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: json.sh FWCTLD FWCTL SOURCE_DIR}
fwctl=${2:?}
src=${3:?}

source "$src/tests/lib/fwctld_harness.sh"
require_root "network namespace, nftables" /usr/bin/python3

work=$(mktemp -d /tmp/fwctl-cli-json.XXXXXX)
trap harness_cleanup EXIT
start_bus
add_netns "fwctl-cli-json-$$"
mkdir -p "$work/etc"
start_fwctld "$ns" "$work/etc" "$work/daemon.log"

/usr/bin/python3 - "$fwctl" <<'PY'
import json, subprocess, sys
fwctl = sys.argv[1]
failures = 0

def run(*args):
    p = subprocess.run([fwctl, "--json", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr

def check(args, rc, test, stream="out"):
    global failures
    code, out, err = run(*args)
    text = out if stream == "out" else err
    other = err if stream == "out" else out
    try:
        doc = json.loads(text)
        ok = code == rc and other == "" and test(doc)
    except ValueError as e:
        doc, ok = text, False
    print(("ok" if ok else "FAIL") + ": fwctl --json " + " ".join(args))
    if not ok:
        failures += 1
        print(f"    exit {code} (expected {rc}), stdout {out!r}, stderr {err!r}")

check(["--state"], 0, lambda d: d == {"result": "running"})
check(["--get-default-zone"], 0, lambda d: d == {"result": "public"})
check(["--get-zones"], 0, lambda d: "public" in d["result"] and "block" in d["result"])
check(["--zone=public", "--add-port=8080/tcp"], 0, lambda d: d == {"result": "success"})
check(["--zone=public", "--query-port=8080/tcp"], 0, lambda d: d == {"result": True})
check(["--zone=public", "--query-port=8081/tcp"], 1, lambda d: d == {"result": False})
check(["--zone=public", "--query-port=8080/tcp", "--query-port=8081/tcp"], 0,
      lambda d: d == {"result": {"8080/tcp": True, "8081/tcp": False}})
check(["--zone=public", "--list-ports"], 0, lambda d: d == {"result": ["8080/tcp"]})
check(["--list-all"], 0, lambda d: d["name"] == "public" and ["8080", "tcp"] in d["ports"]
      and d["masquerade"] is False and "ssh" in d["services"] and "rules_str" in d)
check(["--list-all-zones"], 0, lambda d: ["8080", "tcp"] in d["public"]["ports"]
      and d["block"]["target"] == "%%REJECT%%")
check(["--permanent", "--list-all"], 0, lambda d: d["name"] == "public" and d["ports"] == [])
check(["--info-service=ssh"], 0, lambda d: d["ports"] == [["22", "tcp"]])
check(["--get-active-zones"], 0, lambda d: isinstance(d, dict))
check(["--zone=public", "--add-port=99999/tcp"], 102,
      lambda d: d == {"error": {"code": "INVALID_PORT", "number": 102, "detail": "99999"}},
      stream="err")
check(["--zone=nope", "--list-all"], 112,
      lambda d: d["error"]["code"] == "INVALID_ZONE" and d["error"]["detail"] == "nope",
      stream="err")
check(["--state", "--reload"], 2, lambda d: d["error"]["code"] == "USAGE", stream="err")
sys.exit(1 if failures else 0)
PY
