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
ip link add f type amt help
ip link add f type bareudp help
ip link add f type batadv help
ip link add f type bond_slave help
ip link add f type can help
ip link add f type dsa help
ip link add f type erspan help
ip link add f type geneve help
ip link add f type gre help
ip link add f type gretap help
ip link add f type gtp help
ip link add f type hsr help
ip link add f type ip6erspan help
ip link add f type ip6gre help
ip link add f type ip6gretap help
ip link add f type ip6tnl help
ip link add f type ipip help
ip link add f type ipoib help
ip link add f type ipvtap help
ip link add f type macsec help
ip link add f type rmnet help
ip link add f type sit help
ip link add f type vti help
ip link add f type vti6 help
ip link add f type vxcan help
ip link add f type wwan help
ip link add f type xfrm help
ip link add f type macvtap help
ip link add f type vlan help
ip link set lo type bridge_slave help
