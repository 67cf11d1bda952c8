# Listings printed link by link as the dump is read: names of links that
# come later in the dump (masters, veth peers, their M-DOWN), links kept or
# dropped by their addresses, in every output mode
$IP link add d1 address 02:00:00:00:01:01 type ifb
$IP link add va address 02:00:00:00:01:0a type veth peer name vb address 02:00:00:00:01:0b
$IP link set vb up
$IP link add br9 address 02:00:00:00:01:09 type bridge
$IP link set d1 master br9
$IP link set va master br9
$IP link add d2 address 02:00:00:00:01:02 type ifb
$IP link add br3 address 02:00:00:00:01:03 type bridge
$IP link set d2 master br3
$IP link set br3 master br9 2>/dev/null; true
$IP addr add 192.0.2.1/24 dev va
$IP addr add 198.51.100.1/24 dev d1 label d1:web
$IP addr add 203.0.113.1/24 dev d2
$IP addr add 203.0.113.2/24 dev d2
$IP -6 addr add 2001:db8::1/64 dev br3 nodad
ip link show
ip -d link show
ip -s link show
ip -j link show
ip -br link show
ip -o link show
ip link show master br9
ip link show type bridge_slave
ip link show up
ip addr show
ip -4 addr show
ip -6 addr show
ip -o addr show
ip -br addr show
ip -j addr show
ip addr show up
ip addr show label d1*
ip addr show to 203.0.113.0/24
ip addr show master br3
ip -s addr show dev d2
ip -4 -o addr show dev d2
