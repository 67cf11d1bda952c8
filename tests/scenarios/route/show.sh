# ip route show/list: every route type, metrics, multipath, tables and output modes
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
ip route
ip route show
ip route list
ip route lst
ip ro
ip r s
ip -d route
ip -4 route
ip -0 route
ip -6 route
ip -6 -d route
ip route show table all
ip -d route show table all
ip -6 route show table all
ip -6 -d route show table all
ip route show table 100
ip route show table 200
ip route show table 1000
ip route show table local
ip route show table main
ip route show table 254
ip route show table 0
ip -6 route show table local
ip -6 route show table 100
ip -j route
ip -j -p route
ip -j route show table all
ip -j -6 route show table all
ip -j -d route show table all
ip -j -p -6 route
ip -o route
ip -o -6 route
ip -c route
ip -c -6 route
ip -c route show table all
ip -N route show table all
ip -N -6 route show table all
ip -s route
ip -s -6 route
ip -d -N -j route show table all
ip route show table all | wc -l
printf 'route show table 999\nroute show table 100\nroute show\nroute get 192.0.2.9\nroute show table bogus\nroute show\n' > b1.txt
ip -batch b1.txt
ip -force -batch b1.txt
printf 'route show table all\nroute show table local\nroute show table main\nroute flush table 100\nroute show table all\n' > b2.txt
ip -6 -batch b2.txt
ip -c -d route show table all
ip -j -p -d route show table all
ip -o -d route show table all
ip -N -d route show table all
ip -d route show 10.20.0.0/16
ip -d route show table all root 10.20.0.0/14
ip -d -j route show table all root 10.20.0.0/14
ip -d -j -p -6 route show 2001:db8:20::/64
ip -d -o route show 10.21.0.0/16
$IP -6 route add 2001:db8:6::/64 via 2001:db8:1::5 expires 1000
ip -6 route show 2001:db8:6::/64 | sed 's/expires [0-9]*sec/expires Nsec/'
ip -j -6 route show 2001:db8:6::/64 | sed 's/"expires":[0-9]*/"expires":N/'
ip -s -6 route show 2001:db8:6::/64 | sed 's/expires [0-9]*sec/expires Nsec/'
$IP -n peer addr add 192.0.2.2/24 dev v1
i=0; while [ $i -lt 200 ] && ! $IP -n peer -6 route show table local | grep -q "local fe80"; do sleep 0.05; i=$((i+1)); done
ip -n peer route
ip -n peer route show table all
ip -n peer route get 192.0.2.1
ip -n nosuch route
