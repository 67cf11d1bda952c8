# ip route add/delete: grammar errors and kernel refusals, texts and statuses
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
ip route add
ip route add dev va
ip route add help
ip route add h
ip route add unicast help
ip route add 10.0.0.0/8 dev va help
ip route add nexthop via 192.0.2.2
ip route add to
ip route add to to
ip route add unicast
ip route add 10.0.0.0/8 via
ip route add 10.0.0.0/8 dev
ip route add 10.0.0.0/8 via 192.0.2.2 via 192.0.2.3
ip route add 10.0.0.0/8 via 192.0.2.2 mark 3
ip route add 10.0.0.0/8 dev va weight 3
ip route add 10.0.0.0/8 default
ip route add 10.0.0.0/8 dev va 10.0.0.0/8
ip route add to 10.0.0.0/8 to 10.1.0.0/16
ip route add 10.0.0.300/8 dev va
ip route add 10.0.0.0/33 dev va
ip route add default/8 dev va
ip route add foo
ip route add 10.5.0.0/16 via 2001:db8::2
ip route add 10.5.0.0/16 src 2001:db8::2
ip route add 10.5.0.0/16 from 2001:db8::/32
ip route add 10.5.0.0/16 via foo
ip route add 10.5.0.0/16 via inet6 foo
ip route add 10.5.0.0/16 via bridge 1.2.3.4
ip route add 10.5.0.0/16 via inet
ip -4 route add 2001:db8::/64 dev va
ip -6 route add 10.0.0.0/8 dev va
ip -0 route add 10.0.0.0/8 dev va
ip route add 10.5.0.0/16 dev nosuch
ip route add 10.5.0.0/16 oif nosuch
ip route add 10.5.0.0/16 dev nosuch table foo
ip route add 10.5.0.0/16 table foo
ip route add 10.5.0.0/16 table
ip route add 10.5.0.0/16 proto foo
ip route add 10.5.0.0/16 proto 256
ip route add 10.5.0.0/16 scope foo
ip route add 10.5.0.0/16 scope 256
ip route add 10.5.0.0/16 metric foo
ip route add 10.5.0.0/16 metric 4294967296
ip route add 10.5.0.0/16 tos foo
ip route add 10.5.0.0/16 tos 0x100
ip route add 10.5.0.0/16 expires foo
ip route add 10.5.0.0/16 nhid foo
ip route add 10.5.0.0/16 realms foo
ip route add 10.5.0.0/16 realms 1/foo
ip route add 10.5.0.0/16 pref foo
ip route add 10.5.0.0/16 pref 256
ip route add 10.5.0.0/16 vrf foo
ip route add 10.5.0.0/16 vrf va
ip route add 10.5.0.0/16 ttl-propagate maybe
ip route add 10.5.0.0/16 ttl-propagate
ip route add 10.5.0.0/16 as
ip route add 10.5.0.0/16 as to
ip route add 10.5.0.0/16 as foo
ip route add 192.0.2.0/24 dev va
ip route add 192.0.2.0/24 dev va proto kernel scope link src 192.0.2.1
ip route add 10.6.0.0/16 via 10.99.9.9 dev va
ip route add 10.6.0.0/16 via 10.99.9.9
ip route add 10.6.1.1/16 dev va
ip route add 10.6.0.0/16 via 192.0.2.1
ip route add 10.6.0.0/16 dev va src 10.1.1.1
ip route add 10.6.0.0/16 dev vb
ip route add 10.6.0.0/16 dev va table 4294967295
ip route add 10.6.0.0/16 nhid 5
ip route add local 10.6.0.0/16 dev va scope link
ip route add 10.6.0.0/16 dev va expires 10
ip route del 10.7.0.0/16
ip route del 10.7.0.0/16 table 99
ip route del 192.0.2.0/24 dev va via 192.0.2.9
ip route del 192.0.2.0/24 metric 4
ip route change 10.7.0.0/16 dev va
ip route test 192.0.2.0/24 dev va
ip route del
ip route delete dev va
ip route foo
$IP route show table all | grep -v fe80 | sort
printf 'route add 10.40.0.0/16 dev va\nroute add 10.40.0.0/16 dev va\nroute add 10.41.0.0/16 dev nosuch\nroute del 10.42.0.0/16\nroute add 10.43.0.0/16 dev va\n' > b1; ip -force -batch b1
printf 'route add 10.44.0.0/16 dev va\nroute add 10.44.0.0/16 dev va\nroute add 10.45.0.0/16 dev va\n' > b2; ip -batch b2
printf 'route add 10.46.0.0/16 dev va\nroute add 10.47.0.0/16 foo bar\nroute add 10.48.0.0/16 dev va\n' > b3; ip -force -batch b3
printf 'route add 10.49.0.0/16 nexthop dev nosuch\nroute add 10.50.0.0/16 dev va\n' > b4; ip -force -batch b4
printf 'route add 10.51.0.0/16 via 2001:db8::1\nroute add 10.52.0.0/16 dev va\n' > b5; ip -force -batch b5
printf 'route add\nroute add 10.53.0.0/16 dev va\n' > b6; ip -force -batch b6
$IP route show
