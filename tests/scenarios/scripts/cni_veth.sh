# What a CNI bridge/ptp plugin does: create the veth in the host with a
# temporary name, move one end into the container namespace, rename it eth0,
# address it, bring it up, and check it from inside.
ip netns add ctr1
ip link add tmp-c1 type veth peer name veth-c1
ip link set tmp-c1 netns ctr1
ip -n ctr1 link set tmp-c1 name eth0
ip -n ctr1 link set dev eth0 address 02:42:ac:11:00:02
ip -n ctr1 addr add 198.51.100.2/24 dev eth0
ip -n ctr1 link set eth0 up
ip -n ctr1 link set lo up
ip addr add 198.51.100.1/24 dev veth-c1
ip link set veth-c1 up
ip -n ctr1 addr show dev eth0
ip -n ctr1 -j addr show dev eth0
ip link show veth-c1
ip netns exec ctr1 ping -c 1 -W 2 198.51.100.1 >/dev/null && echo ctr1-reaches-host
ip -n ctr1 link set tmp-c1 up
ip link add tmp-c2 type veth peer name veth-c1
ip -n ctr1 link del eth0
ip link show veth-c1
ip netns del ctr1
ip netns list
