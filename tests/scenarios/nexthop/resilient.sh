# ip nexthop resilient groups and their buckets (idle times change with time, so they are masked)
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 198.51.100.1/24 dev vb
ip nexthop add id 1 via 192.0.2.2 dev va
ip nexthop add id 2 via 198.51.100.2 dev vb
ip nexthop add id 3 via 192.0.2.3 dev va
ip nexthop add id 10 group 1/2 type resilient buckets 8 idle_timer 10 unbalanced_timer 20
ip nexthop add id 11 group 1,3/2 type resilient buckets 4
ip nexthop add id 12 group 1/3 type resilient
ip nexthop add id 13 group 2 type resilient idle_timer 0 unbalanced_timer 0 buckets 2 protocol 5
ip nexthop add id 14 group 1 type resilient buckets 2 buckets 3
ip nexthop
ip -d nexthop
ip -j nexthop
ip -j -p nexthop show id 10
ip -c nexthop show id 11
ip nexthop get id 13
ip nexthop replace id 10 group 1,2/2 type resilient idle_timer 5 unbalanced_timer 7
ip nexthop show id 10
ip nexthop replace id 13 group 1 type resilient
ip nexthop show id 13
ip nexthop bucket | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket list | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket show id 11 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket lst nhid 2 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket list id 11 nhid 3 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket list dev vb | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket list dev va id 12 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip -6 nexthop bucket list | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip -4 nexthop bucket list id 13 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip -j nexthop bucket list id 11 | sed 's/"idle_time":[0-9.e+-]*/"idle_time":T/g'
ip -j -p nexthop bucket list id 13 | sed 's/"idle_time": [0-9.e+-]*/"idle_time": T/g'
ip -o nexthop bucket list id 13 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip -s -d nexthop bucket list id 13 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket get id 11 index 1 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket g id 10 index 7 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip -j nexthop bucket get id 11 index 3 | sed 's/"idle_time":[0-9.e+-]*/"idle_time":T/g'
ip nexthop bucket list id 0 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop bucket list master va
ip nexthop bucket list id 1
ip nexthop del id 2
ip nexthop show groups
ip nexthop bucket list id 11 | sed 's/idle_time [0-9.e+-]*/idle_time T/'
ip nexthop del id 11
ip nexthop bucket list id 11
