# cloned (cached) routes: IPv4 and IPv6 PMTU exceptions learnt through a router namespace, listed, got and flushed
$IP netns add r
$IP netns add c
$IP link add v0 type veth peer name v1 netns r
$IP -n r link add w0 type veth peer name w1 netns c
$IP link set v0 up; $IP addr add 192.0.2.1/24 dev v0
$IP -n r link set v1 up; $IP -n r addr add 192.0.2.2/24 dev v1
$IP -n r link set w0 up mtu 1280; $IP -n r addr add 198.51.100.1/24 dev w0
$IP -n c link set w1 up mtu 1280; $IP -n c addr add 198.51.100.2/24 dev w1
$IP -n c route add default via 198.51.100.1
$IP netns exec r sysctl -qw net.ipv4.ip_forward=1
$IP route add 198.51.100.0/24 via 192.0.2.2
$IP -6 addr add 2001:db8:1::1/64 dev v0 nodad
$IP -n r -6 addr add 2001:db8:1::2/64 dev v1 nodad
$IP -n r -6 addr add 2001:db8:2::1/64 dev w0 nodad
$IP -n c -6 addr add 2001:db8:2::2/64 dev w1 nodad
$IP -n c -6 route add default via 2001:db8:2::1
$IP netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
$IP -6 route add 2001:db8:2::/64 via 2001:db8:1::2
sleep 1
ping -c1 -W1 -M do -s 1400 198.51.100.2  >/dev/null 2>&1; true
ping -c1 -W1 -M do -s 1300 198.51.100.2  >/dev/null 2>&1; true
ping -6 -c1 -W1 -M do -s 1400 2001:db8:2::2 >/dev/null 2>&1; true
ping -6 -c1 -W1 -s 1300 2001:db8:2::2 >/dev/null 2>&1; true
ip route show cached | sed 's/expires [0-9]*sec/expires Nsec/'
ip route show table cache | sed 's/expires [0-9]*sec/expires Nsec/'
ip route list cloned root 198.51.100.0/24 | sed 's/expires [0-9]*sec/expires Nsec/'
ip -6 route show cached | sed 's/expires [0-9]*sec/expires Nsec/'
ip -d route show cached | sed 's/expires [0-9]*sec/expires Nsec/'
ip -j route show cached | sed 's/"expires":[0-9]*/"expires":N/'
ip -j -6 route show cached | sed 's/"expires":[0-9]*/"expires":N/'
ip -o route show cached | sed 's/expires [0-9]*sec/expires Nsec/'
ip route get 198.51.100.2 | sed 's/expires [0-9]*sec/expires Nsec/'
ip -6 route get 2001:db8:2::2 | sed 's/expires [0-9]*sec/expires Nsec/'
ip route show
ip route save cached > cached.dump; wc -c < cached.dump
ip -s route flush cache
ip route show cached
ip -6 route flush cached
ip -6 route show cached
