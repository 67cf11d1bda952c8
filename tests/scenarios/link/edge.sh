# corners of the shared parser
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add br0 address 02:00:00:00:00:b0 type bridge
$IP netns add ns1
ip link add name vc type veth peer
ip link show
ip link set va up dev vb
ip link set dev va dev vb
ip link set name x
ip link set name vb mtu 1400
ip link show vb
ip link add vd name vd type ifb
ip link show vd
ip link add link nosuch name f type macvlan
ip link set va link vb mtu 1450
ip link show va
ip link set nosuch address 02:00:00:00:00:01
ip link add ve type veth peer name vf address zz
ip link add ve type veth peer name vf netns nosuch
ip -4 link add vx type vxlan id 5 dstport 4789
ip -6 link add vy type vxlan id 6 dstport 4789
$IP -d link show vx
$IP -d link show vy
ip link set va vrf nosuch
ip link set va master va
ip link set va master br0 nomaster
ip link show va
ip link set va type bridge_slave
ip link set va type nosuch
ip link add f type bond_slave
ip link delete group 0
ip link set group 0 mtu 1400
ip link show
ip link set group 99 up
ip link delete group 99
ip link add g type veth peer name h index 0
ip link add g index abc type ifb
ip link add g index 5 index 6 type ifb
ip link set va netns ns1 index 5
ip -n ns1 link show
ip link add vv type veth peer name ww netns ns1 link-netns ns1
ip link show vv
ip link add i1 address 02:00:00:00:00:21 type ifb
ip link set i1 address 02:00:00:00:00:22:33
ip link set i1 address 192.0.2.1
ip link set i1 broadcast 1:2
ip link show i1
ip link set i1 alias ""
ip link show i1
ip link set i1 alias x
ip link set i1 alias ""
ip link show i1
ip link set i1 txqueuelen 0
ip link show i1
ip link set i1 mtu 100000
ip link set i1 mtu 68
ip link show i1
