#!/usr/bin/python3
"""Prints the daemon bench's table (bench/daemon_bench.sh) from OUT/{fwctld,firewalld,nft}.kv.

usage: daemon_table.py OUT WORKLOAD...   (the big workloads, in the order they ran)
"""
import os
import sys

DESCRIPTION = {
    "ipset-1m": "ipset hash:ip, 1,000,000 entries",
    "ipset-net-1m": "ipset hash:net, 1,000,000 entries",
    "rich-10k": "zone with 10,000 rich rules",
    "ipset-ip": "ipset hash:ip, 62,500 entries",
    "ipset-net": "ipset hash:net, 62,500 entries",
    "zone-ports-rich": "zone with 2,000 ports + 500 rich rules",
}


def read_kv(path):
    kv = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, _, value = line.strip().partition(" ")
                if key:
                    kv[key] = value
    return kv


def num(kv, key):
    try:
        return float(kv[key])
    except (KeyError, ValueError):
        return None


def fmt_s(v):
    if v is None:
        return None
    if v < 1e-3:
        return f"{v * 1e6:.0f} µs"
    if v < 1:
        return f"{v * 1e3:.1f} ms" if v < 0.1 else f"{v * 1e3:.0f} ms"
    return f"{v:.2f} s" if v < 100 else f"{v:.0f} s"


def fmt_mb(kb):
    return None if kb is None else f"{kb / 1024:.1f} MB"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return ""
    r = a / b
    return f"{r:.3f}×" if r < 0.01 else f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


class Table:
    def __init__(self, fw, fd, nft):
        self.fw, self.fd, self.nft = fw, fd, nft
        self.rows = []

    def cell(self, kv, key, fmt, fails):
        """The formatted value, or why there is none (the first fail key present)."""
        v = num(kv, key)
        if v is not None:
            return fmt(v), v
        for f in fails:
            if f in kv:
                return kv[f], None
        return ("not run" if kv else "–"), None

    def row(self, figure, key, fmt, goal, fails=(), nft=None, nft_fmt=None, fw_key=None,
            fd_key=None, invert=False):
        fw_text, fw_v = self.cell(self.fw, fw_key or key, fmt, fails)
        fd_text, fd_v = self.cell(self.fd, fd_key or key, fmt, fails)
        nft_v = num(self.nft, nft) if nft else None
        nft_text = (nft_fmt or fmt)(nft_v) if nft_v is not None else ""
        if invert:  # a rate: higher is better, the ratio says how many times fwctld's
            r_fd, r_nft = ratio(fw_v, fd_v), ""
        else:
            r_fd, r_nft = ratio(fw_v, fd_v), ratio(fw_v, nft_v)
        self.rows.append([figure, fw_text, fd_text, nft_text, r_fd, r_nft, goal])

    def text(self, label, fw_text, fd_text, goal):
        self.rows.append([label, fw_text, fd_text, "", "", "", goal])

    def print(self):
        print("| figure | fwctld | firewalld | `nft -f` | fwctld / firewalld | fwctld / `nft -f` "
              "| goal (issue 13) |")
        print("|---|---|---|---|---|---|---|")
        for r in self.rows:
            print("| " + " | ".join(r) + " |")


def flood_cell(kv, op):
    per_s = num(kv, f"flood_{op}.per_s")
    if per_s is None:
        return kv.get("calls.fail", kv.get("start.fail", "not run" if kv else "–")), None
    done = num(kv, f"flood_{op}.done") or 0
    text = f"{per_s:,.0f}/s"
    # A remove takes back what the add made: it is capped only if it removed fewer.
    capped = (f"flood_{op}.capped" in kv if op == "add"
              else done < (num(kv, "flood_add.done") or 0))
    if capped:
        text += f" ({done:,.0f} calls within the cap)"
    agree = kv.get(f"flood_{op}.state_ok") == "1"
    text += ", state = kernel" if agree else ", **state ≠ kernel**"
    return text, per_s


def main():
    out, big = sys.argv[1], sys.argv[2:]
    fw, fd, nft = (read_kv(os.path.join(out, n + ".kv")) for n in ("fwctld", "firewalld", "nft"))
    t = Table(fw, fd, nft)
    start_fail = ("start.fail",)
    calls_fail = ("calls.fail", "start.fail")
    t.row("start to D-Bus ready, default configuration (median)", "start.ready_s", fmt_s,
          "≤ 20 ms", start_fail)
    t.row("RSS idle, default configuration", "rss.idle_kb", fmt_mb, "≤ 6 MB", start_fail)
    t.row("D-Bus round trip: `Peer.Ping` (the bus alone)", "rtt.ping.median_s", fmt_s, "",
          calls_fail)
    t.row("D-Bus round trip: `zone.queryPort`", "rtt.query.median_s", fmt_s, "≤ 0.2 ms",
          calls_fail)
    t.row("D-Bus round trip: `zone.addPort`", "rtt.add.median_s", fmt_s, "≤ 0.3 ms", calls_fail)
    t.row("D-Bus round trip: `zone.removePort`", "rtt.remove.median_s", fmt_s, "", calls_fail)
    t.row("one `--add-port` process (fwctl; firewall-cmd for firewalld)", "cli.median_s", fmt_s,
          "≤ 5 ms", ("cli.fail",) + calls_fail)
    total = num(fw, "flood.total") or num(fd, "flood.total") or 0
    for op, method in (("add", "addPort"), ("remove", "removePort")):
        (a, av), (b, bv) = flood_cell(fw, op), flood_cell(fd, op)
        r = ratio(av, bv) if av and bv else ""
        what = (f"{total:,.0f} distinct ports into zone public, which grows by each"
                if op == "add" else "the ports added above")
        t.rows.append([f"20 clients: `zone.{method}` of {what}; calls per second "
                       "(higher is better), then runtime state = kernel listing?", a, b, "", r, "",
                       "≥ 10,000/s, agree" if op == "add" else "agree"])
    t.row("RSS with the 20 clients' ports added", "rss.after_flood_kb", fmt_mb, "", calls_fail)
    t.row("RSS after the calls above (ports added and removed again)", "rss.after_removed_kb",
          fmt_mb, "as idle", calls_fail)
    n = num(fw, "add_entries.n") or num(fd, "add_entries.n") or 0
    t.row(f"one `--ipset --add-entries-from-file` process, {n:,.0f} entries, empty hash:ip set",
          "add_entries.s", fmt_s, "one batch", ("add_entries.fail",))
    t.row("peak RSS during that `--add-entries-from-file`", "add_entries.peak_kb", fmt_mb, "",
          ("add_entries.fail",))
    for w in big:
        d = DESCRIPTION.get(w, w)
        fails = (f"{w}.fail",)
        t.row(f"{d}: first load (start to D-Bus ready)", f"{w}.start_s", fmt_s,
              "≤ 1.0× `nft -f`", fails, nft=f"{w}.nft_s")
        t.row(f"{d}: reload", f"{w}.reload_s", fmt_s, "≤ 1.0× `nft -f`",
              fails + (f"{w}.reload_fail",), nft=f"{w}.nft_s")
        t.row(f"{d}: peak RSS (`nft -f` column: kernel memory the loaded ruleset takes)",
              f"{w}.peak_kb", fmt_mb, "≤ 2× kernel" if "ipset" in w else "", fails,
              nft=f"{w}.kernel_kb")
        t.row(f"{d}: RSS with the workload loaded", f"{w}.rss_loaded_kb", fmt_mb, "", fails)
        t.row(f"{d}: RSS after the workload is removed (reload to the defaults)",
              f"{w}.rss_removed_kb", fmt_mb, "as idle", fails)
    t.print()
    print()
    for name, kv in (("fwctld", fw), ("firewalld", fd)):
        if kv.get("add_entries.count_ok") == "0":
            print(f"- **{name}: the ipset's entry count after --add-entries-from-file is wrong**")
    if not fd:
        print("- firewalld is not installed here (or FIREWALLD=none): its column is empty.")


if __name__ == "__main__":
    main()
