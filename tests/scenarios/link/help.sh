# ip link help and the kinds' own help
ip link help
ip link help veth
ip link help bridge
ip link help bridge_slave
ip link help vxlan
ip link help macvlan
ip link help macvtap
ip link help ifb
ip link help dummy
ip link help vlan
ip link help bond
ip link help vrf
ip link help ipvlan
ip link help gre
ip link help nosuch
ip link help veth extra
ip link he veth
ip link add help
ip link set help
ip link add f type bridge help
ip link add f type vlan help
ip link add f type bond help
ip link add f type vrf help
ip link add f type ipvlan help
ip link add f type vxlan help
