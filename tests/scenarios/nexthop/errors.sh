# ip nexthop: every refusal ip gives, from the grammar and from the kernel
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP link add br0 type bridge
$IP nexthop add id 1 via 192.0.2.2 dev va
$IP nexthop add id 11 group 1 type resilient buckets 4
ip nexthop foo
ip nexthop ""
ip nexthop help
ip nexthop h
ip nexthop bucket foo
ip nexthop bucket ""
ip nexthop bucket help
ip nexthop get
ip nexthop get id
ip nexthop get id x
ip nexthop get id 99
ip nexthop get id 1 foo
ip nexthop get id 0
ip nexthop get foo
ip nexthop get id -1
ip nexthop get id 4294967296
ip nexthop add id x
ip nexthop add id 30 foo
ip nexthop add id 30 via
ip nexthop add id 30 via inet
ip nexthop add id 30 via 192.0.2.2
ip nexthop add id 30 via 300.1.1.1 dev va
ip nexthop add id 30 via inet6 192.0.2.2 dev va
ip nexthop add id 30 via 192.0.2.2 via 2001:db8::1 dev va
ip nexthop add id 30 via inet 192.0.2.2 via inet6 2001:db8::1 dev va
ip -6 nexthop add id 30 via 192.0.2.2 dev va
ip -6 nexthop add id 30 via inet 192.0.2.2 dev va
ip nexthop add id 30 via link 00:11 dev va
ip nexthop add id 30 dev nosuch
ip nexthop add id 30 dev
ip nexthop add id 30 group 2,0
ip nexthop add id 30 group 2,257
ip nexthop add id 30 group 2,1,2
ip nexthop add id 30 group x
ip nexthop add id 30 group x/1
ip nexthop add id 30 group ""
ip nexthop add id 30 group 1/
ip nexthop add id 30 group /1
ip nexthop add id 30 group 1/x,2
ip nexthop add id 30 group 99
ip nexthop add id 30 group 1/1
ip nexthop add id 30 group 1 type foo
ip nexthop add id 30 group 1 type
ip nexthop add id 30 group 1 type Mpath
ip nexthop add id 30 group 1 type resilient buckets x
ip nexthop add id 30 group 1 type resilient buckets 65536
ip nexthop add id 30 group 1 type resilient idle_timer 99999999999
ip nexthop add id 30 group 1 type resilient idle_timer 42949672
ip nexthop add id 30 group 1 type resilient unbalanced_timer x
ip nexthop add id 30 group 1 type resilient unbalanced_timer 42949672
ip nexthop add id 30 group 1 type resilient buckets
ip nexthop add id 30 group 1 type resilient idle_timer
ip nexthop add id 30 group 1 type resilient foo
ip nexthop add id 30 group 1 type mpath buckets 4
ip nexthop add id 30 protocol foo
ip nexthop add id 30 protocol 256
ip nexthop add id 30 protocol
ip nexthop add id 30 blackhole help
ip nexthop add id 30 blackhole onlink
ip nexthop add id 30 group 1 blackhole
ip nexthop add id 30 via 192.0.2.2 dev va fdb
ip nexthop add id 30 blackhole fdb
ip nexthop add id 30 encap
ip nexthop add id 1 via 192.0.2.2 dev va
ip nexthop add
ip nexthop add id 30
ip nexthop add id 30 dev br0
ip nexthop add id 30 via 203.0.113.1 dev va
ip nexthop replace id 11 group 1 type resilient buckets 8
ip nexthop replace id 1 group 11
ip nexthop del
ip nexthop del id 99
ip nexthop del id 1 foo
ip nexthop del id
ip nexthop show foo
ip nexthop show ""
ip nexthop show dev nosuch
ip nexthop show master nosuch
ip nexthop show vrf va
ip nexthop show vrf nosuch
ip nexthop show protocol static
ip nexthop show protocol
ip nexthop show id x
ip nexthop show id 99
ip -j nexthop show id 99
ip nexthop show id 1 foo
ip nexthop show dev
ip nexthop show master
ip nexthop show help
ip nexthop show master br0
ip nexthop show master va
ip nexthop flush id 99
ip nexthop flush id x
ip nexthop flush foo
ip nexthop flush help
ip nexthop flush dev nosuch
ip nexthop bucket get id 11
ip nexthop bucket get index 1
ip nexthop bucket get id 11 index x
ip nexthop bucket get id 11 index 65536
ip nexthop bucket get id 11 index 99
ip nexthop bucket get id 1 index 0
ip nexthop bucket get id 99 index 0
ip -j nexthop bucket get id 99 index 0
ip nexthop bucket get foo
ip nexthop bucket get id 11 index 0 foo
ip nexthop bucket get id
ip nexthop bucket list foo
ip nexthop bucket list id x
ip nexthop bucket list nhid x
ip nexthop bucket list dev nosuch
ip nexthop bucket list master nosuch
ip nexthop bucket list vrf va
ip nexthop bucket list help
ip nexthop bucket list id 1
ip nexthop bucket list id 99
ip -j nexthop bucket list id 99
ip -j -p nexthop bucket list id 1
ip nexthop bucket list nhid
printf 'nexthop add id 50 blackhole\nnexthop add id 50 blackhole\nnexthop show id 50\n' | ip -batch -
printf 'nexthop add id 51 blackhole\nnexthop add id 51 blackhole\nnexthop show id 51\nnexthop flush id 99\nnexthop bucket list id 99\nnexthop show id 52\n' | ip -force -batch -
printf 'nexthop add id 52 blackhole\nnexthop add id x\nnexthop show id 52\n' | ip -force -batch -
printf 'nexthop show foo\nnexthop show\n' | ip -force -batch -
printf 'nexthop get\nnexthop show\n' | ip -force -batch -
printf 'nexthop bucket get id 1\nnexthop show\n' | ip -force -batch -
printf 'nexthop add id 53 via 300.0.0.1 dev va\nnexthop show id 1\n' | ip -force -batch -
printf 'nexthop bucket list id 1\nnexthop get id 1\n' | ip -force -batch -
ip -force -batch /nonexistent
