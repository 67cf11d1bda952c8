#!/usr/bin/env python3
"""Feed ip a crafted RTM_NEWROUTE carrying an encap through `ip route
showdump`, and print what ip makes of it (the printer oracle)."""
import subprocess, struct, json, sys

def attr(t, payload):
    l = 4 + len(payload)
    return struct.pack("<HH", l, t) + payload + b"\0" * (((l + 3) & ~3) - l)

def route(kind, encap):
    rtm = struct.pack("<BBBBBBBBI", 2, 24, 0, 0, 254, 4, 0, 1, 0)
    body = rtm + attr(15, struct.pack("<I", 254)) + attr(1, bytes([203, 0, 113, 0])) \
        + attr(0x16, encap) + attr(0x15, struct.pack("<H", kind)) + attr(4, struct.pack("<I", 1))
    hdr = struct.pack("<IHHII", 16 + len(body), 24, 2, 1, 0)
    return struct.pack("<I", 0x45311224) + hdr + body

def show(kind, encap, opts):
    data = route(kind, encap)
    open("/tmp/lwt/route.dump", "wb").write(data[4:])
    p = subprocess.run(["unshare", "--net", "sh", "-c", "ip link set lo up; FAKE_DUMP=/tmp/lwt/route.dump LD_PRELOAD=/tmp/lwt/shim/fake.so ip %s route show" % " ".join(opts)], capture_output=True)
    return p.stdout.decode(), p.stderr.decode()

def encap_text(out):
    start = out.index("203.0.113.0/24 ") + len("203.0.113.0/24 ")
    if out[start:].startswith("\x1b[0m"):
        start += len("\x1b[0m")
        return out[start:out.rindex("dev \x1b[36mlo")]
    return out[start:out.rindex("dev lo proto")]

def encap_json(out):
    a = out.index('"encap":'); b = out.index(',"dev":"lo"')
    return "[{" + out[a:b] + "}]\n"

def encap_json_old(out):
    obj = json.loads(out, object_pairs_hook=lambda pairs: pairs)[0]
    keys = [k for k, _ in obj]
    a = keys.index("encap"); b = keys.index("dev")
    return "[{" + ",".join(json.dumps(k) + ":" + json.dumps(v_to(v), separators=(",", ":")) for k, v in obj[a:b]) + "}]\n"

def v_to(v):
    if isinstance(v, list):
        if all(isinstance(x, tuple) and len(x) == 2 for x in v) and v:
            return dict(v)
        return [v_to(x) for x in v]
    return v

for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith("#"): continue
    name, kind, hexs, *opts = line.split()
    hexs = "" if hexs == "-" else hexs
    encap = bytes.fromhex(hexs)
    res = {"name": name, "kind": int(kind), "attrs": hexs, "opts": opts}
    out, err = show(int(kind), encap, opts)
    if err: res["stderr"] = err
    try:
        res["out"] = encap_json(out) if "-j" in opts else encap_text(out)
    except Exception as e:
        res["raw"] = out
    print(json.dumps(res))
