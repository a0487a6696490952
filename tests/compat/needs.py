#!/usr/bin/python3
"""What each nftables case of firewalld's test suite asks of the daemon, read from the suite.

    /usr/bin/python3 tests/compat/needs.py [TESTSUITE]

Prints one line per case, "NNN name: capability, ...", from the firewall-cmd options, D-Bus
methods and log checks the case's commands use, then how many cases use each capability. This is
a static reading of the suite (a case stops at its first failing check, so the suite's own log
only ever shows the first missing piece); README's table combines both.
"""
import re
import subprocess
import sys
from collections import Counter

SUITE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/firewalld/testsuite/testsuite"

# firewall-cmd option (regex on one option token) -> capability. First match wins.
OPTIONS = [
    (r"--direct|--passthrough", "direct"),
    (r"--(new|delete|load)-policy|--policy|--get-policies|--list-all-policies|--info-policy",
     "policies"),
    (r"--(new|delete)-ipset|--ipset|--get-ipsets|--info-ipset|--(add|remove|query)-entr|"
     r"--get-entries", "ipsets"),
    (r"--(new|delete|load)-helper|--helper|--get-helpers|--info-helper|--set-automatic-helpers",
     "helpers"),
    (r"--(new|delete|load)-icmptype|--icmptype", "permanent icmptypes"),
    (r"--(new|delete|load)-(zone|service)|--service=|--path-|--(add|remove|query)-include",
     "permanent zone/service objects"),
    (r"--(add|remove|query|list)-rich-rules?", "rich rules"),
    (r"--(add|remove|query|change|list)-interfaces?|--change-zone|--get-zone-of-interface",
     "interfaces"),
    (r"--(add|remove|query|change|list)-sources?|--get-zone-of-source", "sources"),
    (r"--(add|remove|query|list)-forward-ports?", "forward ports"),
    (r"--(add|remove|query)-masquerade", "masquerade"),
    (r"--(add|remove|query)-icmp-block-inversion", "icmp-block-inversion"),
    (r"--(add|remove|query|list)-icmp-blocks?", "icmp blocks"),
    (r"--(add|remove|query|list)-protocols?", "protocols"),
    (r"--(add|remove|query|list)-source-ports?", "source ports"),
    (r"--(add|remove|query)-forward$", "intra-zone forward"),
    (r"--set-target|--get-target", "zone target"),
    (r"--set-default-zone", "set default zone"),
    (r"--panic", "panic"),
    (r"--set-log-denied", "log-denied"),
    (r"--complete-reload|--reload", "reload"),
    (r"--runtime-to-permanent", "runtime-to-permanent"),
    (r"lockdown", "lockdown"),
    (r"--check-config", "check-config"),
    (r"--reset-to-defaults", "reset-to-defaults"),
]
# D-Bus interface (of gdbus/dbus-send calls) -> capability.
METHODS = [
    (r"\.config\.(zone|service|icmptype|helper)\."
     r"|\.config\.(add|get)(Zone|Service|IcmpType|Helper)",
     "permanent zone/service objects"),
    (r"\.config\.policy\.|\.config\.(addPolicy|getPolicy|listPolicies)|\.policy\.", "policies"),
    (r"\.config\.ipset\.|\.config\.addIPSet|\.ipset\.", "ipsets"),
    (r"\.direct\.", "direct"),
    (r"\.zone\.|\.setDefaultZone|ZoneSettings", "runtime zone API (D-Bus)"),
    (r"Properties\.Set", "firewalld.conf properties (Set)"),
]


def case_numbers():
    listing = subprocess.run([SUITE, "-k", "nftables", "-l"], capture_output=True, text=True,
                             check=True).stdout
    return [(int(m.group(1)), m.group(2).strip())
            for m in re.finditer(r"^ *(\d+): \S+ +(.*)$", listing, re.M)]


def case_text(suite, n):
    m = re.search(rf"^#AT_START_{n}\n(.*?)^#AT_STOP_{n}\n", suite, re.M | re.S)
    return m.group(1) if m else ""


def needs(text):
    found = set()
    for cmd in re.findall(r"\$at_check_trace;.*?firewall-cmd ([^\n|;]*)", text):
        if "--permanent" in cmd.split():
            found.add("permanent zone/service objects")
        for tok in re.findall(r"--[a-z][a-z0-9-]*=?", cmd):
            for pattern, cap in OPTIONS:
                if re.search(pattern, tok):
                    found.add(cap)
                    break
        if re.search(r"--timeout", cmd):
            found.add("timeouts")
    for method in re.findall(r"--method (\S+)|(Properties\.Set)", text):
        name = method[0] or method[1]
        for pattern, cap in METHODS:
            if re.search(pattern, name):
                found.add(cap)
                break
    if re.search(r"\$at_check_trace;.*firewall-offline-cmd", text):
        found.add("firewall-offline-cmd files + reload")
    if re.search(r"\$at_check_trace;.*grep .*firewalld\.log|cat \./firewalld\.log \| wc", text):
        found.add("errors/warnings in --log-file")
    if re.search(r"\$at_check_trace;.*\$PYTHON ", text):
        found.add("python client library (whole D-Bus API)")
    if re.search(r'WANTED_CODE="251"', text):
        found.add("failsafe state (RUNNING_BUT_FAILED)")
    return sorted(found)


def main():
    with open(SUITE, encoding="utf-8", errors="replace") as f:
        suite = f.read()
    totals = Counter()
    for n, name in case_numbers():
        caps = needs(case_text(suite, n))
        totals.update(caps)
        print(f"{n} {name}: {', '.join(caps) or '-'}")
    print()
    for cap, count in totals.most_common():
        print(f"{count:4} {cap}")


if __name__ == "__main__":
    main()
