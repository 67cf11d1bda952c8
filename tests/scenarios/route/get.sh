# ip route get: every selector, IPv4 and IPv6, JSON, fibmatch, connected
. "$SCENARIOS/route/setup.inc"
$IP route add default via 192.0.2.254 metric 100
$IP -6 route add default via 2001:db8:1::fe metric 100
$IP nexthop add id 1 via 192.0.2.2 dev v0
$IP nexthop add id 2 via 192.0.2.3 dev v0
$IP nexthop add id 3 group 1/2,3
$IP nexthop add id 5 group 1/2 type resilient buckets 8 idle_timer 10 unbalanced_timer 20
$IP nexthop add id 6 blackhole
$IP -6 nexthop add id 4 via 2001:db8:1::9 dev v0
$IP route add 10.20.0.0/16 nhid 1
$IP route add 10.21.0.0/16 nhid 3
$IP route add 10.22.0.0/16 nhid 5 table 100
$IP route add 10.23.0.0/16 nhid 6
$IP -6 route add 2001:db8:20::/64 nhid 4
$IP route add 10.30.0.0/16 via inet6 fe80::1 dev v0
$IP route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev v0 nexthop via 192.0.2.9 dev v0 weight 3 onlink
$IP route add 10.32.0.0/16 dev v0 table 100 proto static metric 9 realms 2/
$IP -6 route add 2001:db8:30::/64 dev v0 table 200 metric 3
ip route get 192.0.2.7
ip route get to 192.0.2.7
ip route get 203.0.113.5
ip -j route get 203.0.113.5
ip -j -p route get 203.0.113.5
ip -d route get 203.0.113.5
ip -s route get 203.0.113.5 | sed -E 's/ (age|users|used) [0-9]+(sec)?//g'
ip -o route get 203.0.113.5
ip -N route get 203.0.113.5
ip route get 127.0.0.1
ip route get 192.0.2.1
ip -j route get 192.0.2.1
ip route get 192.0.2.255
ip route get 10.3.0.1
ip route get 10.4.0.1
ip route get 10.13.0.1 from 192.0.2.1
ip route get 198.51.100.9 from 192.0.2.1
ip route get 198.51.100.9 from 192.0.2.1 iif v0
ip route get 198.51.100.9 oif b0
ip route get 198.51.100.9 dev b0
ip route get 198.51.100.9 mark 5
ip route get 198.51.100.9 mark 0x20
ip route get 198.51.100.9 uid 1000
ip route get 198.51.100.9 tos 0x10
ip route get 10.10.0.1 tos 0x10
ip route get 10.10.0.1 dsfield 0x10
ip route get 10.15.0.1
ip -j route get 10.15.0.1
ip route get 198.51.100.9 ipproto tcp sport 80 dport 443
ip route get 198.51.100.9 ipproto 17 sport 53
ip route get fibmatch 203.0.113.5
ip route get fibmatch 10.3.0.1
ip -j route get fibmatch 10.3.0.1
ip route get fibmatch 10.2.0.1
ip route get connected 203.0.113.5
ip -j route get connected 203.0.113.5
ip route get 198.51.100.9 from 192.0.2.1 iif v0 connected
ip route get 198.51.100.9 as 192.0.2.9
ip route get 198.51.100.9 as to 192.0.2.9
ip route get 192.0.2.0/24
ip route get 192.0.2.7/32
ip route get 2001:db8:2::1
ip -6 route get 2001:db8:2::1
ip -j -6 route get 2001:db8:2::1
ip -6 route get fibmatch 2001:db8:5::1
ip -6 route get 2001:db8:1::1
ip route get ::1
ip route get 2001:db8:4::1
ip route get 2001:db8:99::1
ip route get 2001:db8::/64
ip -6 route get 2001:db8:2::1 from 2001:db8:1::1
ip -6 route get 2001:db8:2::1 oif v0
ip -6 route get 2001:db8:2::1 ipproto udp dport 53 uid 7
ip -4 route get 2001:db8::1
ip -6 route get 192.0.2.1
ip route get 8.8.8.8
ip route get 10.5.0.1
ip route get 224.1.2.3
ip route get 255.255.255.255
ip route get 0.0.0.0
ip route get default
ip route get
ip route get from 192.0.2.1
ip route get 192.0.2.7 iif nope
ip route get 192.0.2.7 oif nope
ip route get 192.0.2.7 vrf nope
ip route get 192.0.2.7 vrf v0
ip route get 192.0.2.7 mark x
ip route get 192.0.2.7 uid x
ip route get 192.0.2.7 sport x
ip route get 192.0.2.7 dport 99999
ip route get 192.0.2.7 ipproto nope
ip route get 192.0.2.7 tos nope
ip route get bogus
ip route get 192.0.2.7 from
ip route get 192.0.2.7 as
ip route get 192.0.2.7 as bogus
ip route get help
ip route get from help
ip route get 192.0.2.7 f 192.0.2.1
ip route get 192.0.2.7 dsf 0x10
ip route get 10.30.0.1
ip route get 10.31.0.1
ip -c route get 10.31.0.1
ip -j route get 10.31.0.1
ip route get fibmatch 10.31.0.1
ip route get 8.8.8.8
ip -6 route get 2001:db8:ffff::1
ip -j route get 8.8.8.8
ip route get 8.8.8.8 from 192.0.2.1
ip -o route get 8.8.8.8
ip route get 10.20.0.1
ip -d route get 10.21.0.1
ip -d route get fibmatch 10.21.0.1
ip -d -j route get fibmatch 10.20.0.1
ip route get connected 192.0.2.7
ip route get connected 127.0.0.1
ip -6 route get connected 2001:db8:2::1
ip -j route get connected 192.0.2.7
ip route get connected 10.5.0.1
ip route get 10.5.0.1 connected from 192.0.2.1
ip route get 198.51.100.9 iif v0
ip route get 198.51.100.9 from 192.0.2.9 iif v0
ip -j route get 198.51.100.9 from 192.0.2.9 iif v0
ip route get 192.0.2.1 from 198.51.100.3 iif b0
ip -s -j route get 10.3.0.1 | sed -E 's/,?"(age|users|used)":[0-9]+//g'
ip route get 10.30.0.1 fibmatch
ip -d route get 192.0.2.255
ip route get 10.4.0.1 iif lo from 127.0.0.1
ip route get 2001:db8:99::1 from 2001:db8:1::1 iif v0
ip route get 10.1.2.3 oif i0
ip route get 203.0.113.9 oif b0
