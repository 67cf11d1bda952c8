# veths whose peer or self lives in another named namespace
$IP link set lo up
$IP netns add ns1
$IP netns add ns2
ip link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b netns ns1
ip link show
ip -j link show
ip netns list
ip -n ns1 link show
ip netns exec ns1 ip link show vb
ip link add vc address 02:00:00:00:00:0c type veth peer name vd address 02:00:00:00:00:0d
ip link set vd netns ns2
ip link show vc
ip -n ns2 link show
ip netns list
ip link set vc netns /run/netns/ns2
ip -n ns2 link show
ip link add ve address 02:00:00:00:00:0e netns ns1 type veth peer name vf address 02:00:00:00:00:0f netns ns2
ip -n ns1 link show ve
ip -n ns2 link show vf
ip link add vg address 02:00:00:00:00:10 type veth peer name vh address 02:00:00:00:00:11
ip link set vh netns ns1 index 77
ip -n ns1 link show vh
ip link set vg netns $$
ip link show vg
$IP netns add ns3
ip link add vi address 02:00:00:00:00:12 link-netns ns3 type veth peer name vj address 02:00:00:00:00:13
ip link show vi
ip netns list
ip link set vi link-netns ns3
ip link add vk type veth peer name vl netns nosuch
ip link show
