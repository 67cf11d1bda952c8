# route changes with -echo: the kernel's copy of the route, printed as ip's
# rtnl_echo_talk prints it (text, -j's `[{{…}}]`, -j -p), and refusals
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
for n in va vb; do i=0; while [ $i -lt 200 ] && ! $IP -o link show $n | grep -q "state UP"; do sleep 0.05; i=$((i+1)); done; done
$IP addr add 192.0.2.1/24 dev va
$IP addr add 2001:db8::1/64 dev va nodad
ip -echo route add 198.51.100.0/24 via 192.0.2.2
ip -j -echo route del 198.51.100.0/24 via 192.0.2.2
ip -echo -6 route add 2001:db8:5::/64 dev va metric 5
ip -j -p -echo route add 203.0.113.0/24 dev va table 7 proto static
ip -echo route change 203.0.113.0/24 dev va table 7 proto static metric 0 mtu 1400
ip -echo route del 203.0.113.0/24 dev va table 7
ip -echo route add 198.51.100.7 via 192.0.2.99 dev vb
ip -echo route add 198.51.100.0/24 via 192.0.2.2 dev va
ip -echo route add 198.51.100.0/24 via 192.0.2.2 dev va
ip -echo -d route replace 198.51.100.0/24 nexthop via 192.0.2.2 weight 2 nexthop via 192.0.2.3
ip -echo route add unreachable 203.0.113.9
ip -echo route del 192.0.2.77
