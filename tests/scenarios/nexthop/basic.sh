# ip nexthop add/replace/delete/show/get over single nexthops, in every output mode
ip nexthop
ip nexthop ls
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 2001:db8::1/64 dev va nodad
$IP addr add 198.51.100.1/24 dev vb
ip nexthop add id 1 via 192.0.2.2 dev va
ip nexthop add id 2 via inet6 2001:db8::2 dev va
ip nexthop add id 3 blackhole
ip nexthop add id 4 dev va proto static
ip nexthop add id 5 via 192.0.2.3 dev va onlink
ip nexthop a id 6 via 198.51.100.2 dev vb pro 99
ip -6 nexthop add id 7 blackhole protocol boot
ip nexthop add id 8 via 2001:db8::8 dev va
ip -4 nexthop add id 9 dev vb
ip nexthop add via 192.0.2.50 dev va
ip nexthop
ip nexthop list
ip nexthop lst
ip nexthop show
ip nexthop sh
ip nexthop l
ip -4 nexthop
ip -6 nexthop
ip -0 nexthop
ip -d nexthop
ip -s nexthop
ip -o nexthop
ip -N -d nexthop
ip -c nexthop
ip -c -d nexthop
ip -j nexthop
ip -j -p nexthop
ip -d -j -p nexthop
ip -N -j nexthop
ip nexthop show dev va
ip nexthop show dev vb
ip nexthop show d vb
ip -j nexthop show dev vb
ip nexthop show protocol 4
ip nexthop show protocol 0x63
ip nexthop show protocol 300
ip nexthop show fdb
ip nexthop show id 5
ip nexthop show protocol 4 id 5
ip nexthop show protocol 4 id 4
ip nexthop show id 5 dev vb
ip nexthop get id 1
ip nexthop g id 2
ip -j nexthop get id 3
ip -j -p nexthop get id 4
ip -d nexthop get id 6
ip nexthop replace id 1 via 192.0.2.20 dev va
ip nexthop replace id 40 via 192.0.2.40 dev va
ip nexthop show id 1
ip nexthop show id 40
ip -echo nexthop add id 41 via 192.0.2.41 dev va
ip -echo -j nexthop add id 42 via 192.0.2.42 dev va
ip -echo nexthop del id 41
ip -echo -j nexthop del id 42
ip -echo nexthop replace id 40 blackhole
ip nexthop del id 40
ip nexthop delete id 1
ip nexthop d id 2
ip nexthop
$IP link del va
ip nexthop
ip -j nexthop
