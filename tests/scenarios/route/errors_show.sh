# ip route list errors: every selector's bad value, missing arguments, dump errors
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
ip route show table bogus
ip route show table
ip route show table help
ip route show dev nonexist
ip route show iif nonexist
ip route show oif nonexist
ip route show tos zz
ip route show dsfield 0x100
ip route show proto foo
ip route show proto 256
ip route show scope foo
ip route show type foo
ip route show mark x
ip route show metric x
ip route show via
ip route show via 1.2.3.4.5
ip route show via inet
ip route show via inet6 192.0.2.1
ip route show src bad
ip route show realms bad
ip route show bad
ip route show from bad
ip route show from
ip route show root bad
ip route show match
ip route show exact
ip route show 10.0.0.0/33
ip -6 route show 2001:db8::/129
ip route show table 999
ip -6 route show table 999
ip -j route show table 999
ip route show vrf v0
ip route show vrf nonexist
ip route show vrf
ip route show cloned bogus
ip route flush
ip route save > /dev/null extra
ip route help
ip route show help
ip route foo
ip -6 route get 2001:db8::1 from bad
ip -f link route show
ip -f mpls route show 10
script -qc 'ip route save; echo rc=$?; ip route restore; echo rc=$?; ip route showdump; echo rc=$?' /dev/null | tr -d '\r'
