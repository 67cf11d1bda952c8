# ip nexthop fdb nexthops and groups (as VXLAN FDB entries use them)
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
ip nexthop add id 1 via 192.0.2.2 fdb
ip nexthop add id 2 via 192.0.2.3 fdb
ip nexthop add id 3 via 2001:db8::3 fdb
ip -6 nexthop add id 4 via 2001:db8::4 fdb
ip nexthop add id 5 via 192.0.2.5 dev va
ip nexthop add id 10 group 1/2 fdb
ip nexthop add id 11 group 1,3/2,5 fdb
ip nexthop add id 12 fdb group 3/4
ip nexthop add id 13 group 1/5 fdb
ip nexthop add id 14 group 1/2 fdb type resilient buckets 4
ip nexthop add id 15 group 5 fdb
ip nexthop add id 16 group 1 protocol static fdb
ip nexthop
ip -d nexthop
ip -j nexthop
ip -j -p nexthop show id 11
ip nexthop show fdb
ip nexthop show f
ip nexthop show fdb groups
ip -6 nexthop show fdb
ip nexthop show fdb dev va
ip -c nexthop show fdb
ip nexthop get id 1
ip -j nexthop get id 10
ip -o nexthop show groups
ip nexthop replace id 1 via 192.0.2.20 fdb
ip nexthop replace id 2 via 192.0.2.30 dev va
ip nexthop show id 1
ip -echo nexthop add id 20 via 192.0.2.21 fdb
ip -echo -j nexthop add id 21 group 20 fdb
ip nexthop flush fdb
ip nexthop
