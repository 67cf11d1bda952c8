# ip nexthop groups: weights, types, group filters, members going away
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 198.51.100.1/24 dev vb
$IP addr add 2001:db8::1/64 dev va nodad
ip nexthop add id 1 via 192.0.2.2 dev va
ip nexthop add id 2 via 192.0.2.3 dev va
ip nexthop add id 3 via 198.51.100.2 dev vb
ip nexthop add id 4 via 2001:db8::2 dev va
ip nexthop add id 5 blackhole
ip nexthop add id 10 group 1/2
ip nexthop add id 11 group 1,5/2,256/3,1
ip nexthop add id 12 group 1/3 type mpath
ip nexthop add id 13 group 3 protocol static
ip nexthop add id 14 group 4
ip nexthop add id 15 group 5
ip nexthop add id 16 group 10/3
ip nexthop
ip -d nexthop
ip -j nexthop
ip -j -p nexthop show groups
ip nexthop show groups
ip nexthop show group
ip nexthop show g
ip -6 nexthop show groups
ip nexthop show groups dev va
ip nexthop show dev vb
ip nexthop show groups protocol 4
ip nexthop get id 11
ip -j nexthop get id 11
ip -c nexthop show id 11
ip -o nexthop show groups
ip nexthop replace id 10 group 2,3
ip nexthop show id 10
ip nexthop replace id 10 group 1/2/3 type mpath
ip nexthop show id 10
ip nexthop del id 2
ip nexthop show groups
ip -echo nexthop add id 20 group 1,2/3
ip -echo -j nexthop add id 21 group 1/3,4 type mpath
ip -echo -j nexthop del id 20
ip nexthop del id 11
ip nexthop
$IP link set vb down
ip nexthop
ip -d nexthop
ip -j nexthop
$IP link set vb up
ip nexthop
