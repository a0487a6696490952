"""Counts the broken trees on which `fwctl --offline --check-config` prints on stderr exactly what
firewall-offline-cmd 1.3.3 printed, with the same exit code (tests/data/broken/tools/
results-offline.tsv: case, exit code, stdout, stderr; newlines and tabs escaped).

    check_config_output.py FWCTL DEFAULT_TREE DATA_DIR   prints the count; -v names the others
"""
import os
import subprocess
import sys


def unescape(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def main():
    fwctl, default, data = sys.argv[1:4]
    verbose = "-v" in sys.argv[4:]
    env = {k: v for k, v in os.environ.items() if k != "FWCTL_CHECK_CONFIG"}
    same = 0
    with open(os.path.join(data, "broken/tools/results-offline.tsv"), encoding="utf-8") as f:
        for line in f:
            name, code, _out, err = (line.rstrip("\n").split("\t") + ["", ""])[:4]
            tree = os.path.join(data, "broken", name)
            want = unescape(err).replace("/etc/firewalld", tree).rstrip("\n")
            run = subprocess.run([fwctl, "--offline", "--check-config", "--default-config", default,
                                  "--system-config", tree], env=env, capture_output=True,
                                 text=True, check=False)
            if run.returncode == int(code) and run.stderr.rstrip("\n") == want:
                same += 1
            elif verbose:
                print(f"{name}: exit {run.returncode} (want {code})\n  got  {run.stderr!r}\n"
                      f"  want {want!r}", file=sys.stderr)
    print(same)


main()
