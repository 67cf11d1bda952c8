# ip route save / showdump / restore
echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad; echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad
$IP netns add peer
$IP link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns peer
$IP link add b0 address 02:00:00:00:01:03 type bridge
$IP link add i0 address 02:00:00:00:01:04 type ifb
$IP link set lo up
$IP link set v0 up
$IP -n peer link set v1 up
$IP link set b0 up
$IP link set i0 up
$IP addr add 192.0.2.1/24 dev v0
$IP addr add 198.51.100.1/24 dev b0
$IP addr add 10.1.0.1/16 dev i0
$IP addr add 2001:db8:1::1/64 nodad dev v0
$IP route add 203.0.113.0/24 via 192.0.2.254 metric 10 proto static
$IP route add 10.2.0.0/16 dev v0 scope link proto 99 mtu lock 1400 advmss 1000 rtt 3s rttvar 100ms hoplimit 10 initcwnd 5 initrwnd 7 window 1000 cwnd 4 ssthresh 3 reordering 4 rto_min 200ms quickack 1 features ecn congctl cubic fastopen_no_cookie 1
$IP route add 10.3.0.0/16 nexthop via 192.0.2.2 weight 2 nexthop via 198.51.100.2 dev b0
$IP route add unreachable 10.4.0.0/16
$IP route add prohibit 10.5.0.0/16 table 100
$IP route add blackhole 10.6.0.0/16 table 100 proto kernel
$IP route add throw 10.7.0.0/16 table 200
$IP route add local 10.8.0.1 dev v0 table 100
$IP route add broadcast 10.9.0.255 dev v0 table 100
$IP route add multicast 224.1.0.0/16 dev v0 table 100
$IP route add 10.10.0.0/16 via 192.0.2.3 src 192.0.2.1 tos 0x10 realms 3/4
$IP route add 10.11.0.0/16 dev v0 onlink via 10.255.0.1
$IP route add 10.14.0.0/16 via 192.0.2.6 proto 250 scope 200 table 1000 metric 7
$IP route add 10.15.0.0/16 via 192.0.2.7 realm 5 mtu 1300
$IP route add 10.16.0.0/16 via 192.0.2.8 table 100 proto bird metric 3
$IP -6 route add 2001:db8:2::/64 via 2001:db8:1::2 metric 5 pref high
$IP -6 route add 2001:db8:8::/64 via 2001:db8:1::2 metric 5 pref low
$IP -6 route add anycast 2001:db8:3::/64 dev v0 table 100
$IP -6 route add unreachable 2001:db8:4::/64
$IP -6 route add prohibit 2001:db8:9::/64 table 100
$IP -6 route add blackhole 2001:db8:a::/64 table 100
$IP -6 route add 2001:db8:5::/64 nexthop via 2001:db8:1::3 dev v0 nexthop via 2001:db8:1::4 dev v0
$IP -6 route add 2001:db8:7::/64 from 2001:db8:1::/64 via 2001:db8:1::6
$IP -6 route add 2001:db8:b::/64 dev v0 mtu 1400 hoplimit 3 proto static
$IP route add default via 192.0.2.254 metric 100
$IP -6 route add default via 2001:db8:1::fe metric 100
$IP route add 10.30.0.0/16 via inet6 fe80::1 dev v0
$IP route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev v0 nexthop via 192.0.2.9 dev v0 weight 3 onlink
$IP route add 10.32.0.0/16 dev v0 table 100 proto static metric 9 realms 2/
$IP -6 route add 2001:db8:30::/64 dev v0 table 200 metric 3
ip route save > main.dump
wc -c < main.dump
ip route save table all > all.dump
wc -c < all.dump
ip -6 route save table all > v6.dump
wc -c < v6.dump
ip route save table 100 > t100.dump
ip route save dev v0 > v0.dump
ip route showdump < main.dump
ip route showdump < all.dump
ip route showdump < v6.dump
ip route showdump < t100.dump
ip route showdump < v0.dump
ip -j route showdump < main.dump
ip -d route showdump < t100.dump
ip -4 route showdump < all.dump
ip -6 route showdump < all.dump
cat all.dump | ip route showdump
ip route save table 999 > none.dump
wc -c < none.dump
ip route save bogus > bad.dump
wc -c < bad.dump
$IP route flush table main
$IP route flush table 100
ip route restore < all.dump
ip route show table all
ip route restore < all.dump
ip -6 route flush table main
ip -6 route restore < v6.dump
ip -6 route show table all
ip route restore < /dev/null
ip route showdump < /dev/null
printf 'abcdefgh' > junk.dump
ip route showdump < junk.dump
ip route restore < junk.dump
head -c 30 main.dump > trunc.dump
ip route showdump < trunc.dump
ip route restore < trunc.dump
cat trunc.dump | ip route showdump
ip -j route save table local | tail -c 3
ip -j -p route save table local | tail -c 4
ip -j route save table local | wc -c
ip -j route save table 999 | tail -c 1
