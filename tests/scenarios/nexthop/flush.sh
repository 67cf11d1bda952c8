# ip nexthop flush: all (groups first), by selector, by id; its messages in every mode
ip nexthop flush
ip -j nexthop flush
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 198.51.100.1/24 dev vb
$IP nexthop add id 1 via 192.0.2.2 dev va
$IP nexthop add id 2 via 198.51.100.2 dev vb protocol static
$IP nexthop add id 3 blackhole
$IP -6 nexthop add id 4 blackhole
$IP nexthop add id 10 group 1/2
$IP nexthop add id 11 group 1/2 type resilient buckets 4
ip nexthop flush dev vb
ip nexthop
ip nexthop flush protocol 4
ip nexthop flush protocol 99
ip nexthop flush id 10
ip nexthop flush id 10
ip nexthop
ip -6 nexthop flush
ip nexthop
ip nexthop flush groups
ip nexthop
ip -j nexthop flush
ip nexthop
ip nexthop flush
$IP nexthop add id 1 via 192.0.2.2 dev va
$IP nexthop add id 2 via 198.51.100.2 dev vb
$IP nexthop add id 10 group 1/2
ip -4 nexthop flush
ip nexthop
$IP nexthop add id 1 via 192.0.2.2 dev va
$IP nexthop add id 2 via 198.51.100.2 dev vb
$IP nexthop add id 10 group 1/2
ip nexthop f dev va
ip nexthop
ip nexthop flush fdb
ip nexthop flush master va
ip nexthop
$IP link add br0 type bridge
$IP link set vb master br0
$IP link set br0 up
$IP nexthop add id 1 via 192.0.2.2 dev va
$IP nexthop add id 2 via 198.51.100.2 dev vb
$IP nexthop add id 3 via 198.51.100.3 dev vb
ip nexthop show master br0
ip nexthop show vrf br0
ip nexthop bucket list master br0
ip nexthop flush master br0
ip nexthop
