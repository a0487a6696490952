#!/usr/bin/python3
"""What the kernel did with one packet, for tests/cli/why.sh.

  why_probe.py listen                     # TCP on 22 23 8080, UDP echo on 9998 9999, v4 and v6
  why_probe.py tcp|udp SRC DST PORT       # prints accept, reject or drop
  why_probe.py icmp|icmpv6 SRC DST

Every port the test asks about has a listener, so a refused connection (TCP reset, ICMP port
unreachable) can only come from the firewall: accept = connected / echoed, reject = refused or
unreachable, drop = nothing within the timeout.
"""
import errno
import os
import select
import socket
import struct
import sys

TIMEOUT = 1.5
REFUSED = {errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.EACCES, errno.ENETUNREACH, errno.EPERM}


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def listen():
    socks = []
    for port in (22, 23, 8080):
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("::", port))
        s.listen(16)
        socks.append(s)
    for port in (9998, 9999):
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.bind(("::", port))
        socks.append(s)
    print("listening", flush=True)
    while True:
        ready, _, _ = select.select(socks, [], [])
        for s in ready:
            if s.type == socket.SOCK_STREAM:
                s.accept()[0].close()
            else:
                data, peer = s.recvfrom(512)
                s.sendto(data, peer)


def tcp(src, dst, port):
    s = socket.socket(family(dst), socket.SOCK_STREAM)
    s.bind((src, 0))
    s.settimeout(TIMEOUT)
    try:
        s.connect((dst, port))
        return "accept"
    except socket.timeout:
        return "drop"
    except OSError as e:
        return "reject" if e.errno in REFUSED else "error " + str(e)


def udp(src, dst, port):
    s = socket.socket(family(dst), socket.SOCK_DGRAM)
    s.bind((src, 0))
    s.connect((dst, port))
    s.settimeout(TIMEOUT)
    try:
        s.send(b"why")
        s.recv(512)
        return "accept"
    except socket.timeout:
        return "drop"
    except OSError as e:
        return "reject" if e.errno in REFUSED else "error " + str(e)


def checksum(data):
    data += b"\0" * (len(data) % 2)
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    total = (total >> 16) + (total & 0xFFFF)
    return ~(total + (total >> 16)) & 0xFFFF


def icmp(src, dst, v6):
    proto = socket.IPPROTO_ICMPV6 if v6 else socket.IPPROTO_ICMP
    s = socket.socket(family(dst), socket.SOCK_RAW, proto)
    s.bind((src, 0))
    ident = os.getpid() & 0xFFFF
    echo, reply, unreachable = (128, 129, 1) if v6 else (8, 0, 3)
    header = struct.pack("!BBHHH", echo, 0, 0, ident, 1) + b"why"
    if not v6:  # the kernel fills in the ICMPv6 checksum itself
        header = header[:2] + struct.pack("!H", checksum(header)) + header[4:]
    s.sendto(header, (dst, 0))
    s.settimeout(TIMEOUT)
    try:
        while True:
            data, _ = s.recvfrom(1024)
            if not v6:
                data = data[(data[0] & 0x0F) * 4:]
            if data[0] == reply and struct.unpack("!H", data[4:6])[0] == ident:
                return "accept"
            if data[0] == unreachable:
                return "reject"
    except socket.timeout:
        return "drop"


def main():
    what = sys.argv[1]
    if what == "listen":
        listen()
    elif what in ("tcp", "udp"):
        fn = tcp if what == "tcp" else udp
        print(fn(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    else:
        print(icmp(sys.argv[2], sys.argv[3], what == "icmpv6"))


main()
