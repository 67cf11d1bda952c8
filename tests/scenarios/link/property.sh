# ip link property: alternative names
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip link property add dev va altname uplink
ip link show va
ip link property add dev va altname second altname a-very-long-alternative-name-for-va
ip link show va
ip -j link show va
ip link show uplink
ip link set uplink mtu 1400
ip link show va
ip link property add va altname uplink
ip link property del dev va altname second
ip link show va
ip link property del dev uplink altname uplink
ip link show va
ip link property delete dev va altname nosuch
ip link prop add dev va
ip link property help
ip link property add help
