#!/usr/bin/env python3
"""Makes TCP metrics entries: two short loopback connections, IPv4 and IPv6,
between the addresses the tcpmetrics scenario puts on lo."""
import socket, sys, threading
def pair(fam, server, client=None):
    s = socket.socket(fam, socket.SOCK_STREAM); s.bind((server, 0)); s.listen(1)
    port = s.getsockname()[1]
    c = socket.socket(fam, socket.SOCK_STREAM)
    if client: c.bind((client, 0))
    c.connect((server, port)); a, _ = s.accept()
    for _ in range(20):
        c.sendall(b"x" * 10000); a.recv(65536); a.sendall(b"y"*100); c.recv(100)
    c.close(); a.close(); s.close()
pair(socket.AF_INET, "192.0.2.2", "192.0.2.1")
pair(socket.AF_INET6, "2001:db8::2", "2001:db8::1")
