# ip route add/delete: destinations, gateways, devices, types, tables, protocols, scopes; listed with the real ip
$IP link add va type veth peer name vb
$IP link add vc type veth peer name vd
$IP link set va up
$IP link set vb up
$IP link set vc up
$IP link set vd up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 198.51.100.1/24 dev vc
$IP addr add 2001:db8::1/64 dev va nodad
ip route add 203.0.113.0/24 dev va
ip route add 203.0.113.128/25 via 192.0.2.2
ip route add 10.1.0.0/16 via 192.0.2.2 dev va src 192.0.2.1 metric 10 proto static scope global
ip route add 10.2.0.0/16 via 198.51.100.2 table 100 proto 99
ip route add 10.3.0.0/16 dev vc table 5000 proto ra
ip route add to 10.4.0.0/16 dev va metric 7 tos 0x10
ip route add 10.5.0.0/16 dev va dsfield 8 realms 3/4
ip route add 10.6.0.0/16 via 10.99.0.1 dev va onlink
ip route add 10.7.0.0/16 via inet 192.0.2.3 oif va
ip route add default via 192.0.2.254
ip route add 10.8.0.0/16 dev va table main scope link
ip route add 10.9.0.0/16 dev va table default
ip route add 10.10.0.0/16 dev va table 0x20
ip route add 10.11.0.0/16 dev va m 5
ip route add 10.11.0.0/16 dev va pr 6
ip route add 10.11.0.0/16 dev va preference 8
ip route add 10.12.0.0/16 dev va t 30 pro 5
ip route add 10 dev va
ip route add 10.13/16 dev va
ip route add 10.14.0.0/255.255.0.0 dev va
ip route add 10.15.0.0/16 dev if3
ip route add 10.16.0.0/16 dev va vrf default
ip route add unicast 10.20.0.0/16 dev va
ip route add local 10.21.0.1 dev va
ip route add broadcast 10.21.0.255 dev va
ip route add b 10.21.1.255 dev va
ip route add anycast 10.21.0.9 dev va
ip route add multicast 239.1.0.0/16 dev va
ip route add unreachable 10.22.0.0/16
ip route add u 10.22.1.0/24
ip route add prohibit 10.23.0.0/16 metric 5
ip route add blackhole 10.24.0.0/16 table 7
ip route add throw 10.25.0.0/16 table 7
ip route add +9 10.26.0.0/16 dev va
ip route add 10.27.0.0/16 dev va scope host
ip route add 10.28.0.0/16 dev va scope 200
ip route add 2001:db8:5::/64 via 2001:db8::2 dev va pref high
ip route add 2001:db8:6::/64 dev va pref low metric 7
ip route add 2001:db8:7::/64 dev va pref 1 table 9
ip route add 2001:db8:8::/64 from 2001:db8:77::/64 via 2001:db8::2
ip route add 2001:db8:9::/64 dev va expires 300 metric 9
ip route add default via 2001:db8::fe
ip -6 route add 2001:db8:a::/64 dev va
ip -4 route add 10.30.0.0/16 dev va
ip route add 10.31.0.0/16 dev va ttl-propagate enabled
ip route add 10.32.0.0/16 via inet6 2001:db8::2 dev va
ip -j route add 10.33.0.0/16 dev va
ip -j -p route add 10.34.0.0/16 dev va
ip -o route add 10.35.0.0/16 dev va
ip -d -s route add 10.36.0.0/16 dev va
ip -N route add 10.37.0.0/16 dev va
ip -c route add 10.38.0.0/16 dev va
ip -r route add 10.39.0.0/16 dev va
ip -j route add 10.33.0.0/16 dev va
ip -j route add 10.40.0.0/16 dev nosuch
ip -inet route add 10.41.0.0/16 dev va
ip -family inet6 route add 2001:db8:41::/64 dev va
ip -f link route add 10.42.0.0/16 dev va
$IP route show table all | grep -v fe80 | sed -E "s/expires [0-9]+sec/expires Nsec/" | sort
$IP -d route show table all | grep -v fe80 | sed -E "s/expires [0-9]+sec/expires Nsec/" | sort
$IP -6 route show table all | grep -v fe80 | sed -E "s/expires [0-9]+sec/expires Nsec/" | sort
ip route delete 203.0.113.0/24
ip route del 203.0.113.128/25 via 192.0.2.2
ip route del 10.1.0.0/16 via 192.0.2.2 dev va metric 10
ip route del 10.2.0.0/16 table 100
ip route del 10.3.0.0/16 table 5000 dev vc
ip route d 10.4.0.0/16 tos 0x10 metric 7
ip route del local 10.21.0.1 table local
ip route del broadcast 10.21.0.255 dev va table local
ip route del unreachable 10.22.0.0/16
ip route del default
ip route del 2001:db8:5::/64
ip route del 2001:db8:6::/64 metric 7
ip route del default via 2001:db8::fe dev va
ip route del 10.31.0.0/16 dev va
$IP route show table all | grep -v fe80 | sed -E "s/expires [0-9]+sec/expires Nsec/" | sort
$IP -6 route show table all | grep -v fe80 | sed -E "s/expires [0-9]+sec/expires Nsec/" | sort
