# ip route change/replace/prepend/append/test and the kernel's answers to each
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
ip route add 203.0.113.0/24 via 192.0.2.2
ip route add 203.0.113.0/24 via 192.0.2.3
ip route test 203.0.113.0/24 via 192.0.2.3
ip route test 10.0.0.0/8 dev va
ip route change 203.0.113.0/24 via 198.51.100.2
ip route chg 203.0.113.0/24 via 198.51.100.3 metric 3
ip route change 10.0.0.0/8 dev va
ip route replace 203.0.113.0/24 dev va
ip route replace 10.0.0.0/8 dev vc proto static
ip route r 10.1.0.0/16 dev vc
ip route append 203.0.113.0/24 dev vc
ip route ap 203.0.113.0/24 via 192.0.2.9
ip route prepend 203.0.113.0/24 dev va tos 0x08
ip route p 203.0.113.0/24 dev vc tos 0x08
ip route prepend 10.2.0.0/16 via 192.0.2.2
$IP route show
ip route add 2001:db8:5::/64 via 2001:db8::2
ip route append 2001:db8:5::/64 via 2001:db8:1::2
ip route prepend 2001:db8:5::/64 via 2001:db8::3
ip route add 2001:db8:5::/64 via 2001:db8::4
ip route replace 2001:db8:5::/64 via 2001:db8::5 metric 1024
ip route change 2001:db8:6::/64 dev va
ip route replace 2001:db8:6::/64 dev va metric 5
$IP -6 route show | grep -v fe80
ip route delete 203.0.113.0/24 dev vc
ip route delete 203.0.113.0/24 dev vc
ip route delete 203.0.113.0/24 via 192.0.2.77
ip route del 203.0.113.0/24 table 250
ip route del 10.99.0.0/16
$IP route show
