# ip route add with nexthop lists: weights, onlink, realms, via inet6, IPv6 multipath; listed with the real ip
$IP link add va type veth peer name vb
$IP link add vc type veth peer name vd
$IP link set va up
$IP link set vb up
$IP link set vc up
$IP link set vd up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 198.51.100.1/24 dev vc
$IP addr add 2001:db8::1/64 dev va nodad
$IP addr add 2001:db8:1::1/64 dev vc nodad
ip route add 203.0.113.0/24 nexthop via 192.0.2.2 dev va weight 3 nexthop via 198.51.100.2 dev vc
ip route add 10.1.0.0/16 nexthop via 192.0.2.2 nexthop via 198.51.100.2 weight 256
ip route add 10.2.0.0/16 nexthop via 192.0.2.2 dev va onlink realms 5 nexthop dev vc weight 2
ip route add 10.3.0.0/16 nexthop via 10.99.0.1 dev va onlink nexthop via 10.99.0.2 dev vc onlink
ip route add 10.4.0.0/16 nexthop dev va nexthop dev vc
ip route add 10.5.0.0/16 nexthop via inet6 2001:db8::2 dev va nexthop via 198.51.100.2
ip route add 10.6.0.0/16 table 100 metric 5 proto static nexthop via 192.0.2.2 nexthop via 198.51.100.2
ip route add 10.7.0.0/16 mtu 1400 nexthop via 192.0.2.2 realms 1/2 nexthop via 198.51.100.2
ip route add 10.8.0.0/16 nexthop via 192.0.2.2 weight 1
ip route add 2001:db8:5::/64 nexthop via 2001:db8::2 dev va nexthop via 2001:db8:1::2 dev vc weight 2
ip route add 2001:db8:6::/64 nexthop via 2001:db8::2 dev va nexthop via 2001:db8::3 dev va
ip route append 2001:db8:6::/64 nexthop via 2001:db8::4 dev va
ip route add default nexthop via 192.0.2.2 nexthop via 198.51.100.2
ip route add 10.9.0.0/16 via 192.0.2.2 nexthop via 198.51.100.2
$IP route show
$IP -6 route show | grep -v fe80
$IP -d route show table all | grep -v fe80 | sort
$IP -j route show table 100
ip route replace 203.0.113.0/24 nexthop via 192.0.2.5 nexthop via 198.51.100.5 weight 4
ip route del 10.1.0.0/16
ip route del 2001:db8:5::/64
ip route del 2001:db8:6::/64 via 2001:db8::3
$IP route show
$IP -6 route show | grep -v fe80
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 nexthop via 192.0.2.77 dev vc
ip route add 10.20.0.0/16 nexthop via 10.99.9.9
ip route add 10.20.0.0/16 nexthop dev nosuch
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 dev nosuch nexthop dev va
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 foo
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 nexthop
ip route add 10.20.0.0/16 nexthop
ip route add 10.20.0.0/16 nexthop via
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 weight 0
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 weight 257
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 weight x
ip route add 10.20.0.0/16 nexthop via 192.0.2.2 realms x
ip route add 10.20.0.0/16 nexthop via 2001:db8::2
ip route add 10.20.0.0/16 nexthop via foo
ip route add 10.20.0.0/16 nexthop dev va via 192.0.2.2 dev vc
ip route add 2001:db8:7::/64 nexthop dev va nexthop dev vc
ip route add nexthop via 192.0.2.2
