# ip neigh add/change/replace/delete with every state and flag, read back with both tools
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP link add br0 type bridge
ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev va
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev va nud reachable
ip neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev va nud stale router
ip neigh add 192.0.2.4 lladdr 02:00:00:00:00:04 dev va nud delay
ip neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev va nud probe
ip neigh add 192.0.2.6 dev va nud failed
ip neigh add 192.0.2.7 dev va nud incomplete
ip neigh add 192.0.2.8 dev va nud noarp lladdr 02:00:00:00:00:08
ip neigh add 192.0.2.9 dev va nud none lladdr 02:00:00:00:00:09
ip neigh add 192.0.2.10 lladdr 02:00:00:00:00:0a dev va nud perm protocol static
ip neigh add 192.0.2.11 lladdr 02:00:00:00:00:0b dev va extern_learn
ip neigh add 192.0.2.12 dev va managed
ip neigh add 192.0.2.13 lladdr 02:00:00:00:00:0d dev va use
ip neigh add to 192.0.2.14 lladdr 192.0.2.1 dev va nud 0x80
ip neigh add 192.0.2.15 lladdr null dev va nud noarp
ip neigh add 192.0.2.16 lladdr 2:0:0:0:0:10 dev va protocol 99
ip neigh add 192.0.2.17 lladdr 2:0:0:0:0:11 dev va nud reach router extern_l proto boot
ip neigh add 192.0.2.18 dev va nud fail
ip neigh add 192.0.2.19 lladdr 2:0:0:0:0:13 dev va nud 2
ip neigh add 192.0.2.20 lladdr 02:00:00:00:00:14:01:02 dev va
ip -6 neigh add 2001:db8::1 lladdr 02:00:00:00:01:01 dev va router
ip neigh add 2001:db8::2 lladdr 02:00:00:00:01:02 dev vb nud stale
ip neigh add 198.51.100.1 lladdr 02:00:00:00:02:01 dev br0
ip -4 neigh add 198.51.100.2 lladdr 02:00:00:00:02:02 dev br0 nud noarp
ip -4 neigh show dev va nud all | sort
ip neigh | sort
$IP neigh | sort
ip -4 neigh | sort
ip -6 neigh | sort
ip -0 neigh | sort
ip -j neigh | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort
ip -j -p neigh show to 192.0.2.17 dev va
ip -j -p neigh show to 2001:db8::1
ip -d neigh | sort
ip -o neigh | sort
ip -N neigh | sort
ip -c neigh | sort
ip -color=always neigh show dev va | sort
ip -br neigh | sort
ip -br -j neigh | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort
ip -s neigh show dev br0 | sed 's/used [0-9]*\/[0-9]*\/[0-9]*/used T/'
ip -s -j neigh show dev br0 | sed 's/"\(used\|confirmed\|updated\)":[0-9]*/"\1":T/g'
ip neigh change 192.0.2.1 lladdr 02:00:00:00:00:11 dev va
ip neigh change 192.0.2.99 lladdr 02:00:00:00:00:11 dev va
ip neigh chg 192.0.2.2 dev va nud stale lladdr 02:00:00:00:00:22
ip neigh replace 192.0.2.3 lladdr 02:00:00:00:00:33 dev va nud permanent
ip neigh replace 192.0.2.30 lladdr 02:00:00:00:00:30 dev va
ip neigh rep 192.0.2.31 lladdr 02:00:00:00:00:31 dev va nud stale
ip neigh show dev va | sort
ip neigh del 192.0.2.1 dev va
ip neigh delete 192.0.2.2 dev va
ip neigh d 2001:db8::1 dev va
ip neigh del 192.0.2.1 dev va
ip neigh add 192.0.2.3 lladdr 02:00:00:00:00:33 dev va
ip neigh a 192.0.2.40 lladdr 02:00:00:00:00:40 dev vb
ip neighbour show dev vb | sort
ip n s dev vb | sort
ip neighb list dev vb | sort
ip neigh lst dev vb | sort
ip ne sh dev vb | sort
ip neighbor | sort
$IP -4 neigh show nud all dev va | sort
