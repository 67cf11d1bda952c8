# ip link delete, by name, by dev, by group, with type
$IP link add va type veth peer name vb
$IP link add vc type veth peer name vd
$IP link add ifb0 type ifb
$IP link add ifb1 type ifb
$IP link add br0 type bridge
ip link delete va
ip link show
ip link del dev vd
ip link show
ip link set ifb0 group 9
ip link set ifb1 group 9
ip link delete group 9
ip link show
ip link delete br0 type bridge
ip link delete lo
ip link delete nosuch
ip link delete
ip link delete dev
ip link d
