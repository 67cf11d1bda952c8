# An overlay lab: two namespaces joined by a veth underlay, with a VXLAN
# tunnel on top, addressed and checked with ping.
ip netns add left
ip netns add right
ip link add ul-left type veth peer name ul-right
ip link set ul-left netns left
ip link set ul-right netns right
ip -n left addr add 192.0.2.1/30 dev ul-left
ip -n right addr add 192.0.2.2/30 dev ul-right
ip -n left link set ul-left up
ip -n right link set ul-right up
ip -n left link add vx42 type vxlan id 42 remote 192.0.2.2 local 192.0.2.1 dstport 4789 dev ul-left
ip -n right link add vx42 type vxlan id 42 remote 192.0.2.1 local 192.0.2.2 dstport 4789 dev ul-right
ip -n left addr add 198.51.100.1/24 dev vx42
ip -n right addr add 198.51.100.2/24 dev vx42
ip -n left link set vx42 up
ip -n right link set vx42 up
ip -n left link show vx42
ip -n left -br addr
ip netns exec left ping -c 1 -W 2 198.51.100.2 >/dev/null && echo overlay-up
ip -n left link del vx42
ip -all netns del
