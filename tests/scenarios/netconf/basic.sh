# ip netconf: dumps of every family, single gets, filters and output modes
$IP link set lo up
$IP link add va type veth peer name vb
sysctl -qw net.ipv4.conf.va.forwarding=1 net.ipv4.conf.va.rp_filter=2 net.ipv4.conf.vb.rp_filter=1
sysctl -qw net.ipv4.conf.va.proxy_arp=1 net.ipv6.conf.vb.forwarding=1 net.ipv6.conf.vb.proxy_ndp=1
sysctl -qw net.ipv4.conf.all.ignore_routes_with_linkdown=1 net.ipv6.conf.default.ignore_routes_with_linkdown=1
ip netconf
ip netconf show
ip netconf sh
ip netconf l
ip netconf ls
ip netconf list
ip netconf lst
ip -4 netconf
ip -6 netconf
ip -f inet6 netconf
ip -M netconf
ip -0 netconf
ip -B netconf
ip netconf show dev va
ip netconf show dev vb
ip -4 netconf show dev va
ip -6 netconf show dev vb
ip -M netconf show dev va
ip -0 netconf show dev lo
ip netconf show dev if1
ip netconf show dev lo foo
ip netconf show foo dev va bar
ip netconf show dev va dev vb
ip -j netconf
ip -j -p netconf
ip -j -4 netconf
ip -j -6 netconf show dev vb
ip -j -4 netconf show dev va
ip -j -M netconf
ip -o netconf
ip -c netconf
ip -c -4 netconf show dev va
ip -N -s -d netconf show dev vb
ip -batch /dev/null netconf
printf 'netconf show dev va\n-4 netconf show dev lo\nnetconf show dev vb\n' > b && ip -batch b
printf 'netconf show dev nope\nnetconf show dev va\n' > b && ip -batch b
printf 'netconf show dev nope\nnetconf show dev va\n' > b && ip -force -batch b
