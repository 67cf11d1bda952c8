# ip link show in every output mode, over links made by the real ip
$IP link set lo up
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add br0 address 02:00:00:00:00:b0 type bridge
$IP link set va master br0
$IP link set vb up
$IP link add ifb0 type ifb
$IP link set ifb0 address 02:00:00:00:00:1f alias "my uplink" group 7 mtu 9000 txqueuelen 500
$IP link property add dev ifb0 altname ifb-alternative
$IP link set ifb0 promisc on allmulticast on
$IP netns add ns1
$IP link add vx address 02:00:00:00:00:0c type veth peer name vy netns ns1
ip link
ip link show
ip l
ip link list
ip link lst
ip link sh
ip -s link
ip -s -s link
ip -s -s -s link show lo
ip -h -s link show lo
ip -iec -h -s -s link show lo
ip -j link
ip -j -p link
ip -j -s link
ip -j -p -s -s link
ip -br link
ip -br -c link
ip -j -br link
ip -o link
ip -o -s link
ip -c link
ip -c=always -o link
ip -N link
ip link show dev va
ip link show va
ip link show dev ifb-alternative
ip link show if1
ip link show if99
ip link show nosuch
ip link show dev nosuch
ip -j link show nosuch
ip -j link show if99
ip link show up
ip -j link show up
ip link show master br0
ip link show master nosuch
ip link show nomaster
ip link show type veth
ip link show type bridge
ip link show type bridge_slave
ip link show group 7
ip link show group default
ip link show group bogus
ip link show va vb
ip link show dev
ip link show label foo
ip -j link show label foo
ip -4 link
ip -6 -o link
ip -n ns1 link
ip -n ns1 -j link
ip -n ns1 -br link
ip link help
ip link foo
ip link show help
