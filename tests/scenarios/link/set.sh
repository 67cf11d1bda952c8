# ip link set / change on links made by the real ip
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add br0 address 02:00:00:00:00:b0 type bridge
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
ip link set va up
ip link show va
ip link set dev va down
ip link show va
ip link set va up down up
ip link show va
ip link set va mtu 1400
ip link set va mtu 0x5dc
ip link show va
ip link set va txqueuelen 01000
ip link set va qlen 100
ip link set va txqlen -1
ip link show va
ip link set va address 02:00:00:00:00:aa broadcast 02:ff:ff:ff:ff:fe
ip link show va
ip link set va brd ff:ff:ff:ff:ff:ff
ip link set va arp off multicast off allmulticast on promisc on trailers off dynamic on
ip link show va
ip link set va arp on multicast on allmulticast off promisc off trailers on dynamic off
ip link show va
ip link set va name vnew
ip link show vnew
ip link set vnew name va
ip link set va alias "uplink one"
ip link show va
ip -j link show va
ip link set va group 7
ip link show va
ip link set va mode dormant
ip link set va state dormant
ip link show va
ip link set va mode DEFAULT state up
ip link show va
ip link set va master br0
ip link show va
ip link set va nomaster
ip link show va
ip link set vb master br0
ip link set vb type bridge_slave cost 10 priority 5 learning off flood off hairpin on guard on mcast_router 2 state 3
$IP -d link show vb
ip link set vb type bridge_slave fdb_flush bcast_flood off mcast_flood off isolated on neigh_suppress on proxy_arp on group_fwd_mask 8 vlan_tunnel off
$IP -d link show vb
ip link set br0 type bridge stp_state 1 priority 7 ageing_time 1000
$IP -d link show br0 | sed -E "s/(gc|hello)_timer +[0-9.]+//g"
ip link set vb nomaster
ip link change va mtu 1450
ip link show va
ip link set va addrgenmode random
$IP -d link show va
ip link set va carrier off
ip link set va gso_max_size 20000 gso_max_segs 50 gro_max_size 30000
$IP -d link show va
ip link set ifb0 protodown on
ip link set va up
ip link set vb up
for n in va vb; do i=0; while [ $i -lt 200 ] && ! $IP -o link show $n | grep -q "state UP"; do sleep 0.05; i=$((i+1)); done; done
ip link show
ip link set group 7 mtu 1300
ip link show va
ip link set group 7 down
ip link show va
ip link set group 0 up
ip link show
ip link s va
ip link set if2 mtu 1280
ip link show va
ip link set va link-netnsid 5
ip link set va numtxqueues 2
ip link set va type veth
ip link set va type veth peer name vb
ip link set dev va name va
ip link set va carrier o
ip link set va carrier on
ip link set va protodown of
ip link set vb master br0
ip link set vb type bridge_slave learning o flood on hairpin of
$IP -d link show vb
ip link set va xdp off
ip link set va xdpgeneric none
ip link set va xdpdrv off
ip -force link set va xdp off
ip link set va xdpoffload off
ip link set xdpoffload off
ip link set va xdp
