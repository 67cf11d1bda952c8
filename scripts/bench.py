#!/usr/bin/env python3
"""Benchmarks rnet against iproute2's ip on the same kernel objects.

Usage (as root, or where unprivileged user namespaces work):

    cargo build --release && python3 scripts/bench.py [--runs N] [--links N] [--routes N] [--neighbors N] [--only NAME]

The script re-runs itself inside a throw-away sandbox (fresh network, mount and
PID namespaces with a private /run), builds the objects there with the real ip,
and times each workload with ip and rnet alternately. It prints, per workload,
the median wall time of each tool and the ratio rnet/ip, next to the issue's
target. It is a benchmark, not a test: nothing here asserts.
"""

import argparse
import ctypes
import os
import resource
import statistics
import subprocess
import sys
import time

IP = "/usr/sbin/ip"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RNET = os.path.join(ROOT, "target", "release", "rnet")


def sandboxed(argv):
    """Re-executes this script inside a sandbox."""
    prefix = ["unshare", "--net", "--mount", "--pid", "--fork", "--propagation", "private"]
    if os.geteuid() != 0:
        prefix[1:1] = ["--user", "--map-root-user"]
    setup = (
        "mount -t tmpfs tmpfs /run && mkdir -p /run/netns && "
        'exec python3 "$0" --inside "$@"'
    )
    return subprocess.call(prefix + ["sh", "-c", setup, __file__] + argv)


def run(argv, stdin=None):
    """Runs one command quietly; returns (seconds, max RSS in KiB of it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(before, after)


def peak_rss(tool, args):
    """Peak resident memory (KiB) of one run, measured by GNU time."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", tool] + args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    return int(out.stderr.strip().splitlines()[-1])


def batch_file(path, lines):
    with open(path, "w") as f:
        f.writelines(line + "\n" for line in lines)
    return path


CLONE_NEWNET = 0x40000000
LIBC = ctypes.CDLL(None, use_errno=True)
HOME_NS = None


def enter(name):
    """Moves this (single-threaded) process, and so every tool it starts,
    into a network namespace: `None` is the sandbox's own."""
    global HOME_NS
    if HOME_NS is None:
        HOME_NS = os.open("/proc/self/ns/net", os.O_RDONLY)
    fd = HOME_NS if name is None else os.open(f"/run/netns/{name}", os.O_RDONLY)
    if LIBC.setns(fd, CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), f"setns {name}")
    if fd != HOME_NS:
        os.close(fd)


def populate(count):
    """Enters a namespace holding `count` ifb links ifb0.., each with one /32
    address, built with ip -batch the first time. Deleting ten thousand
    links takes minutes, so every population gets a namespace of its own."""
    name = f"pop{count}"
    enter(None)
    if not os.path.exists(f"/run/netns/{name}"):
        subprocess.run([IP, "netns", "add", name], check=True)
        enter(name)
        lines = ["link set lo up"]
        lines += [f"link add ifb{i} type ifb" for i in range(count)]
        lines += [f"addr add 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}/32 dev ifb{i}" for i in range(count)]
        subprocess.run([IP, "-batch", batch_file(f"/run/bench-add-{count}", lines)], check=True)
    enter(name)


def timed(name, target, runs, make_args, setup=None, stdin_file=None):
    """Alternates ip and rnet `runs` times; prints medians and the ratio."""
    samples = {IP: [], RNET: []}
    for _ in range(runs):
        for tool in (IP, RNET):
            if setup:
                setup()
            stdin = open(stdin_file) if stdin_file else None
            seconds = 0.0
            for argv in make_args(tool):
                seconds += run(argv, stdin=stdin)[0]
            samples[tool].append(seconds)
    ip_median = statistics.median(samples[IP])
    rnet_median = statistics.median(samples[RNET])
    ratio = rnet_median / ip_median if ip_median else float("nan")
    print(f"{name:<48} ip {ip_median*1000:9.1f} ms  rnet {rnet_median*1000:9.1f} ms  "
          f"ratio {ratio:5.2f}  (target {target})", flush=True)
    return ratio


def main_inside(args):
    runs = args.runs
    n = args.links
    wanted = lambda name: not args.only or args.only in name
    print(f"# ip: {IP}  rnet: {RNET}  runs: {runs}  links: {n}", flush=True)
    subprocess.run([IP, "link", "set", "lo", "up"], check=True)
    if wanted("start-up"):
        enter(None)
        timed("start-up: 100 x link show lo", "<= 1.0", runs,
              lambda tool: [[tool, "link", "show", "lo"]] * 100)
    link_workloads = ("link show", "-d link show", "-s link show", "addr show", "-j addr show",
                      "-br addr show", "-4 -o addr show", "growth", "memory link show",
                      "memory -d link show", "memory -s link show", "memory addr show")
    if any(wanted(w) for w in link_workloads):
        populate(n)
    for label, extra in (("link show", []), ("-d link show", ["-d"]), ("-s link show", ["-s"])):
        if wanted(label):
            timed(f"{n} links: {label}", "<= 1.0", runs, lambda tool, e=extra: [[tool] + e + ["link", "show"]])
    for label, extra in (("addr show", []), ("-j addr show", ["-j"]), ("-br addr show", ["-br"]),
                         ("-4 -o addr show", ["-4", "-o"])):
        if wanted(label):
            timed(f"{n} links: {label}", "<= 0.3", runs, lambda tool, e=extra: [[tool] + e + ["addr", "show"]])
    for label, extra, target in (("link show", [], "0.5"), ("-d link show", ["-d"], "0.5"),
                                 ("-s link show", ["-s"], "0.5"), ("addr show", [], "0.75")):
        if wanted("memory " + label):
            argv = extra + label.split()[-2:]
            ip_kib = statistics.median(peak_rss(IP, argv) for _ in range(3))
            rnet_kib = statistics.median(peak_rss(RNET, argv) for _ in range(3))
            print(f"{'peak memory of ' + label + ' at ' + str(n) + ' links':<48} ip {ip_kib:9d} KiB rnet {rnet_kib:9d} KiB "
                  f"ratio {rnet_kib/ip_kib:5.2f}  (target <= {target})", flush=True)
    if wanted("growth"):
        for tool in (IP, RNET):
            populate(n)
            small = statistics.median(run([tool, "addr", "show"])[0] for _ in range(runs))
            populate(2 * n)
            large = statistics.median(run([tool, "addr", "show"])[0] for _ in range(runs))
            print(f"{'growth addr show ' + str(2*n) + '/' + str(n) + ' links (' + os.path.basename(tool) + ')':<48} "
                  f"{small*1000:9.1f} ms -> {large*1000:9.1f} ms  ratio {large/small:5.2f}  (target <= 2.2 for rnet)",
                  flush=True)
    if wanted("batch"):
        enter(None)
        adds = batch_file("/run/bench-links", [f"link add b{i} type ifb" for i in range(n)]
                          + [f"addr add 10.200.{i >> 8 & 255}.{i & 255}/32 dev b{i}" for i in range(n)])
        fresh = iter(range(10 ** 6))

        def fresh_namespace():
            enter(None)
            name = f"batch{next(fresh)}"
            subprocess.run([IP, "netns", "add", name], check=True)
            enter(name)

        timed(f"-batch: {n} link add + {n} addr add", "<= 1.0", runs,
              lambda tool: [[tool, "-batch", adds]], setup=fresh_namespace)
    if not args.only or "route" in args.only:
        route_workloads(args.routes, runs, wanted)
    if not args.only or "neigh" in args.only:
        neighbor_workloads(args.neighbors, runs, wanted)
    enter(None)
    if wanted("netns"):
        enter(None)
        timed("50 x netns add + 50 x netns delete", "<= 1.0", runs,
              lambda tool: [[tool, "netns", "add", f"b{i}"] for i in range(50)]
              + [[tool, "netns", "delete", f"b{i}"] for i in range(50)])


def route_lines(count):
    """`count` distinct IPv4 /32 routes through an ifb device r0."""
    return [f"route add 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}/32 dev r0" for i in range(count)]


def route_namespace(name, count):
    """Enters a fresh namespace `name` with an up ifb r0 and, if `count`,
    that many routes through it (added by ip -batch)."""
    enter(None)
    subprocess.run([IP, "netns", "add", name], check=True)
    enter(name)
    subprocess.run([IP, "link", "add", "r0", "type", "ifb"], check=True)
    subprocess.run([IP, "link", "set", "r0", "up"], check=True)
    if count:
        subprocess.run([IP, "-batch", batch_file("/run/bench-routes", route_lines(count))], check=True)


def route_workloads(count, runs, wanted):
    """A full Internet routing table's worth of /32 routes: adding them in a
    batch, listing them (text and JSON), flushing them, and route get."""
    fresh = iter(range(10 ** 6))
    adds = batch_file("/run/bench-route-adds", route_lines(count))
    if wanted("route batch"):
        timed(f"-batch: {count} route add", "<= 0.5", runs,
              lambda tool: [[tool, "-batch", adds]],
              setup=lambda: route_namespace(f"rb{next(fresh)}", 0))
        for tool in (IP, RNET):
            route_namespace(f"rbm{next(fresh)}", 0)
            print(f"{'peak memory of that batch (' + os.path.basename(tool) + ')':<48} "
                  f"{peak_rss(tool, ['-batch', adds]):9d} KiB  (target rnet <= 16384)", flush=True)
    if any(wanted(w) for w in ("route show", "-j route show", "route get", "routes memory")):
        route_namespace("rshow", count)
    if wanted("route show"):
        timed(f"{count} routes: route show", "<= 0.8", runs, lambda tool: [[tool, "route", "show"]])
    if wanted("-j route show"):
        timed(f"{count} routes: -j route show", "<= 0.8", runs, lambda tool: [[tool, "-j", "route", "show"]])
    if wanted("routes memory"):
        for tool in (IP, RNET):
            print(f"{'peak memory of route show (' + os.path.basename(tool) + ')':<48} "
                  f"{peak_rss(tool, ['route', 'show']):9d} KiB  (target rnet <= ip)", flush=True)
    if wanted("route get"):
        timed("1000 x route get (separate processes)", "<= 1.0", runs,
              lambda tool: [[tool, "route", "get", f"10.0.{i >> 8 & 255}.{i & 255}"] for i in range(1000)])
    if wanted("route flush"):
        timed(f"{count} routes: route flush", "<= 1.0", runs,
              lambda tool: [[tool, "route", "flush", "dev", "r0"]],
              setup=lambda: route_namespace(f"rf{next(fresh)}", count))


def neighbor_lines(count):
    """`count` permanent IPv4 neighbours on an ifb device n0."""
    return [f"neigh add 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255} lladdr 02:00:00:{i >> 16 & 255:02x}:"
            f"{i >> 8 & 255:02x}:{i & 255:02x} dev n0 nud permanent" for i in range(count)]


def neighbor_namespace(name, count):
    """Enters a fresh namespace `name` with an up ifb n0 holding 10/8 and, if
    `count`, that many permanent neighbours on it (added by ip -batch)."""
    enter(None)
    subprocess.run([IP, "netns", "add", name], check=True)
    enter(name)
    subprocess.run([IP, "link", "add", "n0", "type", "ifb"], check=True)
    subprocess.run([IP, "link", "set", "n0", "up"], check=True)
    subprocess.run([IP, "addr", "add", "10.0.0.0/8", "dev", "n0"], check=True)
    if count:
        subprocess.run([IP, "-batch", batch_file("/run/bench-neigh", neighbor_lines(count))], check=True)


def neighbor_workloads(count, runs, wanted):
    """Permanent neighbour entries: listing them, and adding them in a batch."""
    fresh = iter(range(10 ** 6))
    if wanted("neigh show") or wanted("neigh memory"):
        neighbor_namespace("nshow", count)
    if wanted("neigh show"):
        timed(f"{count} neighbours: neigh show", "<= 1.0", runs, lambda tool: [[tool, "neigh", "show"]])
    if wanted("neigh memory"):
        # The median of `runs`: one run's peak moves by a few hundred KiB.
        for tool in (IP, RNET):
            peak = statistics.median(peak_rss(tool, ["neigh", "show"]) for _ in range(runs))
            print(f"{'peak memory of neigh show (' + os.path.basename(tool) + ')':<48} "
                  f"{peak:9.0f} KiB  (target rnet <= ip)", flush=True)
    if wanted("neigh batch"):
        adds = batch_file("/run/bench-neigh-adds", neighbor_lines(count))
        timed(f"-batch: {count} neigh add", "<= 0.7", runs,
              lambda tool: [[tool, "-batch", adds]],
              setup=lambda: neighbor_namespace(f"nb{next(fresh)}", 0))


def main():
    global RNET
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--links", type=int, default=10000)
    parser.add_argument("--routes", type=int, default=1000000)
    parser.add_argument("--neighbors", type=int, default=10000)
    parser.add_argument("--only", help="run only workloads whose name contains this")
    parser.add_argument(
        "--rnet",
        default=RNET,
        help="the rnet binary to measure (default: the release build; "
        "scripts/build-static.sh prints the static one's path)",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    RNET = os.path.abspath(args.rnet)
    if not os.path.exists(RNET):
        sys.exit(f"{RNET} is missing: run cargo build --release first")
    if args.inside:
        main_inside(args)
        return 0
    argv = [a for a in sys.argv[1:]]
    return sandboxed(argv)


if __name__ == "__main__":
    sys.exit(main())
