# A test topology script: three "hosts" (namespaces) on one bridge, as
# mininet- or CI-style topology scripts build them; checked with ping.
ip link add br-lab address 02:00:00:00:0b:00 type bridge
ip link set br-lab up
ip netns add h1
ip netns add h2
ip netns add h3
ip link add h1-eth0 address 02:00:00:00:00:01 type veth peer name br-h1 address 02:00:00:00:0b:01
ip link add h2-eth0 address 02:00:00:00:00:02 type veth peer name br-h2 address 02:00:00:00:0b:02
ip link add h3-eth0 address 02:00:00:00:00:03 type veth peer name br-h3 address 02:00:00:00:0b:03
ip link set h1-eth0 netns h1
ip link set h2-eth0 netns h2
ip link set h3-eth0 netns h3
ip link set br-h1 master br-lab
ip link set br-h2 master br-lab
ip link set br-h3 master br-lab
ip link set br-h1 up
ip link set br-h2 up
ip link set br-h3 up
ip -n h1 addr add 192.0.2.1/24 dev h1-eth0
ip -n h2 addr add 192.0.2.2/24 dev h2-eth0
ip -n h3 addr add 192.0.2.3/24 dev h3-eth0
ip -n h1 link set h1-eth0 up
ip -n h2 link set h2-eth0 up
ip -n h3 link set h3-eth0 up
ip -n h1 link set lo up
ip link show master br-lab
ip -br link show type veth
ip -n h1 -br addr
ip -n h2 -o -4 addr show dev h2-eth0
ip netns exec h1 ping -c 1 -W 2 192.0.2.3 >/dev/null && echo h1-reaches-h3
ip netns exec h2 ping -c 1 -W 2 192.0.2.1 >/dev/null && echo h2-reaches-h1
ip -j link show br-lab
ip link del br-h1
ip link show master br-lab
ip link del br-lab
ip -br link show type bridge
ip -all netns delete
