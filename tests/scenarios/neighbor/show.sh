# ip neigh show selectors: to, nud, proxy, unused, protocol, dev, master, vrf, nomaster; get
$IP link add va type veth peer name vb
$IP link add br0 type bridge
$IP link set va master br0
$IP link set va up
$IP link set vb up
$IP link set br0 up
$IP neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev va
$IP neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev vb nud reachable protocol static
$IP neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev vb nud stale router
$IP neigh add 192.0.2.130 lladdr 02:00:00:00:00:04 dev br0 nud noarp
$IP neigh add 198.51.100.1 dev vb nud failed
$IP neigh add 198.51.100.2 dev br0 nud incomplete
$IP neigh add 2001:db8::1 lladdr 02:00:00:00:01:01 dev vb nud delay
$IP neigh add 2001:db8::2 lladdr 02:00:00:00:01:02 dev br0 nud probe
$IP neigh add proxy 192.0.2.200 dev vb
$IP neigh add 192.0.2.4 dev vb nud none lladdr 2:0:0:0:0:5
ip neigh show | sort
ip neigh show to 192.0.2.0/24 | sort
ip neigh show 192.0.2.0/25 | sort
ip neigh show to 192.0.2.2 | sort
ip neigh show to 2001:db8::/64 | sort
ip -6 neigh show to 2001:db8::2/128 | sort
ip neigh show to 0/0 | sort
ip neigh show to default | sort
ip neigh show to all | sort
ip -4 neigh show nud all | sort
ip -4 neigh show nud none | sort
ip neigh show nud permanent | sort
ip neigh show nud reachable nud stale | sort
ip -4 neigh show nud noarp | sort
ip neigh show nud failed | sort
ip neigh show nud incomplete | sort
ip neigh show nud delay | sort
ip neigh show nud probe | sort
ip neigh show nud 0x4 | sort
ip neigh show nud perm nud fail | sort
ip neigh show proxy | sort
ip neigh show unused | sort
ip -4 neigh show unused nud all | sort
ip neigh show protocol static | sort
ip neigh show protocol all | sort
ip neigh show proto 0 | sort
ip neigh show dev vb | sort
ip neigh show dev vb to 192.0.2.0/30 | sort
ip neigh show master br0 | sort
ip -4 neigh show nomaster | sort
ip -j neigh show master br0 | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort
ip -4 neigh list dev br0 nud all | sort
ip -j -p neigh show dev vb to 192.0.2.3
ip -j -p neigh show dev vb to 192.0.2.4 nud all
ip -4 -j neigh show nud all | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort
ip neigh get 192.0.2.1 dev va
ip neigh get 192.0.2.2 dev vb
ip neigh get to 192.0.2.3 dev vb
ip -6 neigh get 2001:db8::1 dev vb
ip -j neigh get 192.0.2.2 dev vb
ip -s neigh get 192.0.2.3 dev vb | sed 's/used [0-9]*\/[0-9]*\/[0-9]*/used T/'
ip neigh g 192.0.2.2 dev vb
ip neigh get 192.0.2.99 dev vb
ip neigh get 192.0.2.1 dev vb
ip neigh get 192.0.2.1 dev nosuch
ip neigh get 192.0.2.1
ip neigh get dev vb
ip neigh get 192.0.2.1 192.0.2.2 dev vb
ip neigh get help
ip neigh get to
ip neigh get bogus dev vb
ip -6 neigh get 192.0.2.1 dev vb
echo '192.0.2.1 hostone' >> /etc/hosts; ip -r neigh show dev va
ip -r -j neigh show dev va
ip -br -c neigh show dev vb to 192.0.2.2
ip -br neigh show dev vb to 192.0.2.2
ip -br -s neigh show to 192.0.2.3
ip -c -j neigh show to 192.0.2.3
ip -4 -s -j -p neigh show dev va | sed 's/"\(used\|confirmed\|updated\)": [0-9]*/"\1": T/g'
