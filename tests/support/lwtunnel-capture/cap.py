#!/usr/bin/env python3
"""Capture what `ip route add 203.0.113.0/24 encap ARGS` sends, with the
kernel never seeing it (strace injects EPERM). Prints JSON per case."""
import subprocess, sys, re, json, shlex

def run(args, prog="ip"):
    cmd = ("mount -t tmpfs t /run; mkdir -p /run/netns; "
           "timeout 10 strace -f -o /tmp/lwt/strace.out -e trace=sendmsg -e inject=sendmsg:error=EPERM "
           "-e write=3 -s 65536 " + prog + " " + " ".join(shlex.quote(a) for a in args))
    p = subprocess.run(["unshare", "--net", "--mount", "--propagation", "private", "sh", "-c", cmd],
                       capture_output=True)
    trace = open("/tmp/lwt/strace.out").read()
    # collect hex dumps
    msgs = []
    cur = None
    for line in trace.splitlines():
        m = re.match(r"^(?:\d+\s+)?\s*\* (\d+) bytes in buffer", line)
        if m:
            cur = bytearray(); msgs.append(cur); continue
        m = re.match(r"^(?:\d+\s+)?\s*\| [0-9a-f]{5}  (.{48})", line)
        if m and cur is not None:
            cur.extend(bytes.fromhex(m.group(1).replace(" ", "")))
    return p, msgs

def attrs(buf):
    out = []
    i = 0
    while i + 4 <= len(buf):
        l = int.from_bytes(buf[i:i+2], "little"); t = int.from_bytes(buf[i+2:i+4], "little")
        if l < 4: break
        out.append((t, bytes(buf[i+4:i+l])))
        i += (l + 3) & ~3
    return out

def main():
    for line in sys.stdin:
        line = line.strip()
        if not line or line.startswith("#"): continue
        words = shlex.split(line)
        p, msgs = run(["route", "add", "203.0.113.0/24", "encap"] + words)
        res = {"words": words, "status": p.returncode,
               "stderr": p.stderr.decode(errors="replace").replace("Cannot talk to rtnetlink: Operation not permitted\n", "")}
        routes = [m for m in msgs if len(m) >= 16 and int.from_bytes(m[4:6], "little") == 0x18]
        if routes:
            m = routes[0]
            at = attrs(m[28:])
            res["attrs"] = [(t, a.hex()) for t, a in at]
        print(json.dumps(res))
main()
