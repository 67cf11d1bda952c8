# A routed lab, as tutorials build it: the seed's two namespaces, each on a
# subnet of its own, joined by a bridge in a third "router" namespace that
# forwards between them; default routes via the router, a route check with
# `route get`, and a ping across. `ip` is the tool under test everywhere.
# Ping times are masked.
ip netns add test1
ip netns add test2
ip netns add router
ip -n router link add br0 type bridge
ip -n router link set br0 up
ip link add veth-test1 type veth peer name r-test1
ip link add veth-test2 type veth peer name r-test2
ip link set veth-test1 netns test1
ip link set veth-test2 netns test2
ip link set r-test1 netns router
ip link set r-test2 netns router
ip -n router link set r-test1 master br0
ip -n router link set r-test2 master br0
ip -n router link set r-test1 up
ip -n router link set r-test2 up
ip -n router addr add 192.0.2.1/25 dev br0
ip -n router addr add 192.0.2.129/25 dev br0
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
ip -n test1 addr add 192.0.2.10/25 dev veth-test1
ip -n test2 addr add 192.0.2.140/25 dev veth-test2
ip -n test1 link set veth-test1 up
ip -n test2 link set veth-test2 up
ip -n test1 link set lo up
ip -n test2 link set lo up
ip -n test1 route add default via 192.0.2.1
ip -n test2 route add default via 192.0.2.129 dev veth-test2
ip -n test1 route
ip -n test2 route show
ip -n router route
ip -n test1 route get 192.0.2.140
ip -n test1 -j route get 192.0.2.140
ip -n test1 route add 198.51.100.0/24 via 192.0.2.1 metric 50
ip -n test1 route add 198.51.100.0/24 via 192.0.2.1 metric 50
ip -n test1 route replace 198.51.100.0/24 via 192.0.2.1 metric 50 mtu 1400
ip -n test1 -d route show 198.51.100.0/24
ip netns exec test1 ping -c 2 -i 0.2 192.0.2.140 | sed -E 's/time=[0-9.]+ ms/time=T ms/; s/time [0-9]+ms/time Tms/; s|= [0-9./]+ ms|= T ms|'
ip -n test1 route del default
ip -n test1 route
ip netns exec test1 ping -c 1 -W 1 192.0.2.140 | head -1
ip netns exec test1 ping -c 1 -W 1 192.0.2.140 > /dev/null 2>&1; echo ping=$?
