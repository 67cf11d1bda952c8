# ip neigh flush: selectors, rounds with -s and -s -s, what is kept
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev va
$IP neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev va nud reachable
$IP neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev va nud stale
$IP neigh add 192.0.2.4 dev va nud failed
$IP neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev va nud noarp
$IP neigh add 198.51.100.1 lladdr 02:00:00:00:01:01 dev vb nud stale
$IP neigh add 198.51.100.2 lladdr 02:00:00:00:01:02 dev vb nud reachable
$IP neigh add 2001:db8::1 lladdr 02:00:00:00:02:01 dev vb nud stale
ip neigh flush
ip -s neigh flush dev va nud none
ip -s neigh flush to 198.51.100.1
ip -4 neigh show nud all | sort
ip -s neigh flush dev va
ip -4 neigh show nud all | sort
ip -s neigh flush dev va
ip neigh flush dev va nud permanent
ip -4 neigh show nud all | sort
$IP neigh add 192.0.2.6 lladdr 02:00:00:00:00:06 dev va nud stale
$IP neigh add 192.0.2.7 lladdr 02:00:00:00:00:07 dev va nud stale
ip -s -s neigh flush dev va | sed 's/used [0-9]*\/[0-9]*\/[0-9]*/used T/' | sort
ip -j neigh flush dev vb nud stale
ip -6 neigh show dev vb nud stale | sort
$IP neigh add 192.0.2.8 lladdr 02:00:00:00:00:08 dev va nud stale
ip -s neigh flush all
ip -4 neigh show nud all | sort
$IP neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev va
$IP neigh add 192.0.2.10 lladdr 02:00:00:00:00:0a dev va nud noarp
ip -s neigh flush dev va nud all
ip -4 neigh show nud all | sort
ip neigh f dev vb
ip neigh flush dev nosuch
ip neigh flush nud bogus
ip neigh flush to
