# ip route show selectors: to/root/match/exact, from, tos, table, type, proto, scope, dev, iif, via, src, realms, metric, cloned
. "$SCENARIOS/route/setup.inc"
$IP route add default via 192.0.2.254 metric 100
$IP -6 route add default via 2001:db8:1::fe metric 100
$IP route add 10.30.0.0/16 via inet6 fe80::1 dev v0
$IP route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev v0 nexthop via 192.0.2.9 dev v0 weight 3 onlink
$IP route add 10.32.0.0/16 dev v0 table 100 proto static metric 9 realms 2/
$IP -6 route add 2001:db8:30::/64 dev v0 table 200 metric 3
ip route show 10.3.0.0/16
ip route show to 10.3.0.0/16
ip route show root 10.0.0.0/8
ip route show to root 10.0.0.0/8
ip route show match 10.3.1.1
ip route show to match 10.3.1.1
ip route show exact 10.3.0.0/16
ip route show to exact 10.3.0.0/16
ip route show exact 10.3.0.0/8
ip route show default
ip route show all
ip route show any
ip route show 10/8
ip route show to 10.0.0.0/255.0.0.0
ip route show table all 10.9.0.255
ip route show from 192.0.2.0/24
ip route show from root 192.0.2.0/24
ip route show from match 192.0.2.1
ip route show from exact 0/0
ip route show tos 0x10
ip route show dsfield 0x10
ip route show tos 0
ip route show table 100 type local
ip route show table all type prohibit
ip route show table all type unicast
ip route show table all type broadcast
ip route show table all type multicast
ip route show table all type blackhole
ip route show table all type throw
ip route show table all type unreachable
ip route show table all type 2
ip route show proto static
ip route show protocol kernel
ip route show proto all
ip route show proto 99
ip route show proto openr
ip route show table all proto bird
ip route show table all proto 250
ip route show scope link
ip route show scope host table local
ip route show scope all
ip route show scope 253
ip route show table all scope 200
ip route show table all scope site
ip route show dev v0
ip route show dev b0
ip route show oif b0
ip route show iif v0
ip route show via 192.0.2.254
ip route show via inet 192.0.2.2
ip route show via 192.0.2.0/24
ip route show via 192.0.2.3
ip route show src 192.0.2.1
ip route show src 192.0.2.0/24
ip route show src 10.1.0.1
ip route show realms 3/4
ip route show realm 4
ip route show realms 3/
ip route show realms /4
ip route show realm 5
ip route show metric 10
ip route show priority 10
ip route show preference 10
ip route show table all metric 7
ip route show mark 5
ip route show cloned
ip route show cached
ip route show table cache
ip route show table 100 proto bird
ip route show table 100 metric 3
ip route show table 100 dev v0
ip route show table all dev v0 type local
ip route show vrf default
ip -6 route show cached
ip -6 route show 2001:db8::/32
ip -6 route show root 2001:db8::/32
ip -6 route show match 2001:db8:2::1
ip -6 route show exact 2001:db8:2::/64
ip -6 route show dev v0
ip -6 route show via 2001:db8:1::2
ip -6 route show via inet6 2001:db8:1::3
ip -6 route show from 2001:db8:1::/64
ip -6 route show from root 2001:db8::/32
ip -6 route show type anycast table all
ip -6 route show table all type unreachable
ip -6 route show table 100
ip -6 route show proto kernel
ip -6 route show proto static
ip -6 route show metric 5
ip -6 route show table all metric 1024
ip -6 route show default
ip -j route show dev v0
ip -j route show table 100 type local
ip -j -6 route show metric 5
ip -4 route show table all 2001:db8::/32
ip route show 2001:db8::/32
ip route show table all dev lo
ip route show via inet6 fe80::1
ip route show via fe80::1
ip route show via inet6 fe80::/64
ip -d route show table 100 realms 2/
ip route show table 100 realm 2/
ip route show table all realms 2/0
ip route show match 10.31.0.1
ip -6 route show table 200
ip -6 route show table main
ip route show exact 0/0
ip route show 0/0
ip route show to default
ip route show root 0/0
ip route show match 0/0
ip -6 route show exact ::/0
ip -6 route show default
ip -4 route show default
ip -j route show default
ip route list match 8.8.8.8
ip -6 route list match 2001:db8:ffff::1
ip route show exact default
ip route show root all
ip route show match any
ip route show from default
ip -6 route show from ::/0
ip -6 route show from root ::/0
ip route show 10
ip route show 10.3
ip route show to 10.3.0.0/16 table all
ip route show type unicast
ip -d route show type unicast
ip route show table all type local scope host
ip route show table all type multicast
ip -d route show table all type broadcast
ip route show t 100
ip route show c
ip route show p static
ip route show s link
ip route show m 10
ip route show r 3/4
ip route show f 192.0.2.0/24
ip route show d 0x10
ip route show pri 10
ip route show preference 10
ip route show tos 0x10 table all
ip route show dsfield 0x00
ip route show table all tos 0
ip -6 route show type local table all
ip -6 route show table local type multicast
ip -6 route show table main type local
ip route show vrf default dev v0
ip route show 0.0.0.0/0
ip route show 0/1
ip route show 128/1
ip route show from 0/0
ip route show realms 0/0
ip route show realms 0
ip route show realms 4/
ip route show realm /3
