# ip neigh show over more entries than one dump datagram holds (printed as
# they arrive): text, JSON (one well-formed array), -s, filters, get; few
# STALE entries, so the garbage collector (gc_thresh1 128) leaves them alone
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
awk 'BEGIN { for (i = 0; i < 1200; i++) printf "neigh add 10.1.%d.%d lladdr 02:00:00:00:%02x:%02x dev %s nud %s\n", i / 256, i % 256, i / 256, i % 256, (i % 3 ? "va" : "vb"), (i % 10 ? "permanent" : "stale") }' > entries
$IP -batch entries
ip neigh show | sort
ip neigh show | wc -l
ip -j neigh show | wc -c
ip -j neigh show | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort
ip -j neigh show | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
ip -s neigh show dev vb | sed 's/used [0-9]*\/[0-9]*\/[0-9]*/used T/' | sort
ip neigh show nud stale dev va to 10.1.2.0/24 | sort
ip -br neigh show to 10.1.4.0/24 | sort
ip -o -4 neigh show nud permanent | wc -l
ip neigh get 10.1.4.173 dev vb
