#!/usr/bin/python3
"""The kernel's part of one set-element change, without nft or fwctl (docs/performance.md,
"One ipset entry in a 1,000,000-entry set: the kernel's part").

    set_element_kernel.py load N interval|plain > set.nft   # table inet kt, set s: N addresses
    nft -f set.nft                                            # in a namespace of your own
    set_element_kernel.py time interval|plain REPS            # add and remove 100.63.255.1

`time` sends, REPS times, one batch of one NEWSETELEM and then one of one DELSETELEM (the start
and end elements of the address in an interval set, as nft and fwctld send them) on a raw
netlink socket and times each from the send to the ACK: the whole transaction runs in the
kernel meanwhile. Prints the medians and minimums in microseconds.
"""
import socket
import statistics
import struct
import sys
import time

NETLINK_NETFILTER, NFNL_SUBSYS_NFTABLES = 12, 10
BATCH_BEGIN, BATCH_END, NEWSETELEM, DELSETELEM = 16, 17, 12, 14
F_REQUEST, F_ACK, F_CREATE, NESTED = 1, 4, 0x400, 0x8000
NFPROTO_INET = 1
ADDRESS = "100.63.255.1"  # below every address of the set, as the change bench's entry


def attr(kind, payload):
    size = 4 + len(payload)
    return struct.pack("HH", size, kind) + payload + b"\0" * (-size % 4)


def message(kind, flags, seq, family, body, res_id=0):
    head = struct.pack("BBH", family, 0, socket.htons(res_id))
    return struct.pack("IHHII", 16 + len(head) + len(body), kind, flags, seq, 0) + head + body


def element(address, end):
    key = attr(1 | NESTED, attr(1, socket.inet_aton(address)))
    return attr(1 | NESTED, key + (attr(3, struct.pack(">I", 1)) if end else b""))


def batch(kind, interval, seq):
    elements = element(ADDRESS, False)
    if interval:
        after = struct.unpack(">I", socket.inet_aton(ADDRESS))[0] + 1
        elements += element(socket.inet_ntoa(struct.pack(">I", after)), True)
    body = attr(1, b"kt\0") + attr(2, b"s\0") + attr(3 | NESTED, elements)
    flags = F_REQUEST | F_ACK | (F_CREATE if kind == NEWSETELEM else 0)
    return (message(BATCH_BEGIN, F_REQUEST, seq, 0, b"", NFNL_SUBSYS_NFTABLES) +
            message((NFNL_SUBSYS_NFTABLES << 8) | kind, flags, seq + 1, NFPROTO_INET, body) +
            message(BATCH_END, F_REQUEST, seq + 2, 0, b"", NFNL_SUBSYS_NFTABLES))


def load(n, interval):
    # 100.64.0.0 onwards, every third address, in a shuffled order (bench/workloads.cpp).
    step = 400003 if n == 1000000 else 40503
    addresses = (0x64400000 + ((i * step) % n) * 3 for i in range(n))
    elements = ", ".join(socket.inet_ntoa(struct.pack(">I", a)) for a in addresses)
    flags = "flags interval; " if interval else ""
    print("table inet kt {\n set s { type ipv4_addr; %selements = { %s } }\n}" % (flags, elements))


def timed(interval, reps):
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.bind((0, 0))
    times = {NEWSETELEM: [], DELSETELEM: []}
    seq = 1
    for _ in range(reps):
        for kind in (NEWSETELEM, DELSETELEM):
            data = batch(kind, interval, seq)
            seq += 3
            start = time.perf_counter()
            sock.send(data)
            ack = sock.recv(65536)
            times[kind].append(time.perf_counter() - start)
            error = struct.unpack("i", ack[16:20])[0]
            if error != 0:
                sys.exit("the kernel refused the batch: errno %d" % -error)
    for kind, what in ((NEWSETELEM, "add"), (DELSETELEM, "remove")):
        t = times[kind]
        print("%s: median %.0f us, min %.0f us (%d)" %
              (what, statistics.median(t) * 1e6, min(t) * 1e6, reps))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "load":
        load(int(sys.argv[2]), sys.argv[3] == "interval")
    elif len(sys.argv) == 4 and sys.argv[1] == "time":
        timed(sys.argv[2] == "interval", int(sys.argv[3]))
    else:
        sys.exit(__doc__)
