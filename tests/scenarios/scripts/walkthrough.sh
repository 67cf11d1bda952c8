# The seed walk-through from a network-namespace tutorial, with `ip` being the
# tool under test everywhere, inside `netns exec` too. Ping times are masked.
ip netns list
ip netns add test1
ip netns add test2
ip netns list
ip netns exec test1 ip a
ip netns exec test1 ip link
ip netns exec test1 ip link set dev lo up
ip netns exec test1 ip addr
ip link add veth-test1 type veth peer name veth-test2
ip link set veth-test1 netns test1
ip link set veth-test2 netns test2
ip netns exec test1 ip addr add 172.17.0.101/24 dev veth-test1
ip netns exec test2 ip addr add 172.17.0.102/24 dev veth-test2
ip netns exec test1 ip link set dev veth-test1 up
ip netns exec test2 ip link set dev veth-test2 up
ip netns exec test1 ip link
ip netns exec test1 ip addr
ip netns exec test1 ping -c 2 -i 0.2 172.17.0.102 | sed -E 's/time=[0-9.]+ ms/time=T ms/; s/time [0-9]+ms/time Tms/; s|= [0-9./]+ ms|= T ms|'
